#include "app/crypto/passwordhash.h"

#include <QTest>

using namespace Kiosk::Crypto;

// Tests use a low iteration count: the cost is a parameter, and the default is checked once.
static constexpr PasswordHashParams kFast{.iterations = kTestPbkdf2Iterations, .saltBytes = 16};
static constexpr int kTestFloor = kTestPbkdf2Iterations;

class TestPasswordHash : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip();
    void wrongPinFails();
    void saltIsFresh();
    void defaultCostIsHigh();
    void knownAnswer();
    void malformed_data();
    void malformed();
    void emptySecretRefused();
    void deploymentFloor_data();
    void deploymentFloor();
};

void TestPasswordHash::roundTrip()
{
    auto h = hashPassword(u"4821", kFast);
    QVERIFY(h.has_value());
    QVERIFY(h->startsWith(QLatin1String("$pbkdf2-sha256$1000$")));
    auto ok = verifyPassword(u"4821", *h, kTestFloor);
    QVERIFY(ok.has_value());
    QVERIFY(*ok);
}

void TestPasswordHash::wrongPinFails()
{
    auto h = hashPassword(u"4821", kFast);
    QVERIFY(h.has_value());
    for (QStringView wrong : {u"4822", u"482", u"48210", u" 4821"}) {
        auto ok = verifyPassword(wrong, *h, kTestFloor);
        QVERIFY(ok.has_value());
        QVERIFY2(!*ok, qPrintable(wrong.toString()));
    }
    auto empty = verifyPassword(u"", *h, kTestFloor);
    QVERIFY(empty.has_value() && !*empty);
}

void TestPasswordHash::saltIsFresh()
{
    auto a = hashPassword(u"1234", kFast);
    auto b = hashPassword(u"1234", kFast);
    QVERIFY(a && b);
    QVERIFY(*a != *b); // same PIN, different salt: no rainbow tables, no equal-PIN detection
}

void TestPasswordHash::defaultCostIsHigh()
{
    QVERIFY(PasswordHashParams{}.iterations >= 600'000);
    // An encoded hash below the floor is refused, so nobody can downgrade the cost.
    auto weak = verifyPassword(u"1234", u"$pbkdf2-sha256$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    QVERIFY(!weak.has_value());
    QCOMPARE(weak.error().code, QStringLiteral("PASSWORD_PARAMS"));
}

// Known answer: P="password", S="saltsaltsaltsalt" (16 bytes), c=4096, dkLen=32, computed
// independently with Python's hashlib.pbkdf2_hmac('sha256', ...). A one-bit change in the
// stored key must turn the answer to false.
void TestPasswordHash::knownAnswer()
{
    const QByteArray salt("saltsaltsaltsalt");
    QByteArray key = QByteArray::fromHex("16e35b12b41f465ca64d069578d750059775ccad5df3ad53d6b204acb122d1ee");
    const auto encode = [&](const QByteArray &k) {
        return QStringLiteral("$pbkdf2-sha256$4096$%1$%2")
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(k.toBase64()));
    };
    auto ok = verifyPassword(u"password", encode(key), kTestFloor);
    QVERIFY(ok.has_value());
    QVERIFY(*ok);
    key[31] = static_cast<char>(key[31] ^ 0x01);
    auto flipped = verifyPassword(u"password", encode(key), kTestFloor);
    QVERIFY(flipped.has_value());
    QVERIFY(!*flipped);
}

void TestPasswordHash::malformed_data()
{
    QTest::addColumn<QString>("encoded");
    QTest::addColumn<QString>("code");
    QTest::newRow("empty") << QString() << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("plain text PIN stored by mistake") << "1234" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("unknown scheme") << "$md5$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("iterations not a number") << "$pbkdf2-sha256$lots$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("salt too short") << "$pbkdf2-sha256$1000$AAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("key truncated") << "$pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("key not base64") << "$pbkdf2-sha256$1000$AAAAAAAAAAAAAAAAAAAAAA==$!!!!" << "PASSWORD_HASH_MALFORMED";
    QTest::newRow("cost too high: denial of service") << "$pbkdf2-sha256$2000000000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" << "PASSWORD_PARAMS";
}

void TestPasswordHash::malformed()
{
    QFETCH(QString, encoded);
    QFETCH(QString, code);
    auto r = verifyPassword(u"1234", encoded, kTestFloor);
    QVERIFY(!r.has_value());
    QCOMPARE(r.error().code, code);
}

void TestPasswordHash::emptySecretRefused()
{
    auto h = hashPassword(u"", kFast);
    QVERIFY(!h.has_value());
    QCOMPARE(h.error().code, QStringLiteral("PASSWORD_EMPTY"));
    auto low = hashPassword(u"1234", {.iterations = 10, .saltBytes = 16});
    QVERIFY(!low.has_value());
    QCOMPARE(low.error().code, QStringLiteral("PASSWORD_PARAMS"));
}


// Outside tests, a hash under 600,000 iterations is refused, whoever wrote it,
// and a caller cannot ask for a floor under the test minimum either.
void TestPasswordHash::deploymentFloor_data()
{
    QTest::addColumn<int>("iterations");
    QTest::addColumn<int>("floor");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("a test-cost hash under the deployment floor") << kTestPbkdf2Iterations << kMinimumPbkdf2Iterations << false;
    QTest::newRow("one iteration short of the floor") << kMinimumPbkdf2Iterations - 1 << kMinimumPbkdf2Iterations << false;
    QTest::newRow("exactly the floor") << kMinimumPbkdf2Iterations << kMinimumPbkdf2Iterations << true;
    QTest::newRow("a floor of 1 asked for is raised to the test minimum") << 999 << 1 << false;
}

void TestPasswordHash::deploymentFloor()
{
    QFETCH(int, iterations);
    QFETCH(int, floor);
    QFETCH(bool, accepted);
    // The hash is made with a KNOWN salt and key shape; only the iteration count matters here,
    // so a 999-iteration string is written by hand (hashPassword refuses to make one).
    QString encoded;
    if (iterations >= kTestPbkdf2Iterations) {
        auto h = hashPassword(u"482193", {.iterations = iterations, .saltBytes = 16});
        QVERIFY(h.has_value());
        encoded = *h;
    } else {
        encoded = QStringLiteral("$pbkdf2-sha256$%1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=").arg(iterations);
    }
    auto r = floor == kMinimumPbkdf2Iterations ? verifyPassword(u"482193", encoded) : verifyPassword(u"482193", encoded, floor);
    QCOMPARE(r.has_value(), accepted);
    if (accepted)
        QVERIFY(*r);
    else
        QCOMPARE(r.error().code, QStringLiteral("PASSWORD_PARAMS"));
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_passwordhash.moc"
