// Name normalisation and person-name matching (app/core/namematch), shared by the rules
// (scenario watchlist candidates) and the store (database lookups). Synthetic names only:
// common surnames of the region, no real person's record.
#include "app/core/namematch.h"

#include <QTest>

using namespace Kiosk;
using namespace Qt::StringLiterals;

class TestNameMatch : public QObject
{
    Q_OBJECT
private slots:
    void normalise_data();
    void normalise();
    void match_data();
    void match();
    void keyIsStable();
    void editDistance();
};

void TestNameMatch::normalise_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mrz fillers become spaces") << "ABDUL<<RAHMAN<" << "ABDUL RAHMAN";
    QTest::newRow("hyphen and apostrophe are separators") << "O'Neil-Smith" << "O NEIL SMITH";
    QTest::newRow("lower case upper-cased") << "mammadov" << "MAMMADOV";
    QTest::newRow("azerbaijani schwa as passports write it") << u"Məmmədov"_s << "MAMMADOV";
    QTest::newRow("azerbaijani s-cedilla, g-breve, dotless i") << u"Şahin Ağayev Qılınc"_s << "SAHIN AGAYEV QILINC";
    QTest::newRow("icao 9303-3 cyrillic: kh, iu, ia") << u"Хабибуллин Юлия"_s << "KHABIBULLIN IULIIA";
    QTest::newRow("icao 9303-3 cyrillic: zh, shch, ts, soft sign dropped") << u"Жуков Щербаков Цой Игорь"_s << "ZHUKOV SHCHERBAKOV TSOI IGOR";
    QTest::newRow("icao 9303-3 cyrillic: hard sign is IE") << u"Подъячев"_s << "PODIEIACHEV";
    QTest::newRow("german sharp s and umlaut") << u"Strauß Müller"_s << "STRAUSS MULLER";
    QTest::newRow("digits and symbols dropped, spaces collapse") << "  IVANOV 2 ** PETR  " << "IVANOV PETR";
    QTest::newRow("empty stays empty") << "" << "";
}

void TestNameMatch::normalise()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normaliseName(input), expected);
}

void TestNameMatch::match_data()
{
    QTest::addColumn<QString>("surnameA");
    QTest::addColumn<QString>("givenA");
    QTest::addColumn<QString>("surnameB");
    QTest::addColumn<QString>("givenB");
    QTest::addColumn<int>("expected");
    const int none = int(NameMatch::None), variant = int(NameMatch::Variant), exact = int(NameMatch::Exact);
    QTest::newRow("identical") << "IVANOV" << "PETR" << "IVANOV" << "PETR" << exact;
    QTest::newRow("mrz fillers vs spaces is exact") << "ABDUL<RAHMAN" << "ALI" << "ABDUL RAHMAN" << "ALI" << exact;
    QTest::newRow("joined vs spaced surname") << "ABDULRAHMAN" << "ALI" << "ABDUL-RAHMAN" << "ALI" << variant;
    QTest::newRow("KH vs H (Khalilov/Halilov)") << "KHALILOV" << "RASHAD" << "HALILOV" << "RASHAD" << variant;
    QTest::newRow("azerbaijani X vs KH") << u"Xəlilov"_s << "Rashad" << "KHALILOV" << "RASHAD" << variant;
    QTest::newRow("Y vs I (Aliyev/Aliev)") << "ALIYEV" << "ELCHIN" << "ALIEV" << "ELCHIN" << variant;
    QTest::newRow("Y/I/J ending (Yuriy/Iurii/Jurij)") << "PETRENKO" << "YURIY" << "PETRENKO" << "IURII" << variant;
    QTest::newRow("german J ending") << "PETRENKO" << "JURIJ" << "PETRENKO" << "YURIY" << variant;
    QTest::newRow("IE vs YE (Sergeyev/Sergeev)") << "SERGEYEV" << "OLEG" << "SERGEEV" << "OLEG" << variant;
    QTest::newRow("OU vs U (Nourlan/Nurlan)") << "BEKOV" << "NOURLAN" << "BEKOV" << "NURLAN" << variant;
    QTest::newRow("DZH vs J (Dzhafarov/Jafarov)") << "DZHAFAROV" << "VUGAR" << "JAFAROV" << "VUGAR" << variant;
    QTest::newRow("native azerbaijani vs passport spelling") << u"Cəfərov"_s << u"Vüqar"_s << "JAFAROV" << "VUGAR" << variant;
    QTest::newRow("doubled letters (Mammadov/Mamedov)") << "MAMMADOV" << "TURAL" << "MAMEDOV" << "TURAL" << variant;
    QTest::newRow("cyrillic record vs icao mrz") << u"Шевченко"_s << u"Тарас"_s << "SHEVCHENKO" << "TARAS" << exact;
    QTest::newRow("patronymic on one side only") << "IVANOV" << "PETR" << "IVANOV" << "PETR SERGEEVICH" << variant;
    QTest::newRow("given names missing on the list") << "IVANOV" << "" << "IVANOV" << "PETR" << exact;
    QTest::newRow("fields swapped") << "PETR" << "IVANOV" << "IVANOV" << "PETR" << variant;
    QTest::newRow("different surname") << "IVANOV" << "PETR" << "PETROV" << "PETR" << none;
    QTest::newRow("different given name") << "IVANOV" << "PETR" << "IVANOV" << "SERGEI" << none;
    QTest::newRow("short names need an exact key (Li/Lu)") << "LI" << "WEI" << "LU" << "WEI" << none;
    QTest::newRow("two letters apart in a short name") << "KARIMOV" << "ANAR" << "KASUMOV" << "ANAR" << none;
    QTest::newRow("empty surname matches nobody") << "" << "PETR" << "" << "PETR" << none;
}

void TestNameMatch::match()
{
    QFETCH(QString, surnameA);
    QFETCH(QString, givenA);
    QFETCH(QString, surnameB);
    QFETCH(QString, givenB);
    QFETCH(int, expected);
    QCOMPARE(int(matchPersonNames(surnameA, givenA, surnameB, givenB)), expected);
    // Symmetric: the order of the two records never changes the answer.
    QCOMPARE(int(matchPersonNames(surnameB, givenB, surnameA, givenA)), expected);
}

// The store keeps nameKey() in an index: variants must share it, other names must not.
void TestNameMatch::keyIsStable()
{
    QCOMPARE(nameKey(u"DZHAFAROV"), nameKey(u"DJAFAROV"));
    QCOMPARE(nameKey(u"ALIYEV"), nameKey(u"Aliev"));
    QCOMPARE(nameKey(u"KHALILOV"), nameKey(u"Xəlilov"));
    QCOMPARE(nameKey(u"ABDUL RAHMAN"), nameKey(u"ABDUL<RAHMAN"));
    QVERIFY(nameKey(u"IVANOV") != nameKey(u"PETROV"));
    QCOMPARE(nameKey(u""), QString());
}

void TestNameMatch::editDistance()
{
    QCOMPARE(nameEditDistance(u"", u""), 0);
    QCOMPARE(nameEditDistance(u"ABC", u""), 3);
    QCOMPARE(nameEditDistance(u"MAMADOV", u"MAMEDOV"), 1);
    QCOMPARE(nameEditDistance(u"ALEV", u"ALVE"), 1); // transposition counts once
    QCOMPARE(nameEditDistance(u"KITTEN", u"SITTING"), 3);
}

QTEST_APPLESS_MAIN(TestNameMatch)
#include "tst_namematch.moc"
