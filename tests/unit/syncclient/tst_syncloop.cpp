// The continuous sync loop, SyncClient::start(): timer-driven rounds, exponential
// backoff with jitter after failures, connectivity changes, and the status signal, against the
// real central service in-process over TLS on loopback (tests/support/loopbackcentral.h).
// Each kiosk's clock and timers are a ManualClock: a round runs when the test
// advances time to it, so every step asserts exactly what happened after exactly how long
// ("99 ms: no round; 100 ms: one round"), and nothing depends on how loaded the machine is. The
// rounds themselves are real HTTPS exchanges on loopback, finished inside advance().
#include "tests/unit/syncclient/syncloopfixture.h"

#include "sync/eventlog/event.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Test;

class TstSyncLoop : public SyncLoopFixture
{
    Q_OBJECT
private slots:
    void pushesWhatIsRecordedWhileRunning();
    void backoffGrowsWithinCapAndJitters();
    void backlogDrainsInOrderWhenCentralReturns();
    void stopStopsRounds_data();
    void stopStopsRounds();
    void networkBackTriggersRoundBeforeBackoff();
    void networkBackDuringRoundDoesNotNestRounds();
};

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
    // The last success is dated on the kiosk's clock, which stands two minutes
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

QTEST_GUILESS_MAIN(TstSyncLoop)
#include "tst_syncloop.moc"
