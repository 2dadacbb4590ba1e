#include "app/core/wholenumber.h"

#include <QTest>

#include <limits>

using Kiosk::wholeNumber;

class TestWholeNumber : public QObject
{
    Q_OBJECT
private slots:
    void cases_data();
    void cases();
};

void TestWholeNumber::cases_data()
{
    QTest::addColumn<double>("input");
    QTest::addColumn<qint64>("min");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("value");
    const qint64 lo = -(qint64(1) << 53), hi = qint64(1) << 53;
    QTest::newRow("plain 90 days") << 90.0 << lo << hi << true << qint64(90);
    QTest::newRow("negative accepted in default range") << -3.0 << lo << hi << true << qint64(-3);
    QTest::newRow("fraction refused") << 90.5 << lo << hi << false << qint64(0);
    QTest::newRow("fuzz_policy: 3.8e118 refused, no UB") << 3.83333e118 << lo << hi << false << qint64(0);
    QTest::newRow("-1e300 refused") << -1e300 << lo << hi << false << qint64(0);
    QTest::newRow("infinity refused") << std::numeric_limits<double>::infinity() << lo << hi << false << qint64(0);
    QTest::newRow("NaN refused") << std::numeric_limits<double>::quiet_NaN() << lo << hi << false << qint64(0);
    QTest::newRow("just above max refused") << 366.0 << qint64(0) << qint64(365) << false << qint64(0);
    QTest::newRow("max itself accepted") << 365.0 << qint64(0) << qint64(365) << true << qint64(365);
    QTest::newRow("below min refused") << -1.0 << qint64(0) << qint64(365) << false << qint64(0);
}

void TestWholeNumber::cases()
{
    QFETCH(double, input);
    QFETCH(qint64, min);
    QFETCH(qint64, max);
    QFETCH(bool, accepted);
    QFETCH(qint64, value);
    const auto n = wholeNumber(input, min, max);
    QCOMPARE(n.has_value(), accepted);
    if (accepted)
        QCOMPARE(*n, value);
}

QTEST_GUILESS_MAIN(TestWholeNumber)
#include "tst_wholenumber.moc"
