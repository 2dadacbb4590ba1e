// The one-transaction rule (architecture.md, issue 4 §2): crossing row, signed event and outbox
// entry together or not at all; what each verdict writes; the outbox's acknowledge/reject.
#include "app/store/database.h"
#include "app/store/eventrepository.h"
#include "app/store/outbox.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/storedchain.h"
#include "syntheticpassport.h"

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
                          verdict, {QStringLiteral("SOME_REASON")}, QStringLiteral("2026.1"), false};
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
