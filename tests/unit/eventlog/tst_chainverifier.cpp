// Chain verification and the tamper cases: an event edited, deleted,
// reordered or replayed is found, and the first broken link is named.
#include "eventfixture.h"
#include "sync/eventlog/chainverifier.h"
#include "sync/eventlog/eventsigner.h"

#include <QTest>

using namespace Kiosk::EventLog;
using Kiosk::Crypto::Ed25519PrivateKey;

namespace {
struct Stored
{
    QByteArray bytes;
    QByteArray signature;
};

std::vector<Stored> makeChain(const EventSigner &signer, int count)
{
    std::vector<Stored> out;
    for (const SignedEvent &e : Test::signChain(signer, count))
        out.push_back({e.bytes, e.signature});
    return out;
}
} // namespace

class TstChainVerifier : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void intactChainVerifies();
    void formatVersionsVerify_data();
    void formatVersionsVerify();
    void tamper_data();
    void tamper();
    void staysBrokenAfterFirstBreak();

private:
    std::optional<EventSigner> m_signer;
    std::optional<Kiosk::Crypto::Ed25519PublicKey> m_public;
};

void TstChainVerifier::initTestCase()
{
    auto key = Ed25519PrivateKey::generate();
    QVERIFY(key);
    m_public = key->publicKey();
    m_signer.emplace(std::move(*key));
}

void TstChainVerifier::intactChainVerifies()
{
    const auto chain = makeChain(*m_signer, 20);
    ChainVerifier v(*m_public, QStringLiteral("KIOSK-GYD-01"));
    for (const Stored &s : chain)
        QVERIFY(v.add(s.bytes, s.signature));
    QVERIFY(!v.firstBreak());
    QCOMPARE(v.verifiedCount(), 20);
}

void TstChainVerifier::formatVersionsVerify_data()
{
    QTest::addColumn<int>("v1Count");
    QTest::addColumn<int>("v2Count");
    QTest::newRow("v1 only: a chain stored before the upgrade") << 9 << 0;
    QTest::newRow("v2 only: a kiosk installed after it") << 0 << 9;
    QTest::newRow("v1 then v2: an upgraded kiosk") << 5 << 7;
}

void TstChainVerifier::formatVersionsVerify()
{
    QFETCH(int, v1Count);
    QFETCH(int, v2Count);
    const auto chain = Test::signMixedChain(*m_signer, v1Count, v2Count);
    ChainVerifier v(*m_public, QStringLiteral("KIOSK-GYD-01"));
    for (const SignedEvent &s : chain) {
        const auto verified = v.add(s.bytes, s.signature);
        QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
        QCOMPARE(verified->event.formatVersion, s.event.formatVersion);
        if (verified->event.kind == QLatin1String("override"))
            QVERIFY(!overrideReasonOf(verified->event).isEmpty());
    }
    QVERIFY(!v.firstBreak());
    QCOMPARE(v.verifiedCount(), v1Count + v2Count);
}

void TstChainVerifier::tamper_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("brokenSequence");
    QTest::newRow("edit: verdict flipped in stored bytes") << "edit" << "EVENT_SIGNATURE_INVALID" << qint64(5);
    QTest::newRow("edit: re-signed with another key") << "resign-other" << "EVENT_SIGNATURE_INVALID" << qint64(5);
    QTest::newRow("delete: event 5 removed") << "delete" << "EVENT_SEQUENCE_GAP" << qint64(6);
    QTest::newRow("reorder: events 5 and 6 swapped") << "reorder" << "EVENT_SEQUENCE_GAP" << qint64(6);
    QTest::newRow("replay: event 4 inserted again") << "replay" << "EVENT_SEQUENCE_OUT_OF_ORDER" << qint64(4);
    QTest::newRow("forged link: right key, wrong prevHash") << "relink" << "EVENT_CHAIN_BROKEN" << qint64(5);
    QTest::newRow("other kiosk's event spliced in") << "wrong-kiosk" << "EVENT_WRONG_KIOSK" << qint64(5);
    QTest::newRow("signature truncated") << "short-signature" << "EVENT_SIGNATURE_INVALID" << qint64(5);
}

void TstChainVerifier::tamper()
{
    QFETCH(QString, attack);
    QFETCH(QString, code);
    QFETCH(qint64, brokenSequence);
    auto chain = makeChain(*m_signer, 10);
    Stored &five = chain[4];
    if (attack == QLatin1String("edit")) {
        five.bytes.replace(R"("verdict":"ADMIT")", R"("verdict":"REFUSE")");
    } else if (attack == QLatin1String("resign-other")) {
        auto other = Ed25519PrivateKey::generate();
        QVERIFY(other);
        five.bytes.replace(R"("officer":"OFF-0042")", R"("officer":"OFF-0666")");
        five.signature = *other->sign(five.bytes);
    } else if (attack == QLatin1String("delete")) {
        chain.erase(chain.begin() + 4);
    } else if (attack == QLatin1String("reorder")) {
        std::swap(chain[4], chain[5]);
    } else if (attack == QLatin1String("replay")) {
        chain.insert(chain.begin() + 4, chain[3]);
    } else if (attack == QLatin1String("relink")) {
        // The kiosk key itself (stolen) writes a different event 5 that does not chain to 4.
        auto forged = m_signer->sign(Test::draftEvent(4), 4, QByteArray(32, '\x01'));
        QVERIFY(forged);
        five = {forged->bytes, forged->signature};
    } else if (attack == QLatin1String("wrong-kiosk")) {
        Event e = Test::draftEvent(4);
        e.kioskId = QStringLiteral("KIOSK-KRM-07");
        auto forged = m_signer->sign(e, 4, ChainVerifier(*m_public, {}).headHash());
        QVERIFY(forged);
        five = {forged->bytes, forged->signature};
    } else if (attack == QLatin1String("short-signature")) {
        five.signature.chop(1);
    }
    ChainVerifier v(*m_public, QStringLiteral("KIOSK-GYD-01"));
    bool failed = false;
    for (const Stored &s : chain) {
        if (!v.add(s.bytes, s.signature)) {
            failed = true;
            break;
        }
    }
    QVERIFY(failed);
    QVERIFY(v.firstBreak());
    QCOMPARE(v.firstBreak()->error.code, code);
    QCOMPARE(v.firstBreak()->sequence, brokenSequence);
}

void TstChainVerifier::staysBrokenAfterFirstBreak()
{
    auto chain = makeChain(*m_signer, 4);
    chain[1].signature[0] = static_cast<char>(chain[1].signature[0] ^ 1);
    ChainVerifier v(*m_public, QStringLiteral("KIOSK-GYD-01"));
    QVERIFY(v.add(chain[0].bytes, chain[0].signature));
    QVERIFY(!v.add(chain[1].bytes, chain[1].signature));
    QVERIFY(!v.add(chain[2].bytes, chain[2].signature));
    QCOMPARE(v.firstBreak()->sequence, 2);
    QCOMPARE(v.firstBreak()->position, 1);
}

QTEST_GUILESS_MAIN(TstChainVerifier)
#include "tst_chainverifier.moc"
