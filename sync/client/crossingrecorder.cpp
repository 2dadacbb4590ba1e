#include "sync/client/crossingrecorder.h"

#include "app/store/crossingrepository.h"
#include "app/store/eventrepository.h"
#include "app/store/personrepository.h"
#include "app/store/workingset.h"
#include "sync/client/chaintail.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRecorder, "kiosk.sync.recorder", QtInfoMsg)

namespace Kiosk::Sync {

EventLog::DocumentIdentity documentIdentity(const TravelDocument &d)
{
    return EventLog::DocumentIdentity{d.documentCode, d.issuingState.toString(), d.documentNumber, d.nationality.toString(),
                                      d.surname, d.givenNames,
                                      d.birthDate ? d.birthDate->toString(Qt::ISODate) : QString(), d.birthDateRaw, sexToString(d.sex)};
}

bool recordsCrossing(const EventLog::Event &e)
{
    return e.kind == QLatin1String("crossing") || e.kind == QLatin1String("override");
}

QString crossingDocumentOf(const EventLog::Event &e)
{
    return recordsCrossing(e) ? Store::crossingDocumentKey(e.document.issuingState, e.document.number) : QString();
}

Store::RemoteEvent remoteEventOf(const EventLog::SignedEvent &se, qint64 feedId)
{
    const EventLog::Event &e = se.event;
    return Store::RemoteEvent{e.kioskId,         e.sequence,           e.id,
                              se.bytes,          se.signature,         feedId,
                              crossingDocumentOf(e), e.recordedAt.date(), Store::keepsWorkingSet(e.reasons)};
}

Result<void> recordRemoteCrossing(Store::Database &db, const EventLog::Event &e, const QDateTime &pulledAt)
{
    if (!recordsCrossing(e))
        return {};
    TravelDocument d;
    d.documentCode = e.document.code;
    d.kind = documentKindFromCode(e.document.code);
    d.issuingState = CountryCode::fromString(e.document.issuingState).value_or(CountryCode());
    d.nationality = CountryCode::fromString(e.document.nationality).value_or(CountryCode());
    d.documentNumber = e.document.number;
    d.surname = e.document.surname;
    d.givenNames = e.document.givenNames;
    if (const QDate birth = QDate::fromString(e.document.birthDate, Qt::ISODate); birth.isValid())
        d.birthDate = birth;
    d.birthDateRaw = e.document.birthDateRaw;
    d.sex = e.document.sex == QLatin1String("M") ? Sex::Male : e.document.sex == QLatin1String("F") ? Sex::Female : Sex::Unspecified;
    d.checkDigitsValid = true; // it was parsed and checked where it was recorded
    auto person = Store::PersonRepository(db).findOrCreate(d, pulledAt);
    if (!person)
        return std::unexpected(person.error());
    Store::CrossingRecord row;
    row.personId = person->personId;
    row.documentId = person->documentId;
    row.crossing = Crossing{e.direction, e.recordedAt.date(), e.checkpoint};
    row.kioskId = e.kioskId;
    row.eventId = e.id;
    row.recordedAt = e.recordedAt.toUTC();
    row.source = QStringLiteral("central");
    auto id = Store::CrossingRepository(db).record(row);
    if (!id)
        return std::unexpected(id.error());
    return {};
}

CrossingRecorder::CrossingRecorder(Store::Database &db, const EventLog::EventSigner &signer, QString kioskId, QString checkpoint)
    : m_db(db), m_signer(signer), m_kioskId(std::move(kioskId)), m_checkpoint(std::move(checkpoint))
{
}

void CrossingRecorder::keepChainFilesBeside(const QString &keyFile)
{
    m_tailFile = kioskTailFile(keyFile);
    m_centralMarkFile = kioskCentralMarkFile(keyFile);
}

Result<RecordedDecision> CrossingRecorder::record(const Decision &decision)
{
    const bool crosses = decision.verdict == VerdictKind::Admit || decision.officerOverride;
    EventLog::Event draft;
    draft.kioskId = m_kioskId;
    draft.checkpoint = m_checkpoint;
    draft.officer = decision.officer;
    draft.kind = decision.officerOverride ? QStringLiteral("override")
        : decision.verdict == VerdictKind::Admit ? QStringLiteral("crossing")
        : decision.verdict == VerdictKind::Refer ? QStringLiteral("refer")
                                                 : QStringLiteral("refusal");
    draft.direction = decision.direction;
    draft.document = documentIdentity(decision.document);
    draft.verdict = verdictToString(decision.verdict);
    draft.reasons = decision.reasons;
    draft.overrideReason = decision.overrideReason;
    const bool overridden = decision.officerOverride || !decision.overrideReason.isEmpty();
    if (overridden && !draft.reasons.contains(EventLog::OfficerOverrideCode))
        draft.reasons << EventLog::OfficerOverrideCode;
    draft.policyVersion = decision.policyVersion;
    draft.recordedAt = decision.at;

    // BEGIN IMMEDIATE: the chain head read below cannot move under us (another process
    // recording on the same database waits for the write lock).
    Store::Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    Store::EventRepository events(m_db);
    auto head = events.head();
    if (!head)
        return std::unexpected(head.error());
    // A log cut short must not go on with a sequence number already signed.
    if (!m_tailFile.isEmpty())
        if (auto tail = checkChainTail(m_db, m_tailFile, *head); !tail)
            return std::unexpected(tail.error());
    // ... nor with one the central side already holds (a database and tail restored together).
    if (!m_centralMarkFile.isEmpty())
        if (auto central = checkCentralMark(m_db, m_centralMarkFile, *head); !central)
            return std::unexpected(central.error());
    auto signedEvent = m_signer.sign(draft, head->sequence, head->hash);
    if (!signedEvent)
        return std::unexpected(signedEvent.error());
    const EventLog::Event &e = signedEvent->event;
    if (auto appended = events.append(Store::StoredEvent{e.sequence, e.id, e.kioskId, signedEvent->bytes, signedEvent->signature,
                                                         signedEvent->hash(), decision.at.toUTC(), crossingDocumentOf(e)});
        !appended)
        return std::unexpected(appended.error());

    RecordedDecision out{e.id, e.sequence, e.kind, std::nullopt};
    if (crosses) {
        Store::PersonRepository persons(m_db);
        auto person = persons.findOrCreate(decision.document, decision.at); // the decision's instant, on the session's clock
        if (!person)
            return std::unexpected(person.error());
        Store::CrossingRecord row;
        row.personId = person->personId;
        row.documentId = person->documentId;
        // The local calendar date is the date at the checkpoint's offset (domain-rules §2).
        row.crossing = Crossing{decision.direction, decision.at.date(), m_checkpoint};
        row.kioskId = m_kioskId;
        row.eventId = e.id;
        row.recordedAt = decision.at.toUTC();
        auto id = Store::CrossingRepository(m_db).record(row);
        if (!id)
            return std::unexpected(id.error());
        out.crossingId = *id;
    }
    if (auto committed = tx.commit(); !committed)
        return std::unexpected(committed.error());
    // After the commit: a power cut in between leaves the database one event ahead of the
    // file, which checkChainTail() accepts; the other order would leave it behind.
    if (!m_tailFile.isEmpty())
        if (auto written = writeChainTail(m_tailFile, ChainTail{m_kioskId, e.sequence, signedEvent->hash()}); !written)
            qCWarning(lcRecorder).noquote() << "event" << e.sequence << "recorded, but the chain tail was not written:" << written.error().message;
    return out;
}

} // namespace Kiosk::Sync
