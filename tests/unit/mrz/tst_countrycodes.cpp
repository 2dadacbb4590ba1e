// ICAO 9303-3 §5 codes: the whole list, as data.
#include "scanner/mrz/countrycodes.h"

#include <QTest>

using namespace Kiosk::Mrz;

class TestCountryCodes : public QObject
{
    Q_OBJECT

private slots:
    void known_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("name"); // empty: unknown
        QTest::newRow("specimen state UTO") << QStringLiteral("UTO") << QStringLiteral("Utopia");
        QTest::newRow("germany as D") << QStringLiteral("D") << QStringLiteral("Germany");
        QTest::newRow("germany as D with fillers") << QStringLiteral("D<<") << QStringLiteral("Germany");
        QTest::newRow("azerbaijan (iso 3166-1)") << QStringLiteral("AZE") << QStringLiteral("Azerbaijan");
        QTest::newRow("stateless XXA") << QStringLiteral("XXA") << QStringLiteral("Stateless person");
        QTest::newRow("refugee XXB") << QStringLiteral("XXB") << QStringLiteral("Refugee (1951 Convention)");
        QTest::newRow("european union EUE") << QStringLiteral("EUE") << QStringLiteral("European Union");
        QTest::newRow("kosovo RKS") << QStringLiteral("RKS") << QStringLiteral("Kosovo");
        QTest::newRow("unknown ZZZ") << QStringLiteral("ZZZ") << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("only fillers") << QStringLiteral("<<<") << QString();
        QTest::newRow("lower case") << QStringLiteral("aze") << QString();
        QTest::newRow("too long") << QStringLiteral("AZER") << QString();
    }

    void known()
    {
        QFETCH(QString, code);
        QFETCH(QString, name);
        QCOMPARE(countryName(code).value_or(QString()), name);
        QCOMPARE(isKnownCountryCode(code), !name.isEmpty());
    }

    // Every ICAO-assigned code, and ISO 3166-1 as a whole.
    void wholeList()
    {
        const char *const icao[] = {"D",   "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XBA", "XIM", "XCC", "XCE", "XCO",
                                    "XEC", "XPO", "XES", "XMP", "XOM", "XDC", "XXA", "XXB", "XXC", "XXX", "EUE", "RKS", "UTO"};
        for (const char *code : icao)
            QVERIFY2(isKnownCountryCode(QString::fromLatin1(code)), code);
        QVERIFY(countryCodeCount() >= 249 + 27);
    }
};

QTEST_GUILESS_MAIN(TestCountryCodes)
#include "tst_countrycodes.moc"
