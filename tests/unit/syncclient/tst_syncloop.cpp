// The continuous sync loop, SyncClient::start() (issue 4 §3): timer-driven rounds, exponential
// backoff with jitter after failures, connectivity changes, and the status signal, against the
// real central service in-process over TLS on loopback (tests/support/loopbackcentral.h).
// Each kiosk's clock and timers are a ManualClock (issue 17 §2): a round runs when the test
// advances time to it, so every step asserts exactly what happened after exactly how long
// ("99 ms: no round; 100 ms: one round"), and nothing depends on how loaded the machine is. The
// rounds themselves are real HTTPS exchanges on loopback, finished inside advance().
#include "app/core/clock.h"
#include "app/core/manualclock.h"
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

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <atomic>

using namespace Kiosk;
using namespace std::chrono_literals;

namespace {

// Where each kiosk's ManualClock starts. The in-process central side checks the requests'
// signed timestamps against its system clock (±300 s, requestauth.h), so the kiosks' time
// starts two minutes before the real instant, in whole seconds (as the store keeps instants):
// far enough for a date taken from the wall clock instead to show, near enough to be accepted.
// It then moves only by what a test advances (seconds) and nothing asserted depends on the
// real time.
QDateTime clockStart()
{
    return QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() - 120, QTimeZone::utc());
}

// The next timer's due time in ms from now, -1 for none (printable in a failed QCOMPARE).
qint64 dueInMs(const Kiosk::ManualClock &clock)
{
    const auto due = clock.nextDue();
    return due ? due->count() : -1;
}

// The store keeps instants to the second (ISO 8601 without fractions).
QDateTime wholeSeconds(const QDateTime &t)
{
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), QTimeZone::utc());
}

// One kiosk: its database, key, recorder, clock, and a sync client with short timings.
struct TestKiosk
{
    QString id;
    QByteArray publicKey;
    std::unique_ptr<ManualClock> clock; // declared before the client, which uses it
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
    // Moves this kiosk's time on: the rounds due meanwhile run (and finish) inside.
    void advance(std::chrono::milliseconds by) { clock->advance(by); }
    // To the round scheduled last: that many ms on.
    void advanceToScheduled() { clock->advance(std::chrono::milliseconds(delays.constLast())); }
    // When the outbox last tried to push (its newest last_attempt_at).
    [[nodiscard]] QDateTime lastAttemptAt()
    {
        auto q = db->exec(QStringLiteral("SELECT max(last_attempt_at) FROM outbox"));
        if (!q || !(*q)->next())
            return {};
        const QDateTime at = QDateTime::fromString((*q)->value(0).toString(), Qt::ISODate);
        (*q)->finish();
        return at;
    }
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
    void roundPrunesPulledCrossingsOncePerDay();
    void roundErrorIsWhatIsWrongNow();

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
    int m_workingSetDays = 0; // SyncSettings::workingSetDays of the kiosks made next
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
    m_workingSetDays = 0;
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
    k->clock = std::make_unique<ManualClock>(clockStart());
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
    s.workingSetDays = m_workingSetDays;
    auto client = Sync::SyncClient::create(*k->db, std::move(s), *k->clock, *k->clock);
    if (!client) {
        qWarning("sync client: %s", qPrintable(client.error().message));
        return nullptr;
    }
    k->client = std::move(*client);
    TestKiosk *raw = k.get();
    connect(k->client.get(), &Sync::SyncClient::statusChanged, k->client.get(), [raw](const Sync::SyncStatus &st) {
        raw->rounds << st;
        raw->roundAtMs << raw->clock->monotonicMs();
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
    auto db = Central::CentralDatabase::open(centralUrl(), SystemClock());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto stats = service.stats();
    return stats ? *stats : QJsonObject();
}

QList<Central::FeedEntry> TstSyncLoop::centralFeed()
{
    auto db = Central::CentralDatabase::open(centralUrl(), SystemClock());
    if (!db)
        return {};
    Central::CentralService service(*db);
    auto feed = service.feed(0, 100000);
    return feed ? *feed : QList<Central::FeedEntry>();
}

// (1) Crossings recorded while the loop runs reach the central side by themselves: nobody calls
// runOnce(); the round at the end of the interval takes the whole outbox.
void TstSyncLoop::pushesWhatIsRecordedWhileRunning()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {});
    QVERIFY(kiosk);
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    kiosk->client->start();
    QCOMPARE(kiosk->delays, QList<qint64>{0}); // a round at once ...
    QVERIFY(kiosk->rounds.isEmpty());          // ... when the timer gets to run
    kiosk->advance(0ms);
    QCOMPARE(kiosk->rounds.size(), 1);
    QVERIFY(kiosk->rounds.constFirst().online);
    QCOMPARE(kiosk->rounds.constFirst().pending, 0);
    QCOMPARE(kiosk->delays, (QList<qint64>{0, 100})); // then every interval

    QVERIFY(kiosk->record(12));
    kiosk->advance(99ms);
    QCOMPARE(kiosk->rounds.size(), 1); // the interval is not up: nothing pushed yet
    kiosk->advance(1ms);
    // The next round takes all of it (batches of 7, one round).
    QCOMPARE(kiosk->rounds.size(), 2);
    QCOMPARE(kiosk->pending(), 0);
    QVERIFY(kiosk->rounds.constLast().online);
    // The last success is dated on the kiosk's clock (issue 17 §2), which stands two minutes
    // behind the machine's: a wall-clock date would show.
    QVERIFY(kiosk->rounds.constLast().lastSuccess.has_value());
    QCOMPARE(*kiosk->rounds.constLast().lastSuccess, wholeSeconds(kiosk->clock->now()));
    QCOMPARE(kiosk->delays, (QList<qint64>{0, 100, 100}));
    kiosk->client->stop();
    stopCentral();
    const QJsonObject stats = centralStats();
    QCOMPARE(stats.value(QStringLiteral("events")).toInteger(), 12);
    QCOMPARE(stats.value(QStringLiteral("rejections")).toInteger(), 0);
}

// (2) Central down: every round fails, the delay after the n-th failure is in [d/2, d] with
// d = min(max, base * 2^(n-1)) (backoff.h), so it grows and stays under its cap; the next round
// comes exactly that long after, not a millisecond before; two kiosks do not retry in lockstep;
// nothing recorded is lost, and each failed push is dated on the kiosk's clock.
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
    constexpr int Failures = 8;
    for (TestKiosk *k : {a.get(), b.get()}) {
        k->client->start();
        k->advance(0ms); // start(): a round at once, which fails
        for (int n = 1; n < Failures; ++n) {
            QCOMPARE(k->rounds.size(), n);
            const auto scheduled = std::chrono::milliseconds(k->delays.constLast());
            k->advance(scheduled - 1ms);
            QVERIFY2(k->rounds.size() == n, qPrintable(QStringLiteral("%1: round %2 came before its %3 ms").arg(k->id).arg(n + 1).arg(scheduled.count())));
            k->advance(1ms);
            QCOMPARE(k->rounds.size(), n + 1);
        }
        k->client->stop();
    }

    for (TestKiosk *k : {a.get(), b.get()}) {
        QCOMPARE(k->delays.size(), Failures + 1); // the last failure scheduled one more
        QCOMPARE(k->delays.constFirst(), 0);
        for (int n = 1; n <= Failures; ++n) {
            const qint64 ceiling = std::min<qint64>(policy.max.count(), policy.base.count() << (n - 1));
            const qint64 d = k->delays.at(n);
            QVERIFY2(d >= ceiling / 2 && d <= ceiling, qPrintable(QStringLiteral("%1: failure %2 waits %3 ms, expected [%4, %5]").arg(k->id).arg(n).arg(d).arg(ceiling / 2).arg(ceiling)));
            QVERIFY(!k->rounds.at(n - 1).online);
            QVERIFY2(k->rounds.at(n - 1).lastError.startsWith(QLatin1String("SYNC_NETWORK")), qPrintable(k->rounds.at(n - 1).lastError));
        }
        // Round n+1 came exactly the delay scheduled after round n.
        for (int n = 1; n < Failures; ++n)
            QCOMPARE(k->roundAtMs.at(n) - k->roundAtMs.at(n - 1), k->delays.at(n));
        // The outbox's last attempt is the last round's instant on the kiosk's clock.
        QCOMPARE(k->lastAttemptAt(), wholeSeconds(k->clock->now()));
    }
    QCOMPARE(a->rounds.constLast().pending, 5);
    QCOMPARE(b->rounds.constLast().pending, 3);
    // Jitter: the two schedules differ (a shared or fixed seed would make them equal).
    QVERIFY2(a->delays.mid(2, Failures - 1) != b->delays.mid(2, Failures - 1), "two kiosks back off in lockstep");
}

// (3) The central side comes back during the backoff: the next round drains the backlog in
// sequence order (several batches), the chain verifies on the central side, the status is
// online again and the loop is back to its interval.
void TstSyncLoop::backlogDrainsInOrderWhenCentralReturns()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {40ms, 200ms});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(30));
    kiosk->client->start();
    kiosk->advance(0ms);
    kiosk->advanceToScheduled();
    kiosk->advanceToScheduled();
    QCOMPARE(kiosk->rounds.size(), 3);
    QVERIFY(!kiosk->rounds.constLast().online);
    QCOMPARE(kiosk->pending(), 30);
    QVERIFY(kiosk->record(5)); // still recording during the outage
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    kiosk->advance(std::chrono::milliseconds(kiosk->delays.constLast() - 1));
    QCOMPARE(kiosk->rounds.size(), 3); // the backoff is waited out even with the central side back
    kiosk->advance(1ms);
    QCOMPARE(kiosk->rounds.size(), 4);
    QCOMPARE(kiosk->pending(), 0);
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

// (4) After stop() there is no further round: nothing scheduled, no status, no request (what is
// recorded after stays in the outbox and the central side never sees it).
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
    kiosk->advance(0ms);
    kiosk->advance(100ms);
    QCOMPARE(kiosk->rounds.size(), 2);
    if (how == QLatin1String("inside")) {
        stopInSlot = true;
        kiosk->advance(100ms);
        QCOMPARE(kiosk->rounds.size(), 3); // the round that stopped the loop
    } else {
        kiosk->client->stop();
    }
    const qsizetype stoppedAt = kiosk->rounds.size();
    const qsizetype scheduledAt = kiosk->delays.size();
    QVERIFY(!kiosk->clock->nextDue()); // no round pending
    QVERIFY(kiosk->record(2));
    if (how == QLatin1String("network"))
        kiosk->client->networkReachabilityChanged(true);
    kiosk->advance(600ms); // six intervals
    QCOMPARE(kiosk->rounds.size(), stoppedAt);
    QCOMPARE(kiosk->delays.size(), scheduledAt);
    stopCentral();
    QCOMPARE(centralStats().value(QStringLiteral("events")).toInteger(), 0);
    // start() again resumes: the loop is stoppable, not broken.
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    stopInSlot = false;
    kiosk->client->start();
    kiosk->advance(0ms);
    QCOMPARE(kiosk->rounds.size(), stoppedAt + 1);
    QCOMPARE(kiosk->pending(), 0);
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
    kiosk->advance(0ms);
    QCOMPARE(kiosk->rounds.size(), 1);
    QCOMPARE(kiosk->delays.size(), 2);
    QVERIFY(!kiosk->rounds.constFirst().online);
    const qint64 backoff = kiosk->delays.at(1);
    QVERIFY2(backoff >= 10000 && backoff <= 20000, qPrintable(QString::number(backoff))); // [base/2, base]
    kiosk->client->networkReachabilityChanged(false);
    QCOMPARE(kiosk->delays.size(), 2); // going offline schedules nothing
    kiosk->advance(300ms);
    QCOMPARE(kiosk->rounds.size(), 1);
    QCOMPARE(startCentral({kiosk.get()}, port), port);
    kiosk->client->networkReachabilityChanged(true);
    QCOMPARE(kiosk->delays.constLast(), 0); // at once, instead of the backoff
    kiosk->advance(0ms);
    QCOMPARE(kiosk->rounds.size(), 2);
    QCOMPARE(kiosk->roundAtMs.at(1), 300); // not at the backoff's 10-20 s
    QVERIFY(kiosk->rounds.at(1).online);
    QCOMPARE(kiosk->rounds.at(1).pending, 0);
    // The backoff timer was replaced, not left to fire as well: the interval is all that is due.
    QCOMPARE(kiosk->clock->activeTimers(), 1);
    QCOMPARE(dueInMs(*kiosk->clock), 100);
    kiosk->client->stop();
}

// Connectivity back while a round is waiting on the network (its requests spin a local event
// loop): no second round inside the first (two pushes of one batch at once); the next round
// follows as soon as the first ends, instead of the backoff.
void TstSyncLoop::networkBackDuringRoundDoesNotNestRounds()
{
    // Accepts connections and never answers: the round's first request waits for its timeout
    // (a real 1.5 s on the network; the kiosk's clock does not move meanwhile).
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
    kiosk->advance(0ms); // round 1; round 2 is due at once when it ends, so it runs here too
    kiosk->client->stop();
    QCOMPARE(kiosk->rounds.size(), 2);
    QCOMPARE(mostOpen, 1);
    // Rounds strictly one after the other: scheduled, ended, scheduled, ended (then the backoff
    // scheduled). A round nested in the first would show as "SSRSR" (scheduled twice before the
    // first ended).
    QCOMPARE(kiosk->trace, QStringLiteral("SRSRS"));
    QVERIFY(!kiosk->rounds.at(0).online);
    QVERIFY(!kiosk->rounds.at(1).online);
    // After round 1: a round at once (connectivity came back), not the 10-20 s backoff; after
    // round 2 (no news of the network), the backoff of a second failure in a row, 20-40 s.
    QCOMPARE(kiosk->delays.mid(0, 2), (QList<qint64>{0, 0}));
    QCOMPARE(kiosk->roundAtMs, (QList<qint64>{0, 0}));
    QVERIFY2(kiosk->delays.at(2) >= 20000 && kiosk->delays.at(2) <= 40000, qPrintable(QString::number(kiosk->delays.at(2))));
}

// (7) The working set (app/store/workingset.h) after a round: a kiosk with a 180-day policy
// window pulls another checkpoint's crossings and keeps only those a check from today on reads
// (the recent completed stay and the open one); the old completed stay goes with its signed
// events. Once a local day: a second round that day prunes nothing more even when there is more
// to prune, a round after the day changed prunes again.
void TstSyncLoop::roundPrunesPulledCrossingsOncePerDay()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto other = makeKiosk(QStringLiteral("KIOSK-PRUNE-A"), port, {});
    m_workingSetDays = 180;
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-PRUNE-B"), port, {});
    QVERIFY(other && kiosk);
    QCOMPARE(startCentral({other.get(), kiosk.get()}, port), port);

    const QTimeZone baku(4 * 3600);
    const QDate today = kiosk->clock->now().toTimeZone(baku).date();
    // Three travellers (names and birth dates differ, so no two are taken for one person).
    const auto record = [&](const char *number, Direction direction, int daysAgo) {
        const int n = QByteArray(number).right(1).toInt();
        auto r = other->recorder->record(Sync::Decision{
            Test::syntheticPassport(u"RUS", QString::fromLatin1(number), QStringLiteral("TESTOVA%1").arg(QChar(u'A' + n)), QStringLiteral("ANNA"),
                                    QDate(1960 + 10 * n, 1, 1), QDate(2035, 1, 1)),
            direction, QDateTime(today.addDays(-daysAgo), QTime(10, 0), baku), QStringLiteral("OFF-7"), VerdictKind::Admit,
            {QStringLiteral("VISA_FREE")}, QStringLiteral("2026.1"), false, {}});
        return r.has_value();
    };
    QVERIFY(record("L00000001", Direction::Entry, 400)); // an old completed stay: goes
    QVERIFY(record("L00000001", Direction::Exit, 390));
    QVERIFY(record("L00000001", Direction::Entry, 100)); // a recent one: counted in the window
    QVERIFY(record("L00000001", Direction::Exit, 90));
    QVERIFY(record("L00000002", Direction::Entry, 500)); // an open stay: kept whatever its age
    auto pushed = other->client->runOnce();
    QVERIFY2(pushed.has_value(), pushed ? "" : qPrintable(pushed.error().message));
    QCOMPARE(pushed->stored, 5);

    const auto pulledRows = [&] {
        auto q = kiosk->db->exec(QStringLiteral("SELECT (SELECT count(*) FROM crossings WHERE source = 'central'), (SELECT count(*) FROM remote_events)"));
        if (!q || !(*q)->next())
            return QString();
        const QString out = QStringLiteral("%1 crossings, %2 events").arg((*q)->value(0).toInt()).arg((*q)->value(1).toInt());
        (*q)->finish();
        return out;
    };
    auto first = kiosk->client->runOnce();
    QVERIFY2(first.has_value(), first ? "" : qPrintable(first.error().message));
    QCOMPARE(first->pulled, 5);
    QCOMPARE(first->pruned, 2);
    QCOMPARE(pulledRows(), QStringLiteral("3 crossings, 3 events"));

    // More old history arrives the same day: kept until the next day's prune.
    QVERIFY(record("L00000003", Direction::Entry, 300));
    QVERIFY(record("L00000003", Direction::Exit, 299));
    QVERIFY(other->client->runOnce().has_value());
    auto second = kiosk->client->runOnce();
    QVERIFY(second.has_value());
    QCOMPARE(second->pulled, 2);
    QCOMPARE(second->pruned, 0);
    QCOMPARE(pulledRows(), QStringLiteral("5 crossings, 5 events"));

    // The last prune was yesterday (as a kiosk that ran past midnight finds it): prunes again.
    QVERIFY(kiosk->db->exec(QStringLiteral("UPDATE sync_state SET value = ? WHERE key = 'working_set_pruned'"),
                            {today.addDays(-1).toString(Qt::ISODate)}).has_value());
    auto third = kiosk->client->runOnce();
    QVERIFY(third.has_value());
    QCOMPARE(third->pruned, 2);
    QCOMPARE(pulledRows(), QStringLiteral("3 crossings, 3 events"));
    // The kiosk that recorded them keeps its own.
    auto own = other->db->exec(QStringLiteral("SELECT count(*) FROM crossings"));
    QVERIFY(own && (*own)->next());
    QCOMPARE((*own)->value(0).toInt(), 7);
}

// (8) The status says what is wrong now (issue 17 §1, the status bar): a central side answering
// garbage is the round's error, SYNC_PROTOCOL naming the element, with online false; an honest
// round clears it (lastError keeps the last failure ever); a central side that is gone is
// SYNC_NETWORK.
void TstSyncLoop::roundErrorIsWhatIsWrongNow()
{
    const quint16 port = freePort();
    QVERIFY(port);
    auto kiosk = makeKiosk(QStringLiteral("KIOSK-LOOP-01"), port, {});
    QVERIFY(kiosk);
    QVERIFY(kiosk->record(2));
    std::atomic<bool> lying{true};
    m_central = std::make_unique<Test::CentralThread>(centralUrl(), m_tls.filePath(QStringLiteral("ca.pem")), m_tls.filePath(QStringLiteral("tls.key")),
                                                      QList<Central::KioskRecord>{{kiosk->id, QStringLiteral("GYD"), kiosk->publicKey, false}}, port);
    m_central->setRewrite([&lying](const Central::HttpRequest &request, const Central::HttpResponse &) -> std::optional<Central::HttpResponse> {
        if (lying && request.path == QLatin1String("/v1/kiosks"))
            return Central::HttpResponse{200, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"};
        return std::nullopt;
    });
    QVERIFY2(m_central->startListening() == port, qPrintable(m_central->error()));

    QVERIFY(!kiosk->client->runOnce());
    auto st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(!st->online);
    QVERIFY(st->roundError);
    QCOMPARE(st->roundError->code, QStringLiteral("SYNC_PROTOCOL"));
    QVERIFY2(st->roundError->message.startsWith(QLatin1String("GET /v1/kiosks: not JSON")), qPrintable(st->roundError->message));
    QCOMPARE(st->pending, 0); // the push went through before the registry lied

    lying = false;
    QVERIFY(kiosk->client->runOnce());
    st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(st->online);
    QVERIFY2(!st->roundError, st->roundError ? qPrintable(st->roundError->code) : "");
    QVERIFY2(st->lastError.startsWith(QLatin1String("SYNC_PROTOCOL")), qPrintable(st->lastError));

    stopCentral();
    QVERIFY(!kiosk->client->runOnce());
    st = kiosk->client->status();
    QVERIFY(st);
    QVERIFY(!st->online);
    QVERIFY(st->roundError);
    QCOMPARE(st->roundError->code, QStringLiteral("SYNC_NETWORK"));
}

QTEST_GUILESS_MAIN(TstSyncLoop)
#include "tst_syncloop.moc"
