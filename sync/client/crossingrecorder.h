#pragma once
// The write side of a decision: the crossing row, its signed event and its
// outbox entry in ONE SQLite transaction (WAL, synchronous=FULL). Either all three are on disk
// or none is: a power cut between them cannot lose an event or leave an unsigned crossing.
#include "app/core/traveldocument.h"
#include "app/core/verdict.h"
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "sync/eventlog/eventsigner.h"

#include <QDateTime>

namespace Kiosk::Sync {

struct Decision
{
    TravelDocument document;
    Direction direction = Direction::Entry;
    QDateTime at;              // the instant, with the checkpoint's UTC offset (its date is the local date)
    QString officer;
    VerdictKind verdict = VerdictKind::Admit;
    QStringList reasons;       // reason codes
    QString policyVersion;
    bool officerOverride = false; // the officer admitted against the verdict
    // The officer's typed reason when the decision overrides the verdict (admitting against it,
    // or towards REFER/REFUSE); empty otherwise. It is signed in the event's own overrideReason
    // field, and the reason code OFFICER_OVERRIDE is added to the reasons (event.h, format 2).
    QString overrideReason;
};

struct RecordedDecision
{
    QString eventId;
    qint64 sequence = 0;
    QString kind;                  // crossing | override | refer | refusal
    std::optional<qint64> crossingId; // set when a crossing happened (ADMIT, or an override)
};

class CrossingRecorder
{
public:
    CrossingRecorder(Store::Database &db, const EventLog::EventSigner &signer, QString kioskId, QString checkpoint);

    // ADMIT (or an officer override) records a crossing and its event; REFER and REFUSE record
    // only the signed decision. Errors: STORE_* (nothing written), EVENT_INVALID (also an
    // officer override without a typed reason: domain-rules §6).
    [[nodiscard]] Result<RecordedDecision> record(const Decision &decision);

    // The files beside the kiosk's signing key `keyFile` (sync/client/chaintail.h): the chain
    // tail, checked before each write and written after it, and the central mark, checked
    // before each write. Not called (tests, the demo): neither is kept. Errors of record() then
    // include CHAIN_TAIL_*, CHAIN_BEHIND_CENTRAL and CHAIN_DIVERGES_FROM_CENTRAL (nothing written).
    void keepChainFilesBeside(const QString &keyFile);

private:
    Store::Database &m_db;
    const EventLog::EventSigner &m_signer;
    QString m_kioskId;
    QString m_checkpoint;
    QString m_tailFile;
    QString m_centralMarkFile;
};

// The event's document identity from a parsed document (what the chain signs).
[[nodiscard]] EventLog::DocumentIdentity documentIdentity(const TravelDocument &document);

// Whether the event records a crossing (kind crossing or override), and then its document's
// key for events.crossing_document; empty otherwise.
[[nodiscard]] bool recordsCrossing(const EventLog::Event &event);
[[nodiscard]] QString crossingDocumentOf(const EventLog::Event &event);

// The store's row for a pulled event (its signature verified by the caller): the crossing
// document, the local date and whether a reason keeps it in the working set (app/store/workingset.h).
[[nodiscard]] Store::RemoteEvent remoteEventOf(const EventLog::SignedEvent &event, qint64 feedId);

// A crossing recorded at another checkpoint, pulled from the central feed (its signature
// already verified): the person and the crossing row (source "central") so that the local
// history has it offline too. Events that are not crossings add nothing. `pulledAt` (the
// puller's clock) dates a person this kiosk had not seen. Joins the caller's transaction.
// Errors: STORE_*.
[[nodiscard]] Result<void> recordRemoteCrossing(Store::Database &db, const EventLog::Event &event, const QDateTime &pulledAt);

} // namespace Kiosk::Sync
