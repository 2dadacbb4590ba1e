#include "eventfixture.h"
#include "sync/eventlog/event.h"
#include "sync/eventlog/eventsigner.h"

#include <QFile>
#include <QTest>

using namespace Kiosk::EventLog;

class TstEvent : public QObject
{
    Q_OBJECT
private slots:
    void canonicalFormIsSortedCompactJson_data();
    void canonicalFormIsSortedCompactJson();
    void roundTripsThroughParse();
    void roundTripKeepsFormatVersion_data();
    void roundTripKeepsFormatVersion();
    void offsetIsKept();
    void invalidFieldsNamed_data();
    void invalidFieldsNamed();
    void nonCanonicalRefused_data();
    void nonCanonicalRefused();
    void signerChainsAndSigns();
    void fuzzSeedsAreCanonical_data();
    void fuzzSeedsAreCanonical();
};

static Event sealed(Event e)
{
    e.id = QStringLiteral("6f1c2b1e-0a53-4c41-9a55-6f0c1c6f2a10");
    e.sequence = 1;
    e.prevHash = genesisHash();
    return e;
}

void TstEvent::canonicalFormIsSortedCompactJson_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<QByteArray>("between"); // what follows "officer":"OFF-0042",
    QTest::addColumn<QByteArray>("v");
    // Pinned: a change here changes every signature ever made, so it must be deliberate.
    QTest::newRow("format 1: the bytes every stored v1 signature covers") << 1 << QByteArray() << QByteArray("1");
    QTest::newRow("format 2: overrideReason sorted after officer, always present")
        << 2 << QByteArray(R"("overrideReason":"",)") << QByteArray("2");
}

void TstEvent::canonicalFormIsSortedCompactJson()
{
    QFETCH(int, version);
    QFETCH(QByteArray, between);
    QFETCH(QByteArray, v);
    Event e = sealed(Test::draftEvent());
    e.formatVersion = version;
    const auto bytes = canonicalBytes(e);
    QVERIFY(bytes);
    QCOMPARE(*bytes, QByteArray(
        R"({"checkpoint":"GYD","direction":"entry","document":{"birthDate":"1974-08-12","birthDateRaw":"740812","code":"P","givenNames":"ANNA MARIA",)"
        R"("issuingState":"UTO","nationality":"UTO","number":"L898902C3","sex":"F","surname":"ERIKSSON"},)"
        R"("id":"6f1c2b1e-0a53-4c41-9a55-6f0c1c6f2a10","kind":"crossing","kioskId":"KIOSK-GYD-01","officer":"OFF-0042",)"
        + between +
        R"("policyVersion":"2026.1","prevHash":"0000000000000000000000000000000000000000000000000000000000000000",)"
        R"("reasons":["VISA_FREE"],"recordedAt":"2026-11-29T09:15:00+04:00","sequence":1,"v":)" + v + R"(,"verdict":"ADMIT"})"));
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

void TstEvent::roundTripKeepsFormatVersion_data()
{
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("isOverride");
    QTest::newRow("v1 crossing: a stored event re-encodes to its own v1 bytes") << 1 << false;
    QTest::newRow("v1 override: OVERRIDE_REASON: in reasons stays valid") << 1 << true;
    QTest::newRow("v2 crossing: empty overrideReason") << 2 << false;
    QTest::newRow("v2 override: the typed reason (quotes escaped) in its own field") << 2 << true;
}

void TstEvent::roundTripKeepsFormatVersion()
{
    QFETCH(int, version);
    QFETCH(bool, isOverride);
    Event e = sealed(isOverride ? Test::overrideDraft(0, version) : Test::draftEvent());
    e.formatVersion = version;
    const auto bytes = canonicalBytes(e);
    QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().message));
    QVERIFY(bytes->contains(QByteArray(R"("v":)") + QByteArray::number(version)));
    QCOMPARE(bytes->contains(R"("overrideReason":)"), version == 2);
    const auto parsed = parseEvent(*bytes);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->formatVersion, version);
    QCOMPARE(parsed->reasons, e.reasons);
    QCOMPARE(parsed->overrideReason, e.overrideReason);
    QCOMPARE(overrideReasonOf(*parsed), isOverride ? QStringLiteral("Fine paid at the desk, receipt \"A-17\"") : QString());
    // Byte-exact: what was signed is what re-encoding gives (the canonical check of stored events).
    const auto again = canonicalBytes(*parsed);
    QVERIFY(again);
    QCOMPARE(*again, *bytes);
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
    QTest::newRow("v2: free text in the reason codes") << 5 << "reasons";
    QTest::newRow("v2: override without its typed reason") << 6 << "overrideReason";
    QTest::newRow("v2: a reason without OFFICER_OVERRIDE") << 7 << "overrideReason";
    QTest::newRow("v2: kind override without OFFICER_OVERRIDE") << 8 << "reasons";
    QTest::newRow("v1: has no overrideReason field") << 9 << "overrideReason";
    QTest::newRow("format version 3 is unknown") << 10 << "'v'";
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
    case 4: e.kioskId.clear(); break;
    case 5: e = sealed(Test::overrideDraft(0, 2)); e.reasons << QStringLiteral("OVERRIDE_REASON:paid"); break;
    case 6: e = sealed(Test::overrideDraft(0, 2)); e.overrideReason.clear(); break;
    case 7: e.overrideReason = QStringLiteral("paid"); break;
    case 8: e = sealed(Test::overrideDraft(0, 2)); e.reasons.removeAll(QStringLiteral("OFFICER_OVERRIDE")); e.overrideReason.clear(); break;
    case 9: e = sealed(Test::overrideDraft(0, 2)); e.formatVersion = 1; break;
    default: e.formatVersion = 3; break;
    }
    const auto bytes = canonicalBytes(e);
    QVERIFY(!bytes);
    QCOMPARE(bytes.error().code, QStringLiteral("EVENT_INVALID"));
    QVERIFY2(bytes.error().message.contains(field), qPrintable(bytes.error().message));
}

void TstEvent::nonCanonicalRefused_data()
{
    QTest::addColumn<int>("base"); // 0: v2 crossing, 1: v1 crossing, 2: v2 override
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field"); // named in the message, when set
    QTest::newRow("whitespace added") << 0 << QByteArray(R"("kind":"crossing")") << QByteArray(R"("kind": "crossing")") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("upper-case hex") << 0 << QByteArray(R"("prevHash":"00)") << QByteArray(R"("prevHash":"0A)") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("extra key") << 0 << QByteArray(R"("v":2,)") << QByteArray(R"("v":2,"x":"y",)") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("sequence as string") << 0 << QByteArray(R"("sequence":1)") << QByteArray(R"("sequence":"1")") << "EVENT_MALFORMED" << "";
    QTest::newRow("format version 3") << 0 << QByteArray(R"("v":2)") << QByteArray(R"("v":3)") << "EVENT_MALFORMED" << "";
    QTest::newRow("truncated") << 0 << QByteArray(R"("verdict":"ADMIT"})") << QByteArray(R"("verdict":"ADM)") << "EVENT_MALFORMED" << "";
    QTest::newRow("key missing") << 0 << QByteArray(R"("officer":"OFF-0042",)") << QByteArray() << "EVENT_MALFORMED" << "";
    QTest::newRow("v2 without its overrideReason key") << 0 << QByteArray(R"("overrideReason":"",)") << QByteArray() << "EVENT_MALFORMED" << "overrideReason";
    QTest::newRow("v2 overrideReason not a string") << 0 << QByteArray(R"("overrideReason":"")") << QByteArray(R"("overrideReason":0)") << "EVENT_MALFORMED" << "overrideReason";
    QTest::newRow("v2 bytes relabelled v1: overrideReason is an extra key") << 0 << QByteArray(R"("v":2)") << QByteArray(R"("v":1)") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("v1 bytes relabelled v2: overrideReason missing") << 1 << QByteArray(R"("v":1)") << QByteArray(R"("v":2)") << "EVENT_MALFORMED" << "overrideReason";
    QTest::newRow("v2 whitespace inside the object, not the reason") << 2 << QByteArray(R"(,"policyVersion")") << QByteArray(R"(, "policyVersion")") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("v2 reason escaped differently") << 2 << QByteArray(R"(\"A-17\")") << QByteArray(R"(\u0022A-17\u0022)") << "EVENT_NOT_CANONICAL" << "";
    QTest::newRow("v2 free text smuggled into reasons") << 2 << QByteArray(R"("OFFICER_OVERRIDE"])") << QByteArray(R"("OFFICER_OVERRIDE","OVERRIDE_REASON:paid"])") << "EVENT_MALFORMED" << "reasons";
}

void TstEvent::nonCanonicalRefused()
{
    QFETCH(int, base);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, code);
    QFETCH(QString, field);
    Event e = sealed(base == 2 ? Test::overrideDraft(0, 2) : Test::draftEvent());
    e.formatVersion = base == 1 ? 1 : 2;
    QByteArray bytes = *canonicalBytes(e);
    QVERIFY(bytes.contains(from));
    bytes.replace(from, to);
    const auto parsed = parseEvent(bytes);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, code);
    if (!field.isEmpty())
        QVERIFY2(parsed.error().message.contains(field), qPrintable(parsed.error().message));
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

void TstEvent::fuzzSeedsAreCanonical_data()
{
    // The fuzz target's seeds must be accepted events, or libFuzzer starts from nothing useful.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("version");
    QTest::newRow("v1 crossing") << "canonical.json" << 1;
    QTest::newRow("v1 override: reason in the reason list") << "override_v1.json" << 1;
    QTest::newRow("v2 crossing") << "canonical_v2.json" << 2;
    QTest::newRow("v2 override: non-ASCII and quotes in overrideReason") << "override_v2.json" << 2;
}

void TstEvent::fuzzSeedsAreCanonical()
{
    QFETCH(QString, file);
    QFETCH(int, version);
    QFile f(QStringLiteral(KIOSK_SOURCE_DIR "/tests/fuzz/corpus/fuzz_event/") + file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const auto parsed = parseEvent(f.readAll());
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->formatVersion, version);
}

QTEST_GUILESS_MAIN(TstEvent)
#include "tst_event.moc"
