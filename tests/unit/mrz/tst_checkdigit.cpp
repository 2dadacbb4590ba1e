// ICAO 9303-3 §4.9 check digits: the spec's worked examples and the specimens' digits.
#include "scanner/mrz/checkdigit.h"

#include <QTest>

using namespace Kiosk::Mrz;

class TestCheckDigit : public QObject
{
    Q_OBJECT

private slots:
    void checkDigit_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("digit"); // -1: not computable
        QTest::newRow("icao-9303-3 §4.9 example: date 520727") << QStringLiteral("520727") << 3;
        QTest::newRow("icao-9303-3 §4.9 example: number AB2134<<<") << QStringLiteral("AB2134<<<") << 5;
        QTest::newRow("td3 specimen document number") << QStringLiteral("L898902C3") << 6;
        QTest::newRow("td3 specimen birth date") << QStringLiteral("740812") << 2;
        QTest::newRow("td3 specimen expiry date") << QStringLiteral("120415") << 9;
        QTest::newRow("td3 specimen personal number") << QStringLiteral("ZE184226B<<<<<") << 1;
        QTest::newRow("td3 specimen composite")
            << QStringLiteral("L898902C36" "7408122" "1204159ZE184226B<<<<<1") << 0;
        QTest::newRow("td1 specimen document number") << QStringLiteral("D23145890") << 7;
        QTest::newRow("all fillers") << QStringLiteral("<<<<<<<<<<<<<<") << 0;
        QTest::newRow("empty text") << QString() << 0;
        QTest::newRow("Z is 35") << QStringLiteral("Z") << 5;   // 35*7 = 245
        QTest::newRow("weights repeat 7,3,1") << QStringLiteral("1111") << 8; // 7+3+1+7 = 18
        QTest::newRow("lower case is not an MRZ character") << QStringLiteral("abc") << -1;
        QTest::newRow("space is not an MRZ character") << QStringLiteral("AB 12") << -1;
    }

    void checkDigit()
    {
        QFETCH(QString, text);
        QFETCH(int, digit);
        const std::optional<int> got = Kiosk::Mrz::checkDigit(text);
        const std::optional<int> fromLatin1 = Kiosk::Mrz::checkDigit(std::string_view(text.toLatin1().constData()));
        if (digit < 0) {
            QVERIFY(!got);
            QVERIFY(!fromLatin1);
        } else {
            QCOMPARE(got, std::optional<int>(digit));
            QCOMPARE(fromLatin1, std::optional<int>(digit));
            QVERIFY(checkDigitMatches(text, QChar(u'0' + digit)));
            QVERIFY(!checkDigitMatches(text, QChar(u'0' + (digit + 1) % 10)));
        }
    }

    void fillerNeverMatches()
    {
        // The empty-personal-number '<' is a layout rule (9303-4), not a check-digit value.
        QVERIFY(!checkDigitMatches(u"<<<<<<<<<<<<<<", QChar(u'<')));
    }

    void characterValues()
    {
        QCOMPARE(characterValue(u'0'), 0);
        QCOMPARE(characterValue(u'9'), 9);
        QCOMPARE(characterValue(u'A'), 10);
        QCOMPARE(characterValue(u'Z'), 35);
        QCOMPARE(characterValue(u'<'), 0);
        QCOMPARE(characterValue(u'a'), -1);
        QCOMPARE(characterValue(u'\xC9'), -1);
    }

    void highBytesAreRejected()
    {
        // A byte >= 0x80 must not be read as a letter.
        QVERIFY(!Kiosk::Mrz::checkDigit(std::string_view("\xC1\xC2")));
    }
};

QTEST_GUILESS_MAIN(TestCheckDigit)
#include "tst_checkdigit.moc"
