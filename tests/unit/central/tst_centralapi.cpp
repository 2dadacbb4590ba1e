// The JSON API mapping (CentralApi) without a socket: status codes, per-event answers,
// bad requests named, feed cursor, kiosk registry; and the request authentication
// (sync/central/requestauth.h) on every path (unknown, badly signed, expired, replayed,
// revoked, another kiosk's events),
// with the central clock injected; a replay to a second instance on the same database
// (the service keeps no state outside the database) refused too.
#include "centraltestdb.h"
#include "app/core/clock.h"
#include "sync/central/centralapi.h"
#include "tests/unit/eventlog/eventfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
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
    void kioskHeadIsTheNewestStoredEvent();
    void refusedOnEveryPath_data();
    void refusedOnEveryPath();
    void replayInsideTheWindowRefused();
    void replayToAnotherInstanceRefused_data();
    void replayToAnotherInstanceRefused();
    void anotherKiosksEventsRejected();
    void revokedMidRun();

private:
    // A request as KIOSK-GYD-01 signs it at the central clock's time (+ `skewSeconds`).
    ApiResponse call(const QByteArray &method, const QString &path, const QUrlQuery &query = {}, const QByteArray &payload = {},
                     qint64 skewSeconds = 0);
    [[nodiscard]] RequestCredentials sign(const Crypto::Ed25519PrivateKey &key, const QString &kiosk, const QByteArray &method,
                                          const QString &path, const QUrlQuery &query, const QByteArray &payload, qint64 skewSeconds = 0) const;
    FixedClock m_clock{QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)};
    std::optional<RequestAuthenticator> m_auth;
    std::optional<Crypto::Ed25519PrivateKey> m_requestKey;

    std::unique_ptr<Scratch::ScratchDatabase> m_scratch;
    std::optional<CentralDatabase> m_db;
    std::optional<CentralService> m_service;
    std::optional<CentralApi> m_api;
    std::optional<EventSigner> m_signer;
};

void TstCentralApi::init()
{
    m_scratch = std::make_unique<Scratch::ScratchDatabase>(QStringLiteral("sqlite"));
    auto db = CentralDatabase::open(m_scratch->url(), m_clock);
    QVERIFY(db);
    m_db.emplace(std::move(*db));
    m_service.emplace(*m_db);
    m_auth.emplace(*m_service, m_clock, 300);
    m_api.emplace(*m_service, &*m_auth);
    auto key = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key);
    auto copy = Crypto::Ed25519PrivateKey::fromPem(key->toPem());
    QVERIFY(copy);
    m_requestKey.emplace(std::move(*copy));
    QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), key->publicKey().raw(), false}));
    m_signer.emplace(std::move(*key));
}

void TstCentralApi::cleanup()
{
    m_api.reset();
    m_auth.reset();
    m_service.reset();
    m_db.reset();
    m_scratch.reset();
}

void TstCentralApi::health()
{
    const ApiResponse r = call("GET", QStringLiteral("/v1/health"), {}, {});
    QCOMPARE(r.status, 200);
    QCOMPARE(body(r).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TstCentralApi::pushAnswersPerEvent()
{
    auto chain = Fixture::signChain(*m_signer, 3);
    chain[1].bytes.replace(R"("officer":"OFF-0042")", R"("officer":"OFF-0043")"); // tampered in transit
    const ApiResponse r = call("POST", QStringLiteral("/v1/events"), {}, batch(chain));
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
    const ApiResponse r = call(method, path, {}, payload);
    QCOMPARE(r.status, status);
    QCOMPARE(body(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
}

void TstCentralApi::feedAndRegistry()
{
    const auto chain = Fixture::signChain(*m_signer, 5);
    QCOMPARE(call("POST", QStringLiteral("/v1/events"), {}, batch(chain)).status, 200);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("after"), QStringLiteral("2"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    const QJsonObject feed = body(call("GET", QStringLiteral("/v1/feed"), q, {}));
    const QJsonArray events = feed.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 2);
    QCOMPARE(QByteArray::fromBase64(events[0].toObject().value(QStringLiteral("bytes")).toString().toLatin1()), chain[2].bytes);
    QCOMPARE(feed.value(QStringLiteral("next")).toInteger(), 4);
    QUrlQuery bad;
    bad.addQueryItem(QStringLiteral("after"), QStringLiteral("x"));
    QCOMPARE(call("GET", QStringLiteral("/v1/feed"), bad, {}).status, 400);
    const QJsonArray kiosks = body(call("GET", QStringLiteral("/v1/kiosks"), {}, {})).value(QStringLiteral("kiosks")).toArray();
    QCOMPARE(kiosks.size(), 1);
    QCOMPARE(QByteArray::fromBase64(kiosks[0].toObject().value(QStringLiteral("publicKey")).toString().toLatin1()),
             m_signer->publicKey().raw());
}

// What a kiosk compares its log with each round (sync/client/chaintail.h): the highest
// sequence stored and its hash, even with a gap below it; another kiosk may not ask.
void TstCentralApi::kioskHeadIsTheNewestStoredEvent()
{
    const QString path = QStringLiteral("/v1/kiosks/KIOSK-GYD-01/head");
    const QJsonObject empty = body(call("GET", path));
    QCOMPARE(empty.value(QStringLiteral("sequence")).toInteger(-1), 0);
    QCOMPARE(empty.value(QStringLiteral("kioskId")).toString(), QStringLiteral("KIOSK-GYD-01"));
    const auto chain = Fixture::signChain(*m_signer, 4);
    QCOMPARE(call("POST", QStringLiteral("/v1/events"), {}, batch({chain[0], chain[1], chain[3]})).status, 200); // 3 missing: a gap
    const ApiResponse r = call("GET", path);
    QCOMPARE(r.status, 200);
    QCOMPARE(body(r).value(QStringLiteral("sequence")).toInteger(), 4);
    QCOMPARE(QByteArray::fromBase64(body(r).value(QStringLiteral("hash")).toString().toLatin1()), chain[3].hash());
    auto key2 = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key2);
    QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-GYD-02"), QStringLiteral("GYD"), key2->publicKey().raw(), false}));
    const ApiResponse other = m_api->handle("GET", path, {}, {}, sign(*key2, QStringLiteral("KIOSK-GYD-02"), "GET", path, {}, {}));
    QCOMPARE(other.status, 403);
    QCOMPARE(body(other).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("WRONG_KIOSK"));
}

RequestCredentials TstCentralApi::sign(const Crypto::Ed25519PrivateKey &key, const QString &kiosk, const QByteArray &method, const QString &path,
                                       const QUrlQuery &query, const QByteArray &payload, qint64 skewSeconds) const
{
    auto c = signRequest(key, kiosk, method, requestTarget(path, query), payload, m_clock.now().addSecs(skewSeconds));
    return c ? *c : RequestCredentials{};
}

ApiResponse TstCentralApi::call(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &payload, qint64 skewSeconds)
{
    return m_api->handle(method, path, query, payload,
                         sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), method, path, query, payload, skewSeconds));
}

void TstCentralApi::refusedOnEveryPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    const QStringList paths{QStringLiteral("/v1/health"), QStringLiteral("/v1/feed"), QStringLiteral("/v1/kiosks"), QStringLiteral("/v1/reference/policy"),
                            QStringLiteral("/v1/kiosks/KIOSK-GYD-01/head"), QStringLiteral("/v1/events")};
    struct Way { const char *how; int status; const char *code; };
    const Way ways[] = {{"no credentials at all", 401, "AUTH_MISSING"},
                        {"an id nobody enrolled", 401, "AUTH_UNKNOWN_KIOSK"},
                        {"signed by another key", 401, "AUTH_BAD_SIGNATURE"},
                        {"body changed after signing", 401, "AUTH_BAD_SIGNATURE"},
                        {"made 301 s before the central clock", 401, "AUTH_EXPIRED"},
                        {"made 301 s after the central clock", 401, "AUTH_EXPIRED"},
                        {"a revoked kiosk", 403, "KIOSK_REVOKED"}};
    for (const QString &path : paths)
        for (const Way &w : ways)
            QTest::addRow("%s: %s", qPrintable(path), w.how) << path << QString::fromLatin1(w.how) << w.status << QString::fromLatin1(w.code);
}

void TstCentralApi::refusedOnEveryPath()
{
    QFETCH(QString, path);
    QFETCH(QString, how);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QByteArray method = path == u"/v1/events" ? QByteArray("POST") : QByteArray("GET");
    const QByteArray payload = method == "POST" ? batch(Fixture::signChain(*m_signer, 1)) : QByteArray();
    RequestCredentials c;
    if (how.startsWith(u"no credentials")) {
        // nothing
    } else if (how.startsWith(u"an id nobody")) {
        c = sign(*m_requestKey, QStringLiteral("KIOSK-XXX-99"), method, path, {}, payload);
    } else if (how.startsWith(u"signed by another")) {
        auto other = Crypto::Ed25519PrivateKey::generate();
        QVERIFY(other);
        c = sign(*other, QStringLiteral("KIOSK-GYD-01"), method, path, {}, payload);
    } else if (how.startsWith(u"body changed")) {
        c = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), method, path, {}, payload + " ");
    } else if (how.contains(u"before")) {
        c = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), method, path, {}, payload, -301);
    } else if (how.contains(u"after")) {
        c = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), method, path, {}, payload, 301);
    } else {
        QVERIFY(m_service->revokeKiosk(QStringLiteral("KIOSK-GYD-01")));
        c = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), method, path, {}, payload);
    }
    const ApiResponse r = m_api->handle(method, path, {}, payload, c);
    QCOMPARE(r.status, status);
    QCOMPARE(body(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), code);
    // Nothing leaks past a refusal: no event was stored.
    auto feed = m_service->feed(0, 10);
    QVERIFY(feed);
    QVERIFY(feed->isEmpty());
}

void TstCentralApi::replayInsideTheWindowRefused()
{
    const QByteArray payload = batch(Fixture::signChain(*m_signer, 1));
    const RequestCredentials c = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), "POST", QStringLiteral("/v1/events"), {}, payload);
    QCOMPARE(m_api->handle("POST", QStringLiteral("/v1/events"), {}, payload, c).status, 200);
    m_clock.advanceSeconds(299); // still inside the window: only the nonce can tell
    const ApiResponse again = m_api->handle("POST", QStringLiteral("/v1/events"), {}, payload, c);
    QCOMPARE(again.status, 401);
    QCOMPARE(body(again).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("AUTH_REPLAYED"));
    m_clock.advanceSeconds(2); // after the window: the timestamp refuses it
    const ApiResponse late = m_api->handle("POST", QStringLiteral("/v1/events"), {}, payload, c);
    QCOMPARE(body(late).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("AUTH_EXPIRED"));
    // A fresh signature of the same body is a new request (the event itself is a duplicate).
    QCOMPARE(call("POST", QStringLiteral("/v1/events"), {}, payload).status, 200);
}

void TstCentralApi::replayToAnotherInstanceRefused_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite file: two instances on one file") << QStringLiteral("sqlite");
    QTest::newRow("postgresql: two instances behind a load balancer") << QStringLiteral("postgresql");
}

// Two border-central instances on one database, as behind a load balancer: a request captured
// on its way to one of them and sent to the other inside the window is a replay there too.
void TstCentralApi::replayToAnotherInstanceRefused()
{
    QFETCH(QString, backend);
    const Scratch::ScratchDatabase scratch(backend);
    if (scratch.url().isEmpty())
        QSKIP("PostgreSQL not available (KIOSK_TEST_PG_URL: source scripts/test-services)");
    struct Instance
    {
        CentralDatabase db;
        CentralService service;
        RequestAuthenticator auth;
        CentralApi api;
        Instance(CentralDatabase opened, const Clock &clock)
            : db(std::move(opened)), service(db, [&clock] { return clock.now(); }), auth(service, clock, 300), api(service, &auth) {}
    };
    std::vector<std::unique_ptr<Instance>> instances;
    for (int i = 0; i < 2; ++i) {
        auto db = CentralDatabase::open(scratch.url(), m_clock);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        instances.push_back(std::make_unique<Instance>(std::move(*db), m_clock));
    }
    CentralApi &first = instances[0]->api, &second = instances[1]->api;
    QVERIFY(instances[0]->service.addKiosk({QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), m_signer->publicKey().raw(), false}));
    const auto code = [](const ApiResponse &r) { return body(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); };

    const QByteArray payload = batch(Fixture::signChain(*m_signer, 1));
    const QString events = QStringLiteral("/v1/events");
    const RequestCredentials push = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), "POST", events, {}, payload);
    QCOMPARE(first.handle("POST", events, {}, payload, push).status, 200);
    m_clock.advanceSeconds(10);
    const ApiResponse replayed = second.handle("POST", events, {}, payload, push);
    QCOMPARE(replayed.status, 401);
    QCOMPARE(code(replayed), QStringLiteral("AUTH_REPLAYED"));
    // And the other way round, on a read.
    const QString feed = QStringLiteral("/v1/feed");
    const RequestCredentials read = sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), "GET", feed, {}, {});
    QCOMPARE(second.handle("GET", feed, {}, {}, read).status, 200);
    const ApiResponse readAgain = first.handle("GET", feed, {}, {}, read);
    QCOMPARE(readAgain.status, 401);
    QCOMPARE(code(readAgain), QStringLiteral("AUTH_REPLAYED"));

    // Past twice the window (central clock, not the wall clock) the nonces are forgotten: the
    // next request an instance authenticates deletes them, and only the new one is kept.
    m_clock.advanceSeconds(2 * 300 + 1);
    QCOMPARE(first.handle("GET", feed, {}, {}, sign(*m_requestKey, QStringLiteral("KIOSK-GYD-01"), "GET", feed, {}, {})).status, 200);
    QSqlQuery rows(instances[1]->db.connection());
    QVERIFY(rows.exec(QStringLiteral("SELECT count(*) FROM request_nonces")) && rows.next());
    QCOMPARE(rows.value(0).toInt(), 1);
}

void TstCentralApi::anotherKiosksEventsRejected()
{
    // KIOSK-GYD-02 is enrolled; KIOSK-GYD-01 pushes events signed by 02's key in 02's name.
    auto key2 = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(key2);
    QVERIFY(m_service->addKiosk({QStringLiteral("KIOSK-GYD-02"), QStringLiteral("GYD"), key2->publicKey().raw(), false}));
    const EventSigner signer2(std::move(*key2));
    const ApiResponse r = call("POST", QStringLiteral("/v1/events"), {}, batch(Fixture::signChain(signer2, 2, QStringLiteral("KIOSK-GYD-02"))));
    QCOMPARE(r.status, 200);
    const QJsonArray results = body(r).value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue &v : results) {
        QCOMPARE(v.toObject().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("WRONG_KIOSK"));
    }
}

void TstCentralApi::revokedMidRun()
{
    QCOMPARE(call("GET", QStringLiteral("/v1/feed")).status, 200);
    QVERIFY(m_service->revokeKiosk(QStringLiteral("KIOSK-GYD-01")));
    const ApiResponse r = call("GET", QStringLiteral("/v1/feed"));
    QCOMPARE(r.status, 403);
    QCOMPARE(body(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("KIOSK_REVOKED"));
}

QTEST_GUILESS_MAIN(TstCentralApi)
#include "tst_centralapi.moc"
