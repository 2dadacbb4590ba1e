// Seal authenticity (ICAO 9303-13 §2.4): round trips through the test issuing authority
// for every visa field, and each way a seal can fail its signature.
#include "app/crypto/ecdsa.h"
#include "scanner/barcode/vds/vdsjson.h"
#include "scanner/barcode/vds/vdsverifier.h"
#include "scanner/barcode/vds/vdsvisa.h"
#include "tests/support/vdsissuer.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Vds;
using Kiosk::Test::TestVisa;
using Kiosk::Test::VdsAuthority;

Q_DECLARE_METATYPE(TestVisa)
Q_DECLARE_METATYPE(Kiosk::Crypto::EcCurve)

class TestVdsVerifier : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void curves_data();
    void curves();
    void everyTamperedByteFails();
    void wrongSigner();
    void unknownSigner();
    void untrustedRoot();
    void expiredSigner_data();
    void expiredSigner();
    void notSigned();
    void visaOnlyFromVerifiedSeal();
    void trustStoreFolder();
    void ecdsaForms();
    void json();

private:
    std::optional<VdsAuthority> m_authority;
};

namespace {
SignatureState stateOf(const QByteArray &bytes, const VdsTrustStore &store)
{
    const auto seal = parseSeal(bytes);
    if (!seal)
        return SignatureState::Invalid;
    return verifySeal(*seal, store).state;
}
} // namespace

void TestVdsVerifier::initTestCase()
{
    auto a = VdsAuthority::create();
    QVERIFY2(a.has_value(), qPrintable(a ? QString() : a.error().message));
    m_authority = std::move(*a);
}

void TestVdsVerifier::roundTrip_data()
{
    QTest::addColumn<TestVisa>("visa");
    const TestVisa base = Test::specimenVisa();
    QTest::newRow("specimen: MRV-B, 1 entry, 30 days, passport number") << base;
    TestVisa a = base;
    a.mrvA = true;
    a.mrzLine1 = QStringLiteral("VCUTOSPECIMEN<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<");
    a.mrzLine2 = QStringLiteral("UV12345671UTO9001158F2703017<<<<<<<<<<<<<<<<");
    QTest::newRow("MRV-A MRZ (tag 0x01, 72 characters)") << a;
    TestVisa multi = base;
    multi.numberOfEntries = 0;
    QTest::newRow("multiple entries (0)") << multi;
    TestVisa two = base;
    two.numberOfEntries = 2;
    QTest::newRow("two entries") << two;
    TestVisa noEntries = base;
    noEntries.numberOfEntries.reset();
    QTest::newRow("number of entries absent") << noEntries;
    TestVisa months = base;
    months.durationOfStay = std::array<int, 3>{0, 6, 0};
    QTest::newRow("duration in months") << months;
    TestVisa years = base;
    years.durationOfStay = std::array<int, 3>{10, 1, 2};
    QTest::newRow("duration in days, months and years") << years;
    TestVisa type = base;
    type.visaType = QByteArray::fromHex("0102a0ff");
    QTest::newRow("visa type, 4 binary bytes") << type;
    TestVisa additional = base;
    additional.additionalFeature = QByteArray("\x00\xff\x10 binary", 10);
    QTest::newRow("additional feature, binary") << additional;
    TestVisa unknown = base;
    unknown.extraFeatures = {{0x42, QByteArray::fromHex("deadbeef")}, {0x08, QByteArray()}};
    QTest::newRow("unknown tags kept, one empty") << unknown;
    TestVisa shortNumber = base;
    shortNumber.passportNumber = QStringLiteral("X12");
    QTest::newRow("short passport number, filled with <") << shortNumber;
    TestVisa v3 = base;
    v3.version = 3;
    QTest::newRow("version 3 header") << v3;
}

void TestVdsVerifier::roundTrip()
{
    QFETCH(TestVisa, visa);
    const auto bytes = Test::writeVisaSeal(visa, *m_authority);
    QVERIFY2(bytes.has_value(), qPrintable(bytes ? QString() : bytes.error().message));
    const auto seal = parseSeal(*bytes);
    QVERIFY2(seal.has_value(), qPrintable(seal ? QString() : seal.error().message));
    QCOMPARE(seal->header.version, visa.version);
    QCOMPARE(seal->header.issuingCountry, QStringLiteral("UTO"));
    QCOMPARE(seal->header.signerId, QStringLiteral("UTTS"));
    QCOMPARE(seal->header.issueDate, visa.issueDate);
    QCOMPARE(seal->header.signatureDate, visa.signatureDate);
    const SignatureCheck check = verifySeal(*seal, m_authority->trustStore());
    QCOMPARE(signatureStateToString(check.state), QStringLiteral("valid"));
    QCOMPARE(check.signer, QStringLiteral("UTTS/") + seal->header.certReference);

    const auto v = parseVisa(*seal);
    QVERIFY2(v.has_value(), qPrintable(v ? QString() : v.error().message));
    QCOMPARE(v->mrzType == VdsVisa::MrzType::MrvA, visa.mrvA);
    QCOMPARE(v->mrzLine1, visa.mrzLine1);
    QCOMPARE(v->mrzLine2, visa.mrzLine2.left(28));
    QCOMPARE(v->numberOfEntries, visa.numberOfEntries);
    QCOMPARE(v->durationOfStay.has_value(), visa.durationOfStay.has_value());
    QCOMPARE(v->durationOfStay->days, (*visa.durationOfStay)[0]);
    QCOMPARE(v->durationOfStay->months, (*visa.durationOfStay)[1]);
    QCOMPARE(v->durationOfStay->years, (*visa.durationOfStay)[2]);
    QCOMPARE(v->passportNumber, visa.passportNumber);
    QCOMPARE(v->visaType, visa.visaType);
    QCOMPARE(v->additionalFeature, visa.additionalFeature);
    QCOMPARE(v->surname, QStringLiteral("SPECIMEN"));
    QCOMPARE(v->givenNames, QStringLiteral("ANNA MARIA"));
    QCOMPARE(v->visaNumber, QStringLiteral("UV1234567"));
    QCOMPARE(v->validUntil, std::optional<QDate>(QDate(2027, 3, 1)));
    QVERIFY(v->checkDigitsValid);
    for (const VdsFeature &extra : visa.extraFeatures) {
        const VdsFeature *kept = seal->feature(extra.tag);
        QVERIFY(kept);
        QCOMPARE(kept->value, extra.value);
    }
}

void TestVdsVerifier::curves_data()
{
    QTest::addColumn<Crypto::EcCurve>("curve");
    QTest::addColumn<int>("signatureLength");
    QTest::newRow("P-256 + SHA-256") << Crypto::EcCurve::P256 << 64;
    QTest::newRow("P-384 + SHA-384") << Crypto::EcCurve::P384 << 96;
    QTest::newRow("brainpoolP224r1 + SHA-224 (BSI Annex F)") << Crypto::EcCurve::BrainpoolP224r1 << 56;
    QTest::newRow("brainpoolP256r1 + SHA-256 (BSI Annex E)") << Crypto::EcCurve::BrainpoolP256r1 << 64;
}

void TestVdsVerifier::curves()
{
    QFETCH(Crypto::EcCurve, curve);
    QFETCH(int, signatureLength);
    Test::VdsAuthorityOptions o;
    o.curve = curve;
    const auto authority = VdsAuthority::create(o);
    QVERIFY(authority.has_value());
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *authority);
    QVERIFY(bytes.has_value());
    const auto seal = parseSeal(*bytes);
    QVERIFY(seal.has_value());
    QCOMPARE(seal->signature->size(), signatureLength);
    QCOMPARE(verifySeal(*seal, authority->trustStore()).state, SignatureState::Valid);
}

void TestVdsVerifier::everyTamperedByteFails()
{
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QVERIFY(bytes.has_value());
    const VdsTrustStore store = m_authority->trustStore();
    QCOMPARE(stateOf(*bytes, store), SignatureState::Valid);
    for (qsizetype i = 0; i < bytes->size(); ++i) {
        QByteArray t = *bytes;
        t[i] = static_cast<char>(t[i] ^ 0x01);
        const SignatureState s = stateOf(t, store);
        // Flipping a header byte may change the signer reference (unknown signer) or the
        // signature date: never valid.
        QVERIFY2(s != SignatureState::Valid, qPrintable(QStringLiteral("byte %1 flipped still verifies").arg(i)));
    }
}

void TestVdsVerifier::wrongSigner()
{
    // Same signer id and reference, another key pair: the header points at A's certificate.
    const auto other = VdsAuthority::create();
    QVERIFY(other.has_value());
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *other);
    QVERIFY(bytes.has_value());
    QCOMPARE(stateOf(*bytes, m_authority->trustStore()), SignatureState::Invalid);
}

void TestVdsVerifier::unknownSigner()
{
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QVERIFY(bytes.has_value());
    QCOMPARE(stateOf(*bytes, VdsTrustStore()), SignatureState::UnknownSigner);
    Test::VdsAuthorityOptions o;
    o.certReference = QStringLiteral("1A3");
    const auto otherRef = VdsAuthority::create(o);
    QVERIFY(otherRef.has_value());
    QCOMPARE(stateOf(*bytes, otherRef->trustStore()), SignatureState::UnknownSigner);
}

void TestVdsVerifier::untrustedRoot()
{
    const auto other = VdsAuthority::create();
    QVERIFY(other.has_value());
    VdsTrustStore store;
    store.addRoot(other->root());          // a root that did not issue the signer
    store.addSigner(m_authority->signer());
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QVERIFY(bytes.has_value());
    const auto seal = parseSeal(*bytes);
    const SignatureCheck check = verifySeal(*seal, store);
    QCOMPARE(check.state, SignatureState::UnknownSigner);
    QVERIFY(check.detail.contains(QStringLiteral("trusted root")));
}

void TestVdsVerifier::expiredSigner_data()
{
    QTest::addColumn<QDate>("signatureDate");
    QTest::addColumn<QString>("state");
    // Signer valid 2024-01-01 .. 2030-01-01 (midnight UTC); the seal date is taken at noon.
    QTest::newRow("signed after the signer expired") << QDate(2030, 1, 2) << "expired_signer";
    QTest::newRow("signed on the day after notAfter's midnight") << QDate(2030, 1, 1) << "expired_signer";
    QTest::newRow("signed before the signer was valid") << QDate(2023, 12, 31) << "expired_signer";
    QTest::newRow("signed on the signer's last full day") << QDate(2029, 12, 31) << "valid";
    QTest::newRow("signed on the signer's first day") << QDate(2024, 1, 1) << "valid";
}

void TestVdsVerifier::expiredSigner()
{
    QFETCH(QDate, signatureDate);
    QFETCH(QString, state);
    TestVisa visa = Test::specimenVisa();
    visa.signatureDate = signatureDate;
    const auto bytes = Test::writeVisaSeal(visa, *m_authority);
    QVERIFY(bytes.has_value());
    QCOMPARE(signatureStateToString(stateOf(*bytes, m_authority->trustStore())), state);
}

void TestVdsVerifier::notSigned()
{
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority, false);
    QVERIFY(bytes.has_value());
    QCOMPARE(stateOf(*bytes, m_authority->trustStore()), SignatureState::NotSigned);
}

void TestVdsVerifier::visaOnlyFromVerifiedSeal()
{
    const VdsTrustStore store = m_authority->trustStore();
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QVERIFY(bytes.has_value());
    const auto visa = visaFromSeal(*parseSeal(*bytes), store);
    QVERIFY2(visa.has_value(), qPrintable(visa ? QString() : visa.error().message));
    QCOMPARE(visa->validFrom, QDate(2026, 3, 1));
    QCOMPARE(visa->validUntil, QDate(2027, 3, 1));
    QCOMPARE(visa->days, 30);
    QCOMPARE(visa->entries, 1);
    QCOMPARE(visa->number, QStringLiteral("UV1234567"));
    QCOMPARE(visa->source, QStringLiteral("seal"));

    TestVisa long_ = Test::specimenVisa();
    long_.durationOfStay = std::array<int, 3>{5, 2, 1};
    const auto longSeal = Test::writeVisaSeal(long_, *m_authority);
    QCOMPARE(visaFromSeal(*parseSeal(*longSeal), store)->days, 5 + 60 + 365);

    // Tampered, unsigned, unknown signer, expired signer: never a visa.
    QByteArray tampered = *bytes;
    tampered[20] = static_cast<char>(tampered[20] ^ 0x10);
    const auto unsignedBytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority, false);
    TestVisa late = Test::specimenVisa();
    late.signatureDate = QDate(2031, 1, 1);
    const auto expired = Test::writeVisaSeal(late, *m_authority);
    for (const auto &[name, seal, trust] : {std::tuple{"tampered", tampered, store}, std::tuple{"not signed", *unsignedBytes, store},
                                            std::tuple{"unknown signer", *bytes, VdsTrustStore()},
                                            std::tuple{"expired signer", *expired, store}}) {
        const auto parsed = parseSeal(seal);
        QVERIFY(parsed.has_value());
        const auto v = visaFromSeal(*parsed, trust);
        QVERIFY2(!v.has_value(), name);
        QCOMPARE(v.error().code, QStringLiteral("VDS_SIGNATURE_NOT_VALID"));
    }
}

void TestVdsVerifier::trustStoreFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(m_authority->writeTrustStore(dir.path()).has_value());
    const auto store = VdsTrustStore::load(dir.path());
    QVERIFY2(store.has_value(), qPrintable(store ? QString() : store.error().message));
    QCOMPARE(store->roots().size(), 1);
    QCOMPARE(store->signers().size(), 1);
    QVERIFY(store->findSigner(u"UTTS", u"01A2").has_value()); // leading zeros ignored
    QVERIFY(store->findSigner(u"utts", u"1a2").has_value());  // case ignored
    QVERIFY(!store->findSigner(u"UTTX", u"1A2").has_value());
    const auto bytes = Test::writeVisaSeal(Test::specimenVisa(), *m_authority);
    QCOMPARE(stateOf(*bytes, *store), SignatureState::Valid);

    QFile broken(dir.filePath(QStringLiteral("signers/broken.pem")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
    broken.close();
    const auto bad = VdsTrustStore::load(dir.path());
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().code, QStringLiteral("TRUST_STORE_UNREADABLE"));
    QVERIFY(bad.error().message.contains(QStringLiteral("broken.pem")));
    QCOMPARE(VdsTrustStore::load(dir.filePath(QStringLiteral("missing"))).error().code, QStringLiteral("TRUST_STORE_UNREADABLE"));
}

void TestVdsVerifier::ecdsaForms()
{
    // ICAO 9303-13 Annex B: r||s <-> DER SEQUENCE { r INTEGER, s INTEGER }.
    QByteArray rs(64, '\0');
    rs[0] = '\x80'; // high bit: DER needs a leading 0x00
    rs[63] = '\x01';
    const auto der = Crypto::ecdsaRawToDer(rs);
    QVERIFY(der.has_value());
    QCOMPARE(der->left(4), QByteArray::fromHex("30260221")); // r takes 33 bytes with the 0x00
    const auto back = Crypto::ecdsaDerToRaw(*der, 32);
    QVERIFY(back.has_value());
    QCOMPARE(*back, rs);
    QCOMPARE(Crypto::ecdsaRawToDer(QByteArray(63, '\x01')).error().code, QStringLiteral("ECDSA_SIGNATURE_MALFORMED"));
    QCOMPARE(Crypto::ecdsaRawToDer(QByteArray()).error().code, QStringLiteral("ECDSA_SIGNATURE_MALFORMED"));
    QVERIFY(!Crypto::ecdsaDerToRaw(*der, 16).has_value()); // r does not fit 16 bytes
    QVERIFY(!Crypto::ecdsaDerToRaw(QByteArray("junk"), 32).has_value());
    QCOMPARE(Crypto::ecdsaHashNameForOrderBits(224), QStringLiteral("SHA224"));
    QCOMPARE(Crypto::ecdsaHashNameForOrderBits(256), QStringLiteral("SHA256"));
    QCOMPARE(Crypto::ecdsaHashNameForOrderBits(384), QStringLiteral("SHA384"));
    QCOMPARE(Crypto::ecdsaHashNameForOrderBits(521), QStringLiteral("SHA512"));
    // A signature of the wrong length is "does not verify", not an error.
    const auto ok = Crypto::verifyEcdsaRaw(m_authority->signer(), "message", QByteArray(62, '\x01'));
    QVERIFY(ok.has_value());
    QVERIFY(!*ok);
}

void TestVdsVerifier::json()
{
    TestVisa visa = Test::specimenVisa();
    visa.extraFeatures = {{0x42, QByteArray("x")}};
    const auto bytes = Test::writeVisaSeal(visa, *m_authority);
    const VdsTrustStore store = m_authority->trustStore();
    const QJsonObject o = sealToJson(*bytes, &store);
    QCOMPARE(o.value(QStringLiteral("decoded")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("header")).toObject().value(QStringLiteral("signer_id")).toString(), QStringLiteral("UTTS"));
    QCOMPARE(o.value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("valid"));
    QCOMPARE(o.value(QStringLiteral("signature")).toObject().value(QStringLiteral("signer")).toString(), QStringLiteral("UTTS/1A2"));
    const QJsonObject message = o.value(QStringLiteral("message")).toObject();
    QCOMPARE(message.value(QStringLiteral("mrz")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("MRV-B"));
    QCOMPARE(message.value(QStringLiteral("duration_of_stay")).toObject().value(QStringLiteral("days")).toInt(), 30);
    QCOMPARE(message.value(QStringLiteral("passport_number")).toString(), QStringLiteral("UT0000001"));
    QCOMPARE(message.value(QStringLiteral("unknown_tags")).toArray().first().toInt(), 0x42);
    const QJsonObject bad = sealToJson(bytes->left(30), &store);
    QCOMPARE(bad.value(QStringLiteral("decoded")).toBool(), false);
    QCOMPARE(bad.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("VDS_TRUNCATED"));
    QCOMPARE(sealToJson(*bytes, nullptr).value(QStringLiteral("signature")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("unknown_signer"));
}

QTEST_GUILESS_MAIN(TestVdsVerifier)
#include "tst_vdsverifier.moc"
