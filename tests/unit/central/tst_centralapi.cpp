// The JSON API mapping (CentralApi) without a socket: status codes, per-event answers,
// bad requests named, feed cursor, kiosk registry.
#include "centraltestdb.h"
#include "sync/central/centralapi.h"
#include "tests/unit/eventlog/eventfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Central;
using namespace Kiosk::EventLog;
namespace Fixture = Kiosk::EventLog::Test;
namespace Scratch = Kiosk::Central::Test;

namespace {
QJsonObject body(const ApiResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QByteArray batch(const std::vector<SignedEvent> &events)
{
    QJsonArray list;
    for (const SignedEvent &e : events)
        list.append(QJsonObject{{QStringLiteral("bytes"), QString::fromLatin1(e.bytes.toBase64())},
                                {QStringLiteral("signature"), QString::fromLatin1(e.signature.toBase64())}});
    return QJsonDocument(QJsonObject{{QStringLiteral("events"), list}}).toJson(QJsonDocument::Compact);
}
} // namespace

class TstCentralApi : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void health();
    void pushAnswersPerEvent();
    void badRequests_data();
    void badRequests();
    void feedAndRegistry();

private:
    std::unique_ptr<Scratch::ScratchDatabase> m_scratch;
    std::optional<CentralDatabase> m_db;
    std::optional<CentralService> m_service;
    std::optional<CentralApi> m_api;
    std::optional<EventSigner> m_signer;
};

void TstCentralApi::init()
{
    m_scratch = std::make_unique<Scratch::ScratchDatabase>(QStringLiteral("sqlite"));
    auto db = CentralDatabase::open(m_scratch->url());
    QVERIFY(db);
    m_db.emplace(std::move(*db));
    m_service.emplace(*m_db);
    m_api.emplace(*m_service);
    auto key = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), key->publicKey().raw(), false}));
    m_signer.emplace(std::move(*key));
}

void TstCentralApi::cleanup()
{
    m_api.reset();
    m_service.reset();
    m_db.reset();
    m_scratch.reset();
}

void TstCentralApi::health()
{
    const ApiResponse r = m_api->handle("GET", QStringLiteral("/v1/health"), {}, {});
    QCOMPARE(r.status, 200);
    QCOMPARE(body(r).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TstCentralApi::pushAnswersPerEvent()
{
    auto chain = Fixture::signChain(*m_signer, 3);
    chain[1].bytes.replace(R"("officer":"OFF-0042")", R"("officer":"OFF-0043")"); // tampered in transit
    const ApiResponse r = m_api->handle("POST", QStringLiteral("/v1/events"), {}, batch(chain));
    QCOMPARE(r.status, 200);
    const QJsonArray results = body(r).value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    QCOMPARE(results[0].toObject().value(QStringLiteral("id")).toString(), chain[0].event.id);
    QCOMPARE(results[1].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(results[1].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("BAD_SIGNATURE"));
    QCOMPARE(results[2].toObject().value(QStringLiteral("status")).toString(), QStringLiteral("stored"));
    QVERIFY(results[2].toObject().value(QStringLiteral("gap")).toBool());
}

void TstCentralApi::badRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("not json") << QByteArray("POST") << "/v1/events" << QByteArray("{nope") << 400 << "BAD_REQUEST";
    QTest::newRow("events not an array") << QByteArray("POST") << "/v1/events" << QByteArray(R"({"events":3})") << 400 << "BAD_REQUEST";
    QTest::newRow("signature not base64") << QByteArray("POST") << "/v1/events" << QByteArray(R"({"events":[{"bytes":"e30=","signature":"!!"}]})") << 400 << "BAD_REQUEST";
    QTest::newRow("unversioned path") << QByteArray("GET") << "/events" << QByteArray() << 404 << "NOT_FOUND";
    QTest::newRow("GET on the push path") << QByteArray("GET") << "/v1/events" << QByteArray() << 405 << "METHOD_NOT_ALLOWED";
    QTest::newRow("unknown reference kind") << QByteArray("GET") << "/v1/reference/watchlist" << QByteArray() << 404 << "CENTRAL_NOT_FOUND";
    QByteArray big = R"({"events":[)";
    for (int i = 0; i <= MaxBatch; ++i)
        big += QByteArray(i ? "," : "") + R"({"bytes":"e30=","signature":"e30="})";
    big += "]}";
    QTest::newRow("batch over the limit") << QByteArray("POST") << "/v1/events" << big << 413 << "BATCH_TOO_LARGE";
}

void TstCentralApi::badRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, payload);
    QFETCH(int, status);
    QFETCH(QString, code);
    const ApiResponse r = m_api->handle(method, path, {}, payload);
    QCOMPARE(r.status, status);
    QCOMPARE(body(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
}

void TstCentralApi::feedAndRegistry()
{
    const auto chain = Fixture::signChain(*m_signer, 5);
    QCOMPARE(m_api->handle("POST", QStringLiteral("/v1/events"), {}, batch(chain)).status, 200);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QStringLiteral("2"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    const QJsonObject feed = body(m_api->handle("GET", QStringLiteral("/v1/feed"), q, {}));
    const QJsonArray events = feed.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(QByteArray::fromBase64(events[0].toObject().value(QStringLiteral("bytes")).toString().toLatin1()), chain[2].bytes);
    QCOMPARE(feed.value(QStringLiteral("next")).toInteger(), 4);
    QUrlQuery bad;
    bad.addQueryItem(QStringLiteral("after"), QStringLiteral("x"));
    QCOMPARE(m_api->handle("GET", QStringLiteral("/v1/feed"), bad, {}).status, 400);
    const QJsonArray kiosks = body(m_api->handle("GET", QStringLiteral("/v1/kiosks"), {}, {})).value(QStringLiteral("kiosks")).toArray();
    QCOMPARE(kiosks.size(), 1);
    QCOMPARE(QByteArray::fromBase64(kiosks[0].toObject().value(QStringLiteral("publicKey")).toString().toLatin1()),
             m_signer->publicKey().raw());
}

QTEST_GUILESS_MAIN(TstCentralApi)
#include "tst_centralapi.moc"
