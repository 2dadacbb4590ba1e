#include "eventfixture.h"
#include "sync/eventlog/event.h"
#include "sync/eventlog/eventsigner.h"

#include <QTest>

using namespace Kiosk::EventLog;

class TstEvent : public QObject
{
    Q_OBJECT
private slots:
    void canonicalFormIsSortedCompactJson();
    void roundTripsThroughParse();
    void offsetIsKept();
    void invalidFieldsNamed_data();
    void invalidFieldsNamed();
    void nonCanonicalRefused_data();
    void nonCanonicalRefused();
    void signerChainsAndSigns();
};

static Event sealed(Event e)
{
    e.id = QStringLiteral("6f1c2b1e-0a53-4c41-9a55-6f0c1c6f2a10");
    e.sequence = 1;
    e.prevHash = genesisHash();
    return e;
}

void TstEvent::canonicalFormIsSortedCompactJson()
{
    const auto bytes = canonicalBytes(sealed(Test::draftEvent()));
    QVERIFY(bytes);
    // Pinned: a change here changes every signature ever made, so it must be deliberate.
    QCOMPARE(*bytes, QByteArray(
        R"({"checkpoint":"GYD","direction":"entry","document":{"birthDate":"1974-08-12","birthDateRaw":"740812","code":"P","givenNames":"ANNA MARIA",)"
        R"("issuingState":"UTO","nationality":"UTO","number":"L898902C3","sex":"F","surname":"ERIKSSON"},)"
        R"("id":"6f1c2b1e-0a53-4c41-9a55-6f0c1c6f2a10","kind":"crossing","kioskId":"KIOSK-GYD-01","officer":"OFF-0042",)"
        R"("policyVersion":"2026.1","prevHash":"0000000000000000000000000000000000000000000000000000000000000000",)"
        R"("reasons":["VISA_FREE"],"recordedAt":"2026-11-29T09:15:00+04:00","sequence":1,"v":1,"verdict":"ADMIT"})"));
}

void TstEvent::roundTripsThroughParse()
{
    const Event e = sealed(Test::draftEvent(3));
    const auto bytes = canonicalBytes(e);
    QVERIFY(bytes);
    const auto parsed = parseEvent(*bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->document, e.document);
    QCOMPARE(parsed->sequence, 1);
    QCOMPARE(parsed->direction, Kiosk::Direction::Exit);
    QCOMPARE(parsed->recordedAt.offsetFromUtc(), 4 * 3600);
    QCOMPARE(parsed->recordedAt.toSecsSinceEpoch(), e.recordedAt.toSecsSinceEpoch());
}

void TstEvent::offsetIsKept()
{
    Event e = sealed(Test::draftEvent());
    e.recordedAt = QDateTime(QDate(2026, 3, 1), QTime(23, 30), QTimeZone::utc());
    const auto bytes = canonicalBytes(e);
    QVERIFY(bytes);
    QVERIFY(bytes->contains(R"("recordedAt":"2026-03-01T23:30:00+00:00")"));
    QVERIFY(parseEvent(*bytes)); // and it is its own canonical form
}

void TstEvent::invalidFieldsNamed_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("field");
    QTest::newRow("id not a uuid") << 0 << "id";
    QTest::newRow("sequence zero") << 1 << "sequence";
    QTest::newRow("prevHash short") << 2 << "prevHash";
    QTest::newRow("verdict unknown") << 3 << "verdict";
    QTest::newRow("kiosk id empty") << 4 << "kioskId";
}

void TstEvent::invalidFieldsNamed()
{
    QFETCH(int, which);
    QFETCH(QString, field);
    Event e = sealed(Test::draftEvent());
    switch (which) {
    case 0: e.id = QStringLiteral("nope"); break;
    case 1: e.sequence = 0; break;
    case 2: e.prevHash = QByteArray(31, 'x'); break;
    case 3: e.verdict = QStringLiteral("MAYBE"); break;
    default: e.kioskId.clear(); break;
    }
    const auto bytes = canonicalBytes(e);
    QVERIFY(!bytes);
    QCOMPARE(bytes.error().code, QStringLiteral("EVENT_INVALID"));
    QVERIFY2(bytes.error().message.contains(field), qPrintable(bytes.error().message));
}

void TstEvent::nonCanonicalRefused_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("code");
    QTest::newRow("whitespace added") << QByteArray(R"("kind":"crossing")") << QByteArray(R"("kind": "crossing")") << "EVENT_NOT_CANONICAL";
    QTest::newRow("upper-case hex") << QByteArray(R"("prevHash":"00)") << QByteArray(R"("prevHash":"0A)") << "EVENT_NOT_CANONICAL";
    QTest::newRow("extra key") << QByteArray(R"("v":1,)") << QByteArray(R"("v":1,"x":"y",)") << "EVENT_NOT_CANONICAL";
    QTest::newRow("sequence as string") << QByteArray(R"("sequence":1)") << QByteArray(R"("sequence":"1")") << "EVENT_MALFORMED";
    QTest::newRow("format version 2") << QByteArray(R"("v":1)") << QByteArray(R"("v":2)") << "EVENT_MALFORMED";
    QTest::newRow("truncated") << QByteArray(R"("verdict":"ADMIT"})") << QByteArray(R"("verdict":"ADM)") << "EVENT_MALFORMED";
    QTest::newRow("key missing") << QByteArray(R"("officer":"OFF-0042",)") << QByteArray() << "EVENT_MALFORMED";
}

void TstEvent::nonCanonicalRefused()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, code);
    QByteArray bytes = *canonicalBytes(sealed(Test::draftEvent()));
    QVERIFY(bytes.contains(from));
    bytes.replace(from, to);
    const auto parsed = parseEvent(bytes);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, code);
}

void TstEvent::signerChainsAndSigns()
{
    auto key = Kiosk::Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    const auto pub = key->publicKey();
    const EventSigner signer(std::move(*key));
    const auto first = signer.sign(Test::draftEvent(0), 0, {});
    QVERIFY(first);
    QCOMPARE(first->event.sequence, 1);
    QCOMPARE(first->event.prevHash, genesisHash());
    QVERIFY(pub.verify(first->bytes, first->signature));
    const auto second = signer.sign(Test::draftEvent(1), 1, first->hash());
    QVERIFY(second);
    QCOMPARE(second->event.sequence, 2);
    QCOMPARE(second->event.prevHash, first->hash());
    QVERIFY(second->event.id != first->event.id);
}

QTEST_GUILESS_MAIN(TstEvent)
#include "tst_event.moc"
