// Visible digital seal decoding (ICAO 9303-13 §2): the BSI TR-03137 worked examples
// (Annexes C, E, F: public specimens), structure errors and truncation.
#include "scanner/barcode/vds/vdsseal.h"
#include "scanner/barcode/vds/vdsvisa.h"

#include <QTest>

using namespace Kiosk::Vds;

namespace {
// BSI TR-03137 v2.5 Annex F: visa sticker seal, version 4, brainpoolP224r1 (56-byte signature).
const QByteArray kAnnexFVisa = QByteArray::fromHex(
    "dc036abc6d32c8a72cb10f7134b798155d01022cdd52134a74da1347c6fed95cb89f9fce133c133c133c133c203833734aaf47f0c32f1a1e20eb"
    "2625393afe310403a00000050633be1fed20c6ff38d5573247608c9b64cae022c1c5249660e51ae316d600f974aac2129c3f093c359553140263"
    "04705cd24c1b8100711bd4411f068e8d93e8b7");
// Annex C: arrival attestation, version 3 header.
const QByteArray kAnnexCArrival = QByteArray::fromHex(
    "dc026abc6d32c8a519fc0f71341145f4fd020230a5621353d9a275735bd4134bc549133c133c133c133c133ca32519a519a4344a5e681ae7204b"
    "20d532cf4b7c133c133f030820d5201019a51aeaff404a1f218ca4392647ecff6c8abf9e796a78eebe0b1ac8cc25c4ee17eed961d118909135"
    "8d7d616f1a517abc747f6c4490ff159d4dcf50248b00b1e32e9e7805e7");

QByteArray unsignedVisa()
{
    return kAnnexFVisa.left(kAnnexFVisa.indexOf(QByteArray::fromHex("ff38d557")));
}
} // namespace

class TestVdsSeal : public QObject
{
    Q_OBJECT
private slots:
    void annexFVisaVersion4();
    void annexCArrivalVersion3();
    void tagsInAnyOrderUnknownKept();
    void derLengths();
    void notSigned();
    void errors_data();
    void errors();
    void everyTruncationIsAnAnswer();
    void headerRoundTrip_data();
    void headerRoundTrip();
};

void TestVdsSeal::annexFVisaVersion4()
{
    const auto seal = parseSeal(kAnnexFVisa);
    QVERIFY2(seal.has_value(), qPrintable(seal ? QString() : seal.error().message));
    QCOMPARE(seal->header.version, 4);
    QCOMPARE(seal->header.issuingCountry, QStringLiteral("D<<"));
    QCOMPARE(seal->header.signerId, QStringLiteral("DETS"));
    QCOMPARE(seal->header.certReference, QStringLiteral("32"));
    QCOMPARE(seal->header.issueDate, QDate(2020, 1, 1));
    QCOMPARE(seal->header.signatureDate, QDate(2021, 12, 3));
    QCOMPARE(seal->header.featureRef, quint8(0x5D));
    QCOMPARE(seal->header.docTypeCategory, quint8(0x01));
    QCOMPARE(seal->headerLength, 18); // BSI TR-03137 §5.2.1
    QCOMPARE(seal->features.size(), 3);
    QVERIFY(seal->signature.has_value());
    QCOMPARE(seal->signature->size(), 56);
    QCOMPARE(seal->signedData, unsignedVisa());

    const auto visa = parseVisa(*seal);
    QVERIFY2(visa.has_value(), qPrintable(visa ? QString() : visa.error().message));
    QVERIFY(visa->mrzType == VdsVisa::MrzType::MrvB);
    QCOMPARE(visa->mrzLine1, QStringLiteral("VCD<<DENT<<ARTHUR<PHILIP<<<<<<<<<<<<"));
    QCOMPARE(visa->mrzLine2, QStringLiteral("1234567XY7GBR5203116M2005250"));
    QCOMPARE(visa->durationOfStay, (DurationOfStay{160, 0, 0}));
    QCOMPARE(visa->passportNumber, QStringLiteral("47110815P"));
    QCOMPARE(visa->surname, QStringLiteral("DENT"));
    QCOMPARE(visa->givenNames, QStringLiteral("ARTHUR PHILIP"));
    QCOMPARE(visa->visaNumber, QStringLiteral("1234567XY"));
    QCOMPARE(visa->nationality, QStringLiteral("GBR"));
    QCOMPARE(visa->validUntil, std::optional<QDate>(QDate(2020, 5, 25)));
    QVERIFY(visa->checkDigitsValid);
    QVERIFY(!visa->numberOfEntries.has_value());
}

void TestVdsSeal::annexCArrivalVersion3()
{
    const auto seal = parseSeal(kAnnexCArrival);
    QVERIFY2(seal.has_value(), qPrintable(seal ? QString() : seal.error().message));
    QCOMPARE(seal->header.version, 3);
    QCOMPARE(seal->header.signerId, QStringLiteral("DETS"));
    QCOMPARE(seal->header.certReference, QStringLiteral("00027"));
    QCOMPARE(seal->header.signatureDate, QDate(2020, 1, 13));
    QCOMPARE(seal->header.featureRef, quint8(0xFD));
    QCOMPARE(seal->header.docTypeCategory, quint8(0x02));
    QCOMPARE(seal->features.size(), 2);
    QCOMPARE(seal->features[0].tag, quint8(0x02));
    QCOMPARE(seal->features[0].value.size(), 48);
    QCOMPARE(seal->signature->size(), 64);
    // Not the visa profile: decoded, but no visa.
    QCOMPARE(parseVisa(*seal).error().code, QStringLiteral("VDS_NOT_A_VISA"));
}

void TestVdsSeal::tagsInAnyOrderUnknownKept()
{
    // Header of Annex F, then passport number, an unknown tag 0x42, duration, MRZ: reordered.
    const QByteArray header = kAnnexFVisa.left(18);
    const QByteArray mrz = kAnnexFVisa.mid(18, 46);
    const QByteArray duration = kAnnexFVisa.mid(64, 5);
    const QByteArray passport = kAnnexFVisa.mid(69, 8);
    const QByteArray unknown = QByteArray::fromHex("4203010203");
    const auto seal = parseSeal(header + passport + unknown + duration + mrz);
    QVERIFY(seal.has_value());
    QCOMPARE(seal->features.size(), 4);
    QCOMPARE(seal->features[1].tag, quint8(0x42));
    QCOMPARE(seal->features[1].value, QByteArray::fromHex("010203"));
    const auto visa = parseVisa(*seal);
    QVERIFY(visa.has_value());
    QCOMPARE(visa->passportNumber, QStringLiteral("47110815P"));
    QCOMPARE(visa->durationOfStay->days, 160);
}

void TestVdsSeal::derLengths()
{
    const QByteArray header = kAnnexFVisa.left(18);
    const QByteArray big(300, 'x');
    const QByteArray bytes = header + QByteArray::fromHex("4282012c") + big + QByteArray::fromHex("438105") + "abcde"
                             + QByteArray::fromHex("ff8140") + QByteArray(64, '\x01');
    const auto seal = parseSeal(bytes);
    QVERIFY2(seal.has_value(), qPrintable(seal ? QString() : seal.error().message));
    QCOMPARE(seal->features[0].value.size(), 300);
    QCOMPARE(seal->features[1].value, QByteArray("abcde"));
    QCOMPARE(seal->signature->size(), 64);
    QCOMPARE(encodeFeature(0x42, big).left(4), QByteArray::fromHex("4282012c"));
    QCOMPARE(encodeFeature(0x43, "abcde").left(2), QByteArray::fromHex("4305"));
}

void TestVdsSeal::notSigned()
{
    const auto seal = parseSeal(unsignedVisa());
    QVERIFY(seal.has_value());
    QVERIFY(!seal->signature.has_value());
    QCOMPARE(seal->signedData, unsignedVisa());
}

void TestVdsSeal::errors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << QByteArray() << "VDS_TRUNCATED" << "magic";
    QTest::newRow("no magic") << QByteArray("M1SPECIMEN") << "VDS_NOT_A_SEAL" << "byte 0";
    QTest::newRow("version 2 byte (0x01)") << QByteArray::fromHex("dc01") + kAnnexFVisa.mid(2) << "VDS_BAD_VERSION" << "byte 1";
    QTest::newRow("header cut in the dates") << kAnnexFVisa.left(12) << "VDS_TRUNCATED" << "document issue date";
    QTest::newRow("header without category") << kAnnexFVisa.left(17) << "VDS_TRUNCATED" << "document type category";
    QTest::newRow("feature value cut") << kAnnexFVisa.left(40) << "VDS_TRUNCATED" << "feature 0x02";
    QTest::newRow("feature length missing") << kAnnexFVisa.left(19) << "VDS_TRUNCATED" << "feature length";
    QTest::newRow("signature cut") << kAnnexFVisa.left(kAnnexFVisa.size() - 1) << "VDS_TRUNCATED" << "signature";
    QTest::newRow("indefinite length 0x80") << kAnnexFVisa.left(18) + QByteArray::fromHex("0280") << "VDS_BAD_LENGTH" << "byte 19";
    QTest::newRow("length of 4 length bytes") << kAnnexFVisa.left(18) + QByteArray::fromHex("028400000001") << "VDS_BAD_LENGTH" << "0x84";
    QTest::newRow("bytes after the signature") << kAnnexFVisa + QByteArray(1, '\0') << "VDS_TRAILING_BYTES" << "1 bytes";
    QByteArray badDate = kAnnexFVisa;
    badDate[10] = '\x00'; // issue date 0x007134 = 29,000: month 0
    QTest::newRow("issue date not a date") << badDate << "VDS_BAD_DATE" << "byte 10";
    QByteArray badCountry = kAnnexFVisa;
    badCountry[2] = '\xfb'; // pair value > 64000
    QTest::newRow("issuing country not C40") << badCountry << "VDS_BAD_C40" << "seal offset 2";
    QByteArray badRefLength = kAnnexFVisa;
    badRefLength[6] = '\xc8'; // keep DETS, but change the length characters to non-hex
    badRefLength[7] = '\x01';
    QTest::newRow("version 4 reference length not hex") << badRefLength << "VDS_BAD_C40" << "byte 4";
}

void TestVdsSeal::errors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QFETCH(QString, mentions);
    const auto seal = parseSeal(bytes);
    QVERIFY(!seal.has_value());
    QCOMPARE(seal.error().code, code);
    QVERIFY2(seal.error().message.contains(mentions), qPrintable(seal.error().message));
}

void TestVdsSeal::everyTruncationIsAnAnswer()
{
    int decoded = 0;
    for (qsizetype n = 0; n < kAnnexFVisa.size(); ++n) {
        const QByteArray prefix(kAnnexFVisa.constData(), n);
        const auto seal = parseSeal(prefix);
        if (seal) {
            ++decoded;
            QVERIFY(!seal->signature.has_value()); // a cut signature zone never decodes
        }
    }
    // Cuts exactly at feature boundaries decode as unsigned seals: after the header and
    // after each of the three features.
    QCOMPARE(decoded, 4);
}

void TestVdsSeal::headerRoundTrip_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QString>("reference");
    QTest::newRow("version 3, 5-character reference") << 3 << "0001A";
    QTest::newRow("version 4, 1-character reference (0xFE form)") << 4 << "7";
    QTest::newRow("version 4, 2-character reference") << 4 << "32";
    QTest::newRow("version 4, 3-character reference") << 4 << "1A2";
    QTest::newRow("version 4, 10-character reference") << 4 << "0123456789";
}

void TestVdsSeal::headerRoundTrip()
{
    QFETCH(int, version);
    QFETCH(QString, reference);
    VdsHeader h;
    h.version = version;
    h.issuingCountry = QStringLiteral("UTO");
    h.signerId = QStringLiteral("UTTS");
    h.certReference = reference;
    h.issueDate = QDate(2026, 2, 28);
    h.signatureDate = QDate(2026, 12, 31);
    h.featureRef = 0x5D;
    h.docTypeCategory = 0x01;
    const auto bytes = encodeHeader(h);
    QVERIFY(bytes.has_value());
    const auto seal = parseSeal(*bytes);
    QVERIFY2(seal.has_value(), qPrintable(seal ? QString() : seal.error().message));
    QCOMPARE(seal->header, h);
    QCOMPARE(seal->headerLength, bytes->size());
}

QTEST_GUILESS_MAIN(TestVdsSeal)
#include "tst_vdsseal.moc"
