#include "sync/client/backoff.h"

#include <QTest>

using namespace Kiosk::Sync;
using namespace std::chrono_literals;

class TstBackoff : public QObject
{
    Q_OBJECT
private slots:
    void noFailureNoWait();
    void growsAndStaysInItsJitterWindow_data();
    void growsAndStaysInItsJitterWindow();
    void jitterSpreadsKiosks();
};

void TstBackoff::noFailureNoWait()
{
    QRandomGenerator r(1);
    QCOMPARE(backoffDelay({}, 0, r), 0ms);
}

void TstBackoff::growsAndStaysInItsJitterWindow_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("ceilingMs");
    QTest::newRow("first failure: up to the base") << 1 << qint64(1000);
    QTest::newRow("doubles per failure") << 4 << qint64(8000);
    QTest::newRow("capped at max") << 12 << qint64(300000);
    QTest::newRow("huge count does not overflow") << 10000 << qint64(300000);
}

void TstBackoff::growsAndStaysInItsJitterWindow()
{
    QFETCH(int, failures);
    QFETCH(qint64, ceilingMs);
    QRandomGenerator r(42);
    for (int i = 0; i < 500; ++i) {
        const auto d = backoffDelay({}, failures, r).count();
        QVERIFY2(d >= ceilingMs / 2 && d <= ceilingMs, qPrintable(QString::number(d)));
    }
}

void TstBackoff::jitterSpreadsKiosks()
{
    QRandomGenerator r(7);
    QSet<qint64> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(backoffDelay({}, 6, r).count());
    QVERIFY(seen.size() > 50); // not in lock step after a shared outage
}

QTEST_GUILESS_MAIN(TstBackoff)
#include "tst_backoff.moc"
