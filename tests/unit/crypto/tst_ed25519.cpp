#include "app/crypto/ed25519.h"
#include "app/crypto/sha256.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Crypto;

class TestEd25519 : public QObject
{
    Q_OBJECT
private slots:
    void rfc8032Vector1();
    void signVerifyRoundTrip();
    void tamperedMessageFails();
    void pemRoundTrip();
    void saveNewRefusesExistingAndIs0600();
    void sha256KnownAnswer();
};

// RFC 8032 §7.1, TEST 1: empty message.
void TestEd25519::rfc8032Vector1()
{
    const QByteArray pub = QByteArray::fromHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    const QByteArray sig = QByteArray::fromHex(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    auto key = Ed25519PublicKey::fromRaw(pub);
    QVERIFY(key.has_value());
    QVERIFY(key->verify(QByteArray(), sig));
    QVERIFY(!key->verify(QByteArray("x"), sig));
}

void TestEd25519::signVerifyRoundTrip()
{
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key.has_value());
    const QByteArray msg("crossing #1");
    auto sig = key->sign(msg);
    QVERIFY(sig.has_value());
    QCOMPARE(sig->size(), 64);
    QVERIFY(key->publicKey().verify(msg, *sig));
    QCOMPARE(key->publicKey().raw().size(), 32);
}

void TestEd25519::tamperedMessageFails()
{
    auto key = Ed25519PrivateKey::generate();
    const QByteArray msg("crossing #1");
    QByteArray sig = *key->sign(msg);
    QVERIFY(!key->publicKey().verify("crossing #2", sig));
    sig[5] = static_cast<char>(sig[5] ^ 1);
    QVERIFY(!key->publicKey().verify(msg, sig));
    QVERIFY(!key->publicKey().verify(msg, sig.left(63)));
}

void TestEd25519::pemRoundTrip()
{
    auto key = Ed25519PrivateKey::generate();
    auto again = Ed25519PrivateKey::fromPem(key->toPem());
    QVERIFY(again.has_value());
    QCOMPARE(again->publicKey().raw(), key->publicKey().raw());
    QVERIFY(key->toPem().startsWith("-----BEGIN PRIVATE KEY-----"));
    auto pub = Ed25519PublicKey::fromPem(key->publicKey().toPem());
    QVERIFY(pub.has_value());
    QCOMPARE(pub->raw(), key->publicKey().raw());
    auto bad = Ed25519PublicKey::fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    QVERIFY(!bad.has_value());
    QCOMPARE(bad.error().code, QStringLiteral("KEY_INVALID"));
}

void TestEd25519::saveNewRefusesExistingAndIs0600()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("kiosk.pem");
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key->saveNew(path).has_value());
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    auto second = key->saveNew(path);
    QVERIFY(!second.has_value());
    QCOMPARE(second.error().code, QStringLiteral("KEY_FILE_EXISTS"));
    auto loaded = Ed25519PrivateKey::fromFile(path);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->publicKey().raw(), key->publicKey().raw());
}

void TestEd25519::sha256KnownAnswer()
{
    // FIPS 180-2 appendix B.1: "abc".
    QCOMPARE(sha256("abc").toHex(), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
}

QTEST_GUILESS_MAIN(TestEd25519)
#include "tst_ed25519.moc"
