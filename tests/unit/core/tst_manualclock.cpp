// The test side of the timing seam (app/core/scheduler.h, app/core/manualclock.h): time moves
// only in advance(), timers fire at their due instant, in order, exactly once; and the system
// scheduler's timer is a working single-shot timer.
#include "app/core/manualclock.h"

#include <QCoreApplication>
#include <QTest>
#include <QTimeZone>

using namespace Kiosk;
using namespace std::chrono_literals;

namespace {
// The next timer's due time in ms from now, -1 for none (printable in a failed QCOMPARE).
qint64 dueInMs(const Kiosk::ManualClock &clock)
{
    const auto due = clock.nextDue();
    return due ? due->count() : -1;
}
} // namespace

class TestManualClock : public QObject
{
    Q_OBJECT
private slots:
    void timeMovesOnlyWhenAdvanced();
    void timersFireAtTheirInstantInOrder();
    void restartStopAndDestroy();
    void timersStartedByCallbacks();
    void systemTimerFiresOnce();
};

void TestManualClock::timeMovesOnlyWhenAdvanced()
{
    const QDateTime start(QDate(2026, 11, 20), QTime(6, 0), QTimeZone::utc());
    ManualClock clock(start);
    QCOMPARE(clock.now(), start);
    QCOMPARE(clock.monotonicMs(), 0);
    clock.advance(1500ms);
    QCOMPARE(clock.now(), start.addMSecs(1500));
    QCOMPARE(clock.monotonicMs(), 1500);
    clock.advance(-5ms); // never backwards
    QCOMPARE(clock.monotonicMs(), 1500);
}

void TestManualClock::timersFireAtTheirInstantInOrder()
{
    ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(6, 0), QTimeZone::utc()));
    QList<std::pair<char, qint64>> fired; // which, and when on the clock
    auto a = clock.makeTimer([&] { fired.append({'a', clock.monotonicMs()}); });
    auto b = clock.makeTimer([&] { fired.append({'b', clock.monotonicMs()}); });
    auto c = clock.makeTimer([&] { fired.append({'c', clock.monotonicMs()}); });
    QVERIFY(!clock.nextDue());
    a->start(100ms);
    b->start(40ms);
    c->start(100ms); // due with a: fires after a, which was started first
    QCOMPARE(clock.activeTimers(), 3);
    QCOMPARE(dueInMs(clock), 40);
    clock.advance(39ms);
    QVERIFY(fired.isEmpty());
    clock.advance(1ms);
    QCOMPARE(fired, (QList<std::pair<char, qint64>>{{'b', 40}}));
    QCOMPARE(dueInMs(clock), 60);
    clock.advance(500ms); // passes a and c: each at its own instant, not at the end
    QCOMPARE(fired, (QList<std::pair<char, qint64>>{{'b', 40}, {'a', 100}, {'c', 100}}));
    QCOMPARE(clock.monotonicMs(), 540);
    QVERIFY(!a->isActive() && !b->isActive() && !c->isActive()); // single shot
    clock.advance(10000ms);
    QCOMPARE(fired.size(), 3);
}

void TestManualClock::restartStopAndDestroy()
{
    ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(6, 0), QTimeZone::utc()));
    int fired = 0;
    auto t = clock.makeTimer([&] { ++fired; });
    t->start(100ms);
    clock.advance(60ms);
    t->start(100ms); // restarted: due at 160, not 100
    clock.advance(99ms);
    QCOMPARE(fired, 0);
    clock.advance(1ms);
    QCOMPARE(fired, 1);
    t->start(10ms);
    t->stop();
    QVERIFY(!t->isActive());
    clock.advance(100ms);
    QCOMPARE(fired, 1);
    t->start(10ms);
    t.reset(); // destroying cancels
    QCOMPARE(clock.activeTimers(), 0);
    clock.advance(100ms);
    QCOMPARE(fired, 1);
}

void TestManualClock::timersStartedByCallbacks()
{
    ManualClock clock(QDateTime(QDate(2026, 11, 20), QTime(6, 0), QTimeZone::utc()));
    QList<qint64> at;
    std::unique_ptr<Timer> t;
    // A 30 ms period made of single shots, as the sync loop reschedules itself.
    t = clock.makeTimer([&] {
        at << clock.monotonicMs();
        t->start(at.size() == 2 ? 0ms : 30ms); // the second one asks for another at once
    });
    t->start(30ms);
    clock.advance(100ms);
    QCOMPARE(at, (QList<qint64>{30, 60, 60, 90}));
    QCOMPARE(dueInMs(clock), 20);
    // A timer the callback destroys (its owner went away) is not touched again.
    auto once = clock.makeTimer([&] { t.reset(); });
    once->start(0ms);
    clock.advance(0ms);
    QCOMPARE(clock.activeTimers(), 0);
}

void TestManualClock::systemTimerFiresOnce()
{
    int fired = 0;
    auto t = systemScheduler().makeTimer([&] { ++fired; });
    QVERIFY(!t->isActive());
    t->start(0ms);
    QVERIFY(t->isActive());
    // A real event, waited for; what is asserted is that it happened once, not when.
    QTRY_COMPARE(fired, 1);
    QVERIFY(!t->isActive());
    QCoreApplication::processEvents();
    QCOMPARE(fired, 1);
    const qint64 before = systemScheduler().monotonicMs();
    QVERIFY(systemScheduler().monotonicMs() >= before);
}

QTEST_GUILESS_MAIN(TestManualClock)
#include "tst_manualclock.moc"
