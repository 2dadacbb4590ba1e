// C40 as ISO/IEC 16022 §5.2.5 and BSI TR-03137 Annex B define it for seals.
#include "scanner/barcode/vds/c40.h"

#include <QTest>

using namespace Kiosk::Vds;

class TestC40 : public QObject
{
    Q_OBJECT
private slots:
    void decode_data();
    void decode();
    void roundTrip_data();
    void roundTrip();
    void bad_data();
    void bad();
};

void TestC40::decode_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("text");
    // BSI TR-03137 Tables 6 and 7 and the worked examples of Annexes C-H.
    QTest::newRow("Annex B table 6: XK<SPACE>CD, Shift 1 pad") << QByteArray("eb0466a9") << "XK CD";
    QTest::newRow("Annex B table 7: XKCD, 0xFE unlatch + ASCII") << QByteArray("eb11fe45") << "XKCD";
    QTest::newRow("section 3.2.3 example: BSI01") << QByteArray("62d719c9") << "BSI01";
    QTest::newRow("Annex C: issuing country D<<") << QByteArray("6abc") << "D  ";
    QTest::newRow("Annex C: signer and reference, version 3") << QByteArray("6d32c8a519fc") << "DETS00027";
    QTest::newRow("Annex F: signer and reference, version 4") << QByteArray("6d32c8a72cb1") << "DETS0232";
    QTest::newRow("Annex F: passport number") << QByteArray("33be1fed20c6") << "47110815P";
    QTest::newRow("Annex H: postal code, 5 characters") << QByteArray("26532081") << "21614";
    QTest::newRow("empty") << QByteArray() << "";
    // Shift sets (ISO/IEC 16022 Table 10): Shift 2 '!' = (1, 0), Shift 3 'a' = (2, 1),
    // Shift 1 NUL-range: (0, 9) = TAB.
    QTest::newRow("Shift 2 punctuation: A!B") << QByteArray::number(1600 * 14 + 40 * 1 + 0 + 1, 16).rightJustified(4, '0')
                                                       + QByteArray("fe43")
                                              << "A!B";
    QTest::newRow("Shift 3 lower case: a then pad") << QByteArray::number(1600 * 2 + 40 * 1 + 0 + 1, 16).rightJustified(4, '0') << "a";
    QTest::newRow("Shift 1 control: TAB then pad") << QByteArray::number(1600 * 0 + 40 * 9 + 0 + 1, 16).rightJustified(4, '0') << "\t";
    QTest::newRow("upper shift: Shift 2 + 30, then A = 0xC1")
        << QByteArray::number(1600 * 1 + 40 * 30 + 14 + 1, 16).rightJustified(4, '0') << QString(QChar(0xC1));
    QTest::newRow("ASCII digit pair after unlatch") << QByteArray("eb11fe8e") << "XKC12";
    QTest::newRow("latch back to C40 after unlatch") << QByteArray("fe42e6eb11") << "AXKC";
}

void TestC40::decode()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, text);
    const auto out = decodeC40(QByteArray::fromHex(hex));
    QVERIFY2(out.has_value(), qPrintable(out ? QString() : out.error().message));
    QCOMPARE(*out, text);
}

void TestC40::roundTrip_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("length");
    QTest::newRow("3n characters") << "ABC123" << 4;
    QTest::newRow("3n+1 characters: unlatch form") << "ABCD" << 4;
    QTest::newRow("3n+2 characters: Shift 1 pad") << "ABCDE" << 4;
    QTest::newRow("one character") << "Z" << 2;
    QTest::newRow("two characters") << "Z9" << 2;
    QTest::newRow("MRZ fillers become spaces") << "P<UTO" << 4;
    QTest::newRow("lower case and punctuation through shifts") << "Ab-c.d/e" << 10;
    QTest::newRow("3n+1 ending in a shifted character") << "ABCa" << 4;
    QTest::newRow("Latin-1 through upper shift") << QStringLiteral("A\u00e9Z") << 4;
    QTest::newRow("ends in Latin-1 after 3n") << QStringLiteral("ABC\u00e9") << 5;
}

void TestC40::roundTrip()
{
    QFETCH(QString, text);
    QFETCH(int, length);
    const auto bytes = encodeC40(text);
    QVERIFY(bytes.has_value());
    QCOMPARE(bytes->size(), length);
    const auto back = decodeC40(*bytes);
    QVERIFY2(back.has_value(), qPrintable(back ? QString() : back.error().message));
    QCOMPARE(*back, QString(text).replace(u'<', u' '));
}

void TestC40::bad_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("odd byte count") << QByteArray("eb11eb") << "byte 2";
    QTest::newRow("pair value 0") << QByteArray("0000") << "byte 0";
    QTest::newRow("pair value above 64000") << QByteArray("eb11fa01") << "byte 2";
    QTest::newRow("unlatch then Base 256 latch") << QByteArray("fee7") << "byte 1";
    QTest::newRow("ends inside Shift 2") << QByteArray::number(1600 * 14 + 40 * 14 + 1 + 1, 16).rightJustified(4, '0') << "shift";
    QTest::newRow("Shift 1 value above 31") << QByteArray::number(1600 * 0 + 40 * 35 + 3 + 1, 16).rightJustified(4, '0') << "Shift 1";
    QTest::newRow("FNC1 (Shift 2 value 27) is not used") << QByteArray::number(1600 * 1 + 40 * 27 + 3 + 1, 16).rightJustified(4, '0') << "Shift 2";
    QTest::newRow("ASCII pad in the middle") << QByteArray("fe8142") << "pad";
}

void TestC40::bad()
{
    QFETCH(QByteArray, hex);
    QFETCH(QString, mentions);
    const auto out = decodeC40(QByteArray::fromHex(hex));
    QVERIFY(!out.has_value());
    QCOMPARE(out.error().code, QStringLiteral("VDS_BAD_C40"));
    QVERIFY2(out.error().message.contains(mentions), qPrintable(out.error().message));
}

QTEST_GUILESS_MAIN(TestC40)
#include "tst_c40.moc"
