// The continuous sync loop, SyncClient::start() (issue 4 §3): timer-driven rounds, exponential
// backoff with jitter after failures, connectivity changes, and the status signal, against the
// real central service in-process over TLS on loopback (tests/support/loopbackcentral.h).
// Intervals and backoff are shortened through SyncSettings so that the suite takes seconds; the
// schedule is read from nextRoundScheduled, never by sleeping it out.
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "sync/central/centraldatabase.h"
#include "sync/central/centralservice.h"
#include "sync/client/crossingrecorder.h"
#include "sync/client/syncclient.h"
#include "sync/eventlog/event.h"
#include "sync/eventlog/eventsigner.h"
#include "tests/support/loopbackcentral.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Kiosk;
using namespace std::chrono_literals;

namespace {

// One kiosk: its database, key, recorder, and a sync client with short timings.
struct TestKiosk
{
    QString id;
    QByteArray publicKey;
    std::unique_ptr<Store::Database> db;
    std::unique_ptr<EventLog::EventSigner> signer;
    std::unique_ptr<Sync::CrossingRecorder> recorder;
    std::unique_ptr<Sync::SyncClient> client;
    int next = 0;
    // What the loop reported: every round's status, every scheduled delay.
    QList<Sync::SyncStatus> rounds;
    QList<qint64> delays;
    QList<qint64> roundAtMs; // when each round ended, on `clock`
    QString trace;           // 'S' a round scheduled, 'R' a round ended, in emission order
    QElapsedTimer clock;

    [[nodiscard]] Result<void> record(int count)
    {
        const QDateTime at(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(4 * 3600));
        for (int i = 0; i < count; ++i, ++next) {
            auto r = recorder->record(Sync::Decision{
                Test::syntheticPassport(u"RUS", QStringLiteral("L%1").arg(next, 8, 10, QLatin1Char('0')), QStringLiteral("TESTOVA"),
                                        QStringLiteral("ANNA"), QDate(1990, 1, 1), QDate(2035, 1, 1)),
                Direction::Entry, at.addSecs(next), QStringLiteral("OFF-7"), VerdictKind::Admit, {QStringLiteral("VISA_FREE")},
                QStringLiteral("2026.1"), false, {}});
            if (!r)
                return std::unexpected(r.error());
        }
        return {};
    }
    [[nodiscard]] qint64 pending() const { return rounds.isEmpty() ? -1 : rounds.constLast().pending; }
};

// A port nobody listens on (bound, then released): the central side is "down" there until a
// CentralThread is started on it.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TstSyncLoop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void pushesWhatIsRecordedWhileRunning();
    void backoffGrowsWithinCapAndJitters();
    void backlogDrainsInOrderWhenCentralReturns();
    void stopStopsRounds_data();
    void stopStopsRounds();
    void networkBackTriggersRoundBeforeBackoff();
    void networkBackDuringRoundDoesNotNestRounds();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] QString centralUrl() const { return QStringLiteral("sqlite:") + path(QStringLiteral("central.db")); }
    // A kiosk with its own database; its client talks to 127.0.0.1:port.
    std::unique_ptr<TestKiosk> makeKiosk(const QString &id, quint16 port, Sync::BackoffPolicy backoff, std::chrono::milliseconds interval = 100ms);
    // The central side on `port` (0: any), with `kiosks` enrolled; the bound port or 0.
    quint16 startCentral(const QList<const TestKiosk *> &kiosks, quint16 port = 0);
    void stopCentral() { m_central.reset(); }
    // The central database, read from this thread once the central thread is stopped.
    QJsonObject centralStats();
    QList<Central::FeedEntry> centralFeed();

    QTemporaryDir m_tls;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::CentralThread> m_central;
};

void TstSyncLoop::initTestCase()
{
    QVERIFY(m_tls.isValid());
    const QString made = Test::makeLoopbackTls(m_tls.filePath(QStringLiteral("tls.key")), m_tls.filePath(QStringLiteral("ca.pem")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
}

void TstSyncLoop::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstSyncLoop::cleanup()
{
    m_central.reset();
    m_dir.reset();
}

std::unique_ptr<TestKiosk> TstSyncLoop::makeKiosk(const QString &id, quint16 port, Sync::BackoffPolicy backoff, std::chrono::milliseconds interval)
{
    auto k = std::make_unique<TestKiosk>();
    k->id = id;
    auto db = Store::Database::open(path(id + QStringLiteral(".db")));
    if (!db) {
        qWarning("kiosk database: %s", qPrintable(db.error().message));
        return nullptr;
    }
    k->db = std::make_unique<Store::Database>(std::move(*db));
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return nullptr;
    k->publicKey = key->publicKey().raw();
    auto requestKey = Crypto::Ed25519PrivateKey::fromPem(key->toPem()); // requests are signed too
    if (!requestKey)
        return nullptr;
    k->signer = std::make_unique<EventLog::EventSigner>(std::move(*key));
    k->recorder = std::make_unique<Sync::CrossingRecorder>(*k->db, *k->signer, id, QStringLiteral("GYD"));
    Sync::SyncSettings s;
    s.central = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port));
    s.caFile = m_tls.filePath(QStringLiteral("ca.pem"));
    s.ownKioskId = id;
    s.requestKey = std::make_shared<const Crypto::Ed25519PrivateKey>(std::move(*requestKey));
    s.checkpoint = QStringLiteral("GYD");
    s.batchSize = 7; // a backlog goes in several batches: their order is part of what is checked
    s.requestTimeoutMs = 1500;
    s.interval = interval;
    s.backoff = backoff;
    auto client = Sync::SyncClient::create(*k->db, std::move(s));
    if (!client) {
        qWarning("sync client: %s", qPrintable(client.error().message));
        return nullptr;
    }
    k->client = std::move(*client);
    k->clock.start();
    TestKiosk *raw = k.get();
    connect(k->client.get(), &Sync::SyncClient::statusChanged, k->client.get(), [raw](const Sync::SyncStatus &st) {
        raw->rounds << st;
        raw->roundAtMs << raw->clock.elapsed();
        raw->trace += u'R';
    });
    connect(k->client.get(), &Sync::SyncClient::nextRoundScheduled, k->client.get(), [raw](qint64 ms) {
        raw->delays << ms;
        raw->trace += u'S';
    });
    return k;
}

quint16 TstSyncLoop::startCentral(const QList<const TestKiosk *> &kiosks, quint16 port)
{
    QList<Central::KioskRecord> enrol;
    for (const TestKiosk *k : kiosks)
        enrol << Central::KioskRecord{k->id, QStringLiteral("GYD"), k->publicKey, false};
    m_central = std::make_unique<Test::CentralThread>(centralUrl(), m_tls.filePath(QStringLiteral("ca.pem")), m_tls.filePath(QStringLiteral("tls.key")), enrol, port);
    const quint16 bound = m_central->startListening();
    if (!bound)
        qWarning("central: %s", qPrintable(m_central->error()));
    return bound;
}

QJsonObject TstSyncLoop::centralStats()
{
    auto db = Central::CentralDatabase::open(centralUrl());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto stats = service.stats();
    return stats ? *stats : QJsonObject();
}

QList<Central::FeedEntry> TstSyncLoop::centralFeed()
{
    auto db = Central::CentralDatabase::open(centralUrl());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto feed = service.feed(0, 100000);
    return feed ? *feed : QList<Central::FeedEntry>();
}

// (1) Crossings recorded while the loop runs reach the central side by themselves: nobody calls
// runOnce(), the outbox drains to 0 within a few rounds (counted by the status signal).
void TstSyncLoop::pushesWhatIsRecordedWhileRunning()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {});
    QVERIFY(kiosk);
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return !kiosk->rounds.isEmpty(); }, 10000));
    QVERIFY(kiosk->rounds.constFirst().online);
    QCOMPARE(kiosk->rounds.constFirst().pending, 0);
    QCOMPARE(kiosk->delays.mid(0, 2), (QList<qint64>{0, 100})); // at once, then every interval

    QVERIFY(kiosk->record(12));
    const qsizetype roundsBefore = kiosk->rounds.size();
    QVERIFY2(QTest::qWaitFor([&] { return kiosk->pending() == 0 && kiosk->rounds.size() > roundsBefore; }, 10000),
             qPrintable(QStringLiteral("pending %1 after %2 rounds").arg(kiosk->pending()).arg(kiosk->rounds.size() - roundsBefore)));
    // The next round after recording takes all of it (batches of 7, one round): allow one round
    // that may already have been under way.
    QVERIFY2(kiosk->rounds.size() - roundsBefore <= 2, qPrintable(QString::number(kiosk->rounds.size() - roundsBefore)));
    QVERIFY(kiosk->rounds.constLast().online);
    QVERIFY(kiosk->rounds.constLast().lastSuccess.has_value());
    kiosk->client->stop();
    stopCentral();
    const QJsonObject stats = centralStats();
    QCOMPARE(stats.value(QStringLiteral("events")).toInteger(), 12);
    QCOMPARE(stats.value(QStringLiteral("rejections")).toInteger(), 0);
}

// (2) Central down: every round fails, the delay after the n-th failure is in [d/2, d] with
// d = min(max, base * 2^(n-1)) (backoff.h), so it grows and stays under its cap; two kiosks do
// not retry in lockstep; nothing recorded is lost.
void TstSyncLoop::backoffGrowsWithinCapAndJitters()
{
    const quint16 port = freePort();
    QVERIFY(port);
    const Sync::BackoffPolicy policy{40ms, 320ms};
    auto a = makeKiosk(QStringLiteral("KIOSK-LOOP-A"), port, policy);
    auto b = makeKiosk(QStringLiteral("KIOSK-LOOP-B"), port, policy);
    QVERIFY(a && b);
    QVERIFY(a->record(5));
    QVERIFY(b->record(3));
    a->client->start();
    b->client->start();
    constexpr int Failures = 8;
    QVERIFY(QTest::qWaitFor([&] { return a->rounds.size() >= Failures && b->rounds.size() >= Failures; }, 20000));
    a->client->stop();
    b->client->stop();

    for (TestKiosk *k : {a.get(), b.get()}) {
        QCOMPARE(k->delays.constFirst(), 0); // start(): a round at once
        for (int n = 1; n <= Failures; ++n) {
            const qint64 ceiling = std::min<qint64>(policy.max.count(), policy.base.count() << (n - 1));
            const qint64 d = k->delays.at(n);
            QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QStringLiteral("%1: failure %2 waits %3 ms, expected [%4, %5]").arg(k->id).arg(n).arg(d).arg(ceiling / 2).arg(ceiling)));
            QVERIFY(!k->rounds.at(n - 1).online);
            QVERIFY2(k->rounds.at(n - 1).lastError.startsWith(QLatin1String("SYNC_NETWORK")), qPrintable(k->rounds.at(n - 1).lastError));
        }
        // The timer is honoured: round n+1 does not come before the delay scheduled after round n
        // (QTimer may fire up to 5 % early).
        for (int n = 1; n < Failures; ++n)
            QVERIFY2(k->roundAtMs.at(n) - k->roundAtMs.at(n - 1) >= k->delays.at(n) * 95 / 100,
                     qPrintable(QStringLiteral("%1: round %2 after %3 ms, scheduled %4 ms").arg(k->id).arg(n + 1).arg(k->roundAtMs.at(n) - k->roundAtMs.at(n - 1)).arg(k->delays.at(n))));
    }
    QCOMPARE(a->rounds.constLast().pending, 5);
    QCOMPARE(b->rounds.constLast().pending, 3);
    // Jitter: the two schedules differ (a shared or fixed seed would make them equal).
    QVERIFY2(a->delays.mid(2, Failures - 1) != b->delays.mid(2, Failures - 1), "two kiosks back off in lockstep");
}

// (3) The central side comes back during the backoff: the backlog drains in sequence order
// (several batches), the chain verifies on the central side, the status is online again.
void TstSyncLoop::backlogDrainsInOrderWhenCentralReturns()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {40ms, 200ms});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(30));
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() >= 3; }, 10000));
    QVERIFY(!kiosk->rounds.constLast().online);
    QCOMPARE(kiosk->pending(), 30);
    QVERIFY(kiosk->record(5)); // still recording during the outage
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    QVERIFY2(QTest::qWaitFor([&] { return kiosk->pending() == 0; }, 10000), qPrintable(QString::number(kiosk->pending())));
    QVERIFY(kiosk->rounds.constLast().online);
    QVERIFY(kiosk->rounds.constLast().lastSuccess.has_value());
    // Back to the normal interval after a success (the failure count was reset).
    QCOMPARE(kiosk->delays.constLast(), 100);
    kiosk->client->stop();
    stopCentral();

    const QJsonObject stats = centralStats();
    QCOMPARE(stats.value(QStringLiteral("events")).toInteger(), 35);
    QCOMPARE(stats.value(QStringLiteral("rejections")).toInteger(), 0);
    QCOMPARE(stats.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(stats.value(QStringLiteral("forks")).toInteger(), 0);
    // The feed is in commit order: sequences 1..35 ascending, each signature good under the
    // enrolled key, each prevHash the previous event's hash (the first: zeros).
    const QList<Central::FeedEntry> feed = centralFeed();
    QCOMPARE(feed.size(), 35);
    auto key = Crypto::Ed25519PublicKey::fromRaw(kiosk->publicKey);
    QVERIFY(key);
    QByteArray prev(32, '\0');
    for (qsizetype i = 0; i < feed.size(); ++i) {
        auto e = EventLog::signedEventFromStorage(feed.at(i).bytes, feed.at(i).signature);
        QVERIFY(e);
        QCOMPARE(e->event.sequence, i + 1);
        QVERIFY(key->verify(e->bytes, e->signature));
        QVERIFY2(e->event.prevHash == prev, qPrintable(QStringLiteral("chain broken at sequence %1").arg(i + 1)));
        prev = e->hash();
    }
}

void TstSyncLoop::stopStopsRounds_data()
{
    QTest::addColumn<QString>("how");
    // The plain case: stop() between rounds, the pending timer is cancelled.
    QTest::newRow("between rounds") << QStringLiteral("between");
    // stop() from a slot of statusChanged, i.e. inside the round (the UI reacting to a status):
    // the end of that round must not schedule the next one.
    QTest::newRow("from the status slot, inside a round") << QStringLiteral("inside");
    // After stop(), connectivity coming back must not restart the loop.
    QTest::newRow("network back after stop") << QStringLiteral("network");
}

// (4) After stop() there is no further round: no status, no request (what is recorded after
// stays in the outbox and the central side never sees it).
void TstSyncLoop::stopStopsRounds()
{
    QFETCH(QString, how);
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {});
    QVERIFY(kiosk);
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    bool stopInSlot = false;
    connect(kiosk->client.get(), &Sync::SyncClient::statusChanged, this, [&] {
        if (stopInSlot)
            kiosk->client->stop();
    });
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() >= 2; }, 10000));
    if (how == QLatin1String("inside")) {
        stopInSlot = true;
        const qsizetype now = kiosk->rounds.size();
        QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() > now; }, 10000));
    } else {
        kiosk->client->stop();
    }
    const qsizetype stoppedAt = kiosk->rounds.size();
    QVERIFY(kiosk->record(2));
    if (how == QLatin1String("network"))
        kiosk->client->networkReachabilityChanged(true);
    QTest::qWait(600); // six intervals
    QCOMPARE(kiosk->rounds.size(), stoppedAt);
    stopCentral();
    QCOMPARE(centralStats().value(QStringLiteral("events")).toInteger(), 0);
    // start() again resumes: the loop is stoppable, not broken.
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    stopInSlot = false;
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return kiosk->pending() == 0 && kiosk->rounds.size() > stoppedAt; }, 10000));
    kiosk->client->stop();
}

// (5) Connectivity back: a round at once, long before the backoff timer would fire; going
// offline does not trigger one.
void TstSyncLoop::networkBackTriggersRoundBeforeBackoff()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {20s, 60s});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(4));
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() == 1 && kiosk->delays.size() == 2; }, 10000));
    QVERIFY(!kiosk->rounds.constFirst().online);
    QVERIFY2(kiosk->delays.at(1) >= 10000, qPrintable(QString::number(kiosk->delays.at(1)))); // backoff [base/2, base]
    kiosk->client->networkReachabilityChanged(false);
    QTest::qWait(300);
    QCOMPARE(kiosk->rounds.size(), 1);
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    QElapsedTimer waited;
    waited.start();
    kiosk->client->networkReachabilityChanged(true);
    QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() >= 2; }, 8000));
    QVERIFY(waited.elapsed() < kiosk->delays.at(1));
    QVERIFY(kiosk->rounds.at(1).online);
    QCOMPARE(kiosk->rounds.at(1).pending, 0);
    kiosk->client->stop();
}

// Connectivity back while a round is waiting on the network (its requests spin a local event
// loop): no second round inside the first (two pushes of one batch at once); the next round
// follows as soon as the first ends, instead of the backoff.
void TstSyncLoop::networkBackDuringRoundDoesNotNestRounds()
{
    // Accepts connections and never answers: the round's first request waits for its timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    int open = 0, mostOpen = 0, accepted = 0;
    std::unique_ptr<TestKiosk> kiosk;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *s = silent.nextPendingConnection()) {
            // This slot runs in the round's local event loop: connectivity "comes back" now.
            if (++accepted == 1)
                kiosk->client->networkReachabilityChanged(true);
            mostOpen = std::max(mostOpen, ++open);
            connect(s, &QTcpSocket::disconnected, s, [&open, s] {
                --open;
                s->deleteLater();
            });
        }
    });
    kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), silent.serverPort(), {20s, 60s});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(2));
    kiosk->client->start();
    QVERIFY(QTest::qWaitFor([&] { return kiosk->rounds.size() >= 2; }, 15000));
    kiosk->client->stop();
    QCOMPARE(mostOpen, 1);
    // Rounds strictly one after the other: scheduled, ended, scheduled, ended. A round nested
    // in the first would show as "SSRSR" (scheduled twice before the first ended).
    QCOMPARE(kiosk->trace.left(4), QStringLiteral("SRSR"));
    QVERIFY(!kiosk->rounds.at(0).online);
    // After round 1: a round at once (connectivity came back), not the 10-20 s backoff.
    QCOMPARE(kiosk->delays.mid(0, 2), (QList<qint64>{0, 0}));
}

QTEST_GUILESS_MAIN(TstSyncLoop)
#include "tst_syncloop.moc"
