// The one-transaction rule (architecture.md): crossing row, signed event and outbox
// entry together or not at all; what each verdict writes; the outbox's acknowledge/reject.
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/outbox.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/storedchain.h"
#include "syntheticpassport.h"
#include "tests/unit/eventlog/eventfixture.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Kiosk;

namespace {
TravelDocument document(const QString &number)
{
    return Test::syntheticPassport(u"UTO", number, QStringLiteral("ERIKSSON"), QStringLiteral("ANNA MARIA"), QDate(1974, 8, 12));
}

Sync::Decision decision(VerdictKind verdict, const TravelDocument &doc = document(QStringLiteral("L898902C3")))
{
    return Sync::Decision{doc, Direction::Entry, QDateTime(QDate(2026, 11, 29), QTime(0, 30), QTimeZone(4 * 3600)), QStringLiteral("OFF-1"),
                          verdict, {QStringLiteral("SOME_REASON")}, QStringLiteral("2026.1"), false, {}};
}

qint64 count(Store::Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    const qint64 n = q && (*q)->next() ? (*q)->value(0).toLongLong() : -1;
    if (q)
        (*q)->finish();
    return n;
}
} // namespace

class TstCrossingRecorder : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void admitWritesAllThreeLinked();
    void referAndRefuseWriteOnlyTheSignedDecision();
    void failureLeavesNothing();
    void chainAcrossRecordsVerifies();
    void overrideReasonIsItsOwnField_data();
    void overrideReasonIsItsOwnField();
    void upgradedKioskChainVerifies();
    void outboxAcknowledgeRejectRequeue();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<Store::Database> m_db;
    std::optional<EventLog::EventSigner> m_signer;
    std::optional<Crypto::Ed25519PublicKey> m_public;
};

void TstCrossingRecorder::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Store::Database::open(m_dir->filePath(QStringLiteral("k.db")));
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    m_db.emplace(std::move(*db));
    auto key = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    m_public = key->publicKey();
    m_signer.emplace(std::move(*key));
}

void TstCrossingRecorder::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

void TstCrossingRecorder::admitWritesAllThreeLinked()
{
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    auto r = recorder.record(decision(VerdictKind::Admit));
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->kind, QStringLiteral("crossing"));
    QVERIFY(r->crossingId);
    auto q = m_db->exec(QStringLiteral("SELECT c.local_date, c.kiosk_id, o.sequence FROM crossings c JOIN events e ON e.event_id = c.event_id "
                                       "JOIN outbox o ON o.sequence = e.sequence WHERE c.event_id = ?"), {r->eventId});
    QVERIFY(q && (*q)->next());
    // 00:30 at +04:00 on the 29th is the 28th in UTC: the local date is what counts.
    QCOMPARE((*q)->value(0).toString(), QStringLiteral("2026-11-29"));
    QCOMPARE((*q)->value(1).toString(), QStringLiteral("KIOSK-GYD-01"));
    QCOMPARE((*q)->value(2).toLongLong(), 1);
    (*q)->finish();
}

void TstCrossingRecorder::referAndRefuseWriteOnlyTheSignedDecision()
{
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    auto refer = recorder.record(decision(VerdictKind::Refer));
    auto refuse = recorder.record(decision(VerdictKind::Refuse));
    QVERIFY(refer && refuse);
    QCOMPARE(refer->kind, QStringLiteral("refer"));
    QCOMPARE(refuse->kind, QStringLiteral("refusal"));
    QVERIFY(!refer->crossingId && !refuse->crossingId);
    QCOMPARE(count(*m_db, QStringLiteral("crossings")), 0);
    QCOMPARE(count(*m_db, QStringLiteral("events")), 2);
    QCOMPARE(count(*m_db, QStringLiteral("outbox")), 2);
    Sync::Decision over = decision(VerdictKind::Refuse);
    over.officerOverride = true;
    over.overrideReason = QStringLiteral("Fine paid at the desk");
    auto overridden = recorder.record(over);
    QVERIFY(overridden);
    QCOMPARE(overridden->kind, QStringLiteral("override"));
    QVERIFY(overridden->crossingId);
}

void TstCrossingRecorder::failureLeavesNothing()
{
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    QVERIFY(recorder.record(decision(VerdictKind::Admit)));
    // The crossing row cannot be written (no document number: the store refuses the person),
    // after the event and outbox rows were: the whole decision must roll back.
    auto r = recorder.record(decision(VerdictKind::Admit, document(QString())));
    QVERIFY(!r);
    QCOMPARE(count(*m_db, QStringLiteral("events")), 1);
    QCOMPARE(count(*m_db, QStringLiteral("outbox")), 1);
    QCOMPARE(count(*m_db, QStringLiteral("crossings")), 1);
    // And the chain continues from the last committed event.
    auto next = recorder.record(decision(VerdictKind::Admit, document(QStringLiteral("X1234567"))));
    QVERIFY(next);
    QCOMPARE(next->sequence, 2);
}

void TstCrossingRecorder::chainAcrossRecordsVerifies()
{
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    for (int i = 0; i < 10; ++i)
        QVERIFY(recorder.record(decision(i % 3 ? VerdictKind::Admit : VerdictKind::Refer)));
    auto report = Sync::verifyStoredChain(*m_db, *m_public, {});
    QVERIFY(report);
    QVERIFY(!report->firstBreak);
    QCOMPARE(report->verified, 10);
    // The hash column is what the next event chains from: a forged one is found.
    QVERIFY(m_db->exec(QStringLiteral("UPDATE events SET hash = zeroblob(32) WHERE sequence = 10")));
    report = Sync::verifyStoredChain(*m_db, *m_public, {});
    QVERIFY(report && report->firstBreak);
    QCOMPARE(report->firstBreak->error.code, QStringLiteral("EVENT_ROW_MISMATCH"));
    QCOMPARE(report->firstBreak->sequence, 10);
}

void TstCrossingRecorder::overrideReasonIsItsOwnField_data()
{
    QTest::addColumn<int>("verdict");
    QTest::addColumn<bool>("admits");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("kind"); // empty: refused
    QTest::newRow("admit against REFUSE: kind override") << int(VerdictKind::Refuse) << true << "Fine paid at the desk" << "override";
    QTest::newRow("override towards REFUSE: kind refusal, reason kept") << int(VerdictKind::Refuse) << false << "Forged entry stamp" << "refusal";
    QTest::newRow("override without a typed reason (domain-rules §6)") << int(VerdictKind::Refuse) << true << "" << "";
}

void TstCrossingRecorder::overrideReasonIsItsOwnField()
{
    QFETCH(int, verdict);
    QFETCH(bool, admits);
    QFETCH(QString, reason);
    QFETCH(QString, kind);
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    Sync::Decision d = decision(static_cast<VerdictKind>(verdict));
    d.officerOverride = admits;
    d.overrideReason = reason;
    auto recorded = recorder.record(d);
    if (kind.isEmpty()) {
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().code, QStringLiteral("EVENT_INVALID"));
        QVERIFY2(recorded.error().message.contains(QLatin1String("overrideReason")), qPrintable(recorded.error().message));
        QCOMPARE(count(*m_db, QStringLiteral("events")), 0);
        return;
    }
    QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().message));
    QCOMPARE(recorded->kind, kind);
    auto stored = Store::EventRepository(*m_db).events(0, 1);
    QVERIFY(stored && stored->size() == 1);
    const auto e = EventLog::parseEvent(stored->front().bytes);
    QVERIFY(e);
    QCOMPARE(e->formatVersion, EventLog::FormatVersion);
    QCOMPARE(e->overrideReason, reason);
    QCOMPARE(e->reasons, (QStringList{QStringLiteral("SOME_REASON"), QStringLiteral("OFFICER_OVERRIDE")})); // codes only
}

void TstCrossingRecorder::upgradedKioskChainVerifies()
{
    // Events stored in format 1 by the old build, then recorded in format 2 by the
    // new one, are one chain that `kioskctl log verify` (verifyStoredChain) accepts.
    Store::EventRepository events(*m_db);
    for (const EventLog::SignedEvent &e : EventLog::Test::signMixedChain(*m_signer, 4, 0))
        QVERIFY(events.append(Store::StoredEvent{e.event.sequence, e.event.id, e.event.kioskId, e.bytes, e.signature, e.hash(),
                                                 e.event.recordedAt.toUTC(), Sync::crossingDocumentOf(e.event)}));
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    QVERIFY(recorder.record(decision(VerdictKind::Admit)));
    Sync::Decision over = decision(VerdictKind::Refuse);
    over.officerOverride = true;
    over.overrideReason = QStringLiteral("Fine paid at the desk");
    auto last = recorder.record(over);
    QVERIFY(last);
    QCOMPARE(last->sequence, 6);
    auto report = Sync::verifyStoredChain(*m_db, *m_public, {});
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY2(!report->firstBreak, qPrintable(report->firstBreak ? report->firstBreak->error.message : QString()));
    QCOMPARE(report->verified, 6);
    auto stored = events.events(0, 10);
    QVERIFY(stored && stored->size() == 6);
    QVERIFY(stored->at(3).bytes.contains(R"("v":1)"));
    QVERIFY(stored->at(5).bytes.contains(R"("overrideReason":"Fine paid at the desk")"));
}

void TstCrossingRecorder::outboxAcknowledgeRejectRequeue()
{
    Sync::CrossingRecorder recorder(*m_db, *m_signer, QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(recorder.record(decision(VerdictKind::Refer)));
    Store::Outbox outbox(*m_db);
    auto pending = outbox.pending(3);
    QVERIFY(pending);
    QCOMPARE(pending->size(), 3);
    QCOMPARE(pending->at(0).sequence, 1);
    QVERIFY(outbox.acknowledge({1, 2}));
    QVERIFY(outbox.reject(3, QStringLiteral("BAD_SIGNATURE"), QStringLiteral("test")));
    auto s = outbox.status();
    QVERIFY(s);
    QCOMPARE(s->pending, 2);
    QCOMPARE(s->rejected, 1);
    QVERIFY(s->oldestPendingAt);
    QCOMPARE(outbox.pending(10)->front().sequence, 4); // a rejected event is not pushed again
    QCOMPARE(outbox.rejected()->front().reason, QStringLiteral("BAD_SIGNATURE"));
    QCOMPARE(*outbox.requeueRejected(), 1);
    QCOMPARE(outbox.pending(10)->front().sequence, 3);
    // The event stays in the log after its outbox entry left.
    QCOMPARE(count(*m_db, QStringLiteral("events")), 5);
}

QTEST_GUILESS_MAIN(TstCrossingRecorder)
#include "tst_crossingrecorder.moc"
