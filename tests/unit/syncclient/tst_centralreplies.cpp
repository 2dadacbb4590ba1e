// The sync client's readers of central answers: each row is a body a broken or
// hostile central side (or a proxy in between) could send; a good body is read exactly, every
// bad one is a SYNC_PROTOCOL error naming the element, never a partial or empty result that
// would replace the kiosk registry or end the feed.
#include "sync/client/centralreplies.h"

#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Sync;

namespace {

const QByteArray kKey = QByteArray(32, '\x11').toBase64();
const QByteArray kHash = QByteArray(32, '\x22').toBase64();

QByteArray kiosk(const QByteArray &id, const QByteArray &key = kKey, const QByteArray &revoked = "false")
{
    return R"({"id":")" + id + R"(","checkpoint":"GYD","publicKey":")" + key + R"(","revoked":)" + revoked + "}";
}

} // namespace

class TstCentralReplies : public QObject
{
    Q_OBJECT
private slots:
    void registry_data();
    void registry();
    void feed_data();
    void feed();
    void head_data();
    void head();
};

void TstCentralReplies::registry_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("kiosks"); // -1: refused
    QTest::addColumn<QString>("names"); // a fragment of the error
    QTest::newRow("two kiosks, one revoked") << "{\"kiosks\":[" + kiosk("K1") + "," + kiosk("K2", kKey, "true") + "]}" << 2 << "";
    QTest::newRow("an empty registry is a real answer") << QByteArray(R"({"kiosks":[]})") << 0 << "";
    QTest::newRow("garbage (an HTML error page)") << QByteArray("<html>502 Bad Gateway</html>") << -1 << "not JSON";
    QTest::newRow("truncated JSON") << "{\"kiosks\":[" + kiosk("K1").left(20) << -1 << "not JSON";
    QTest::newRow("an empty body") << QByteArray() << -1 << "not JSON";
    QTest::newRow("an array, not an object") << "[" + kiosk("K1") + "]" << -1 << "not a JSON object";
    QTest::newRow("kiosks missing") << QByteArray(R"({"kiosk":[]})") << -1 << "'kiosks' is not an array";
    QTest::newRow("kiosks a string") << QByteArray(R"({"kiosks":"K1"})") << -1 << "'kiosks' is not an array";
    QTest::newRow("an entry that is a number") << "{\"kiosks\":[" + kiosk("K1") + ",7]}" << -1 << "kiosks[1] is not an object";
    QTest::newRow("id a number") << QByteArray("{\"kiosks\":[{\"id\":5,\"checkpoint\":\"GYD\",\"publicKey\":\"" + kKey + "\",\"revoked\":false}]}") << -1 << "kiosks[0].id";
    QTest::newRow("id empty") << "{\"kiosks\":[" + kiosk("") + "]}" << -1 << "kiosks[0].id";
    QTest::newRow("the same id twice") << "{\"kiosks\":[" + kiosk("K1") + "," + kiosk("K1") + "]}" << -1 << "listed twice";
    QTest::newRow("key not base64") << "{\"kiosks\":[" + kiosk("K1", "!!!") + "]}" << -1 << "kiosks[0].publicKey";
    QTest::newRow("key 31 bytes") << "{\"kiosks\":[" + kiosk("K1", QByteArray(31, 'a').toBase64()) + "]}" << -1 << "kiosks[0].publicKey";
    QTest::newRow("revoked a string") << "{\"kiosks\":[" + kiosk("K1", kKey, "\"no\"") + "]}" << -1 << "kiosks[0].revoked";
}

void TstCentralReplies::registry()
{
    QFETCH(QByteArray, body);
    QFETCH(int, kiosks);
    QFETCH(QString, names);
    const auto r = parseRegistryReply(body);
    if (kiosks < 0) {
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("SYNC_PROTOCOL"));
        QVERIFY2(r.error().message.contains(names), qPrintable(r.error().message));
        QVERIFY(r.error().message.startsWith(u"GET /v1/kiosks"));
        return;
    }
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->size(), kiosks);
    if (kiosks == 2) {
        QCOMPARE(r->at(0).kioskId, QStringLiteral("K1"));
        QCOMPARE(r->at(0).publicKey, QByteArray(32, '\x11'));
        QVERIFY(!r->at(0).revoked);
        QVERIFY(r->at(1).revoked);
    }
}

void TstCentralReplies::feed_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("events"); // -1: refused
    QTest::addColumn<QString>("names");
    const QByteArray b = QByteArray("event").toBase64(), s = QByteArray(64, 's').toBase64();
    const auto item = [&](const QByteArray &id) { return "{\"feedId\":" + id + ",\"bytes\":\"" + b + "\",\"signature\":\"" + s + "\"}"; };
    QTest::newRow("two events after the cursor") << "{\"events\":[" + item("11") + "," + item("12") + "],\"next\":12}" << 2 << "";
    QTest::newRow("the end of the feed") << QByteArray(R"({"events":[],"next":10})") << 0 << "";
    QTest::newRow("garbage") << QByteArray("\x00\xff garbage", 10) << -1 << "not JSON";
    QTest::newRow("truncated JSON") << "{\"events\":[" + item("11") << -1 << "not JSON";
    QTest::newRow("events missing: not the end of the feed") << QByteArray(R"({"next":10})") << -1 << "'events' is not an array";
    QTest::newRow("events an object") << QByteArray(R"({"events":{},"next":10})") << -1 << "'events' is not an array";
    QTest::newRow("next missing") << "{\"events\":[" + item("11") + "]}" << -1 << "'next'";
    QTest::newRow("next a string") << "{\"events\":[" + item("11") + "],\"next\":\"11\"}" << -1 << "'next'";
    QTest::newRow("next before the last event") << "{\"events\":[" + item("11") + "],\"next\":10}" << -1 << "'next' 10";
    QTest::newRow("feedId a string") << "{\"events\":[" + item("\"11\"") + "],\"next\":11}" << -1 << "events[0].feedId";
    QTest::newRow("feedId a fraction") << "{\"events\":[" + item("11.5") + "],\"next\":12}" << -1 << "events[0].feedId";
    QTest::newRow("feedId at the cursor: backwards") << "{\"events\":[" + item("10") + "],\"next\":10}" << -1 << "went backwards";
    QTest::newRow("an event out of order") << "{\"events\":[" + item("13") + "," + item("12") + "],\"next\":13}" << -1 << "events[1].feedId 12 is not after 13";
    QTest::newRow("bytes not base64") << QByteArray(R"({"events":[{"feedId":11,"bytes":"#","signature":")" + s + R"("}],"next":11})") << -1 << "events[0].bytes";
    QTest::newRow("signature missing") << QByteArray(R"({"events":[{"feedId":11,"bytes":")" + b + R"("}],"next":11})") << -1 << "events[0].signature";
    QTest::newRow("feedId 1e300") << "{\"events\":[" + item("1e300") + "],\"next\":12}" << -1 << "events[0].feedId";
}

void TstCentralReplies::feed()
{
    QFETCH(QByteArray, body);
    QFETCH(int, events);
    QFETCH(QString, names);
    const auto r = parseFeedReply(body, 10);
    if (events < 0) {
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("SYNC_PROTOCOL"));
        QVERIFY2(r.error().message.contains(names), qPrintable(r.error().message));
        QVERIFY(r.error().message.startsWith(u"GET /v1/feed?after=10"));
        return;
    }
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->events.size(), events);
    if (events == 2) {
        QCOMPARE(r->events.at(1).feedId, 12);
        QCOMPARE(r->events.at(0).bytes, QByteArray("event"));
        QCOMPARE(r->events.at(0).signature, QByteArray(64, 's'));
        QCOMPARE(r->next, 12);
    }
}

void TstCentralReplies::head_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("sequence"); // -1: refused
    QTest::newRow("a head") << R"({"kioskId":"K1","sequence":42,"hash":")" + kHash + "\"}" << qint64(42);
    QTest::newRow("nothing stored yet") << QByteArray(R"({"kioskId":"K1","sequence":0,"hash":""})") << qint64(0);
    QTest::newRow("another kiosk's head") << R"({"kioskId":"K2","sequence":42,"hash":")" + kHash + "\"}" << qint64(-1);
    QTest::newRow("a negative sequence") << R"({"kioskId":"K1","sequence":-1,"hash":")" + kHash + "\"}" << qint64(-1);
    QTest::newRow("a sequence as a string") << R"({"kioskId":"K1","sequence":"42","hash":")" + kHash + "\"}" << qint64(-1);
    QTest::newRow("a short hash") << QByteArray(R"({"kioskId":"K1","sequence":42,"hash":"AAAA"})") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("ok") << qint64(-1);
}

void TstCentralReplies::head()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, sequence);
    const auto r = parseKioskHeadReply(body, QStringLiteral("K1"));
    if (sequence < 0) {
        QVERIFY(!r);
        QCOMPARE(r.error().code, QStringLiteral("SYNC_PROTOCOL"));
        return;
    }
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->sequence, sequence);
    QCOMPARE(r->hash, sequence > 0 ? QByteArray(32, '\x22') : QByteArray());
}

QTEST_GUILESS_MAIN(TstCentralReplies)
#include "tst_centralreplies.moc"
