// The reason-code table (app/core/reasoncode.h): every code's wire string reads back as the
// same code, is the upper-case word scripts match on, and every row names its rule and source.
#include "app/core/reasoncode.h"

#include <QSet>
#include <QTest>

using namespace Kiosk;

class TestReasonCode : public QObject
{
    Q_OBJECT
private slots:
    void everyCodeRoundTrips();
    void unknownStringsAreNoCode_data();
    void unknownStringsAreNoCode();
};

void TestReasonCode::everyCodeRoundTrips()
{
    QSet<QString> seen;
    for (const ReasonCodeInfo &row : kReasonCodes) {
        const QString wire = reasonCodeToString(row.code);
        QVERIFY2(!seen.contains(wire), qPrintable(wire));
        seen.insert(wire);
        QVERIFY2(reasonCodeFromString(wire) == row.code, qPrintable(wire));
        QVERIFY(row.code == QStringView(wire));
        QVERIFY2(wire == wire.toUpper() && !wire.contains(u' '), qPrintable(wire));
        QVERIFY2(!reasonRule(row.code).isEmpty() && reasonSource(row.code).contains(u'§'), qPrintable(wire));
    }
    QCOMPARE(seen.size(), 30);
}

void TestReasonCode::unknownStringsAreNoCode_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("lower case is not the wire string") << QStringLiteral("visa_free");
    QTest::newRow("a prefix of VISA_FREE_DAYS_USED") << QStringLiteral("VISA_FREE_DAYS");
    QTest::newRow("an event-only code (eventrecorder)") << QStringLiteral("REFERRED_TO_SECONDARY");
}

void TestReasonCode::unknownStringsAreNoCode()
{
    QFETCH(QString, text);
    QVERIFY(!reasonCodeFromString(text).has_value());
    QVERIFY(!(ReasonCode::VisaFree == QStringView(text)));
}

QTEST_GUILESS_MAIN(TestReasonCode)
#include "tst_reasoncode.moc"
