// Who may write and read at the central side, and what tampering is found, with real processes
// on loopback: an edited, shortened, reordered or replayed event log; unenrolled, revoked,
// restored-from-backup and impostor kiosks; client certificates; unsigned, replayed and
// expired requests.
#include "tests/integration/syncfailuresrig.h"

#include "app/crypto/ed25519.h"
#include "app/store/database.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

using namespace Kiosk;
using namespace Kiosk::Test;

class TstSyncFailuresTrust : public SyncFailuresRig
{
    Q_OBJECT
private slots:
    void tamperedLogIsFound_data();
    void tamperedLogIsFound();
    void unenrolledKeyRejected();
    void clientCertificateRequiredWhenConfigured();
    void feedUnreadableWithoutCredentials();
    void revokedKioskRefusedMidRun();
    void restoredBackupCannotReuseASequence();
    void capturedRequestReplayedIsRefused();
    void kioskPushingAnothersEventsIsRefused();

private:
    // One HTTPS request to the running border-central (the test CA pinned), signed as this
    // kiosk when `credentials` are given; the status and the error code of the answer.
    std::pair<int, QString> rawRequest(const QByteArray &method, const QString &target, const QByteArray &body,
                                       const std::optional<Kiosk::EventLog::RequestCredentials> &credentials);
    [[nodiscard]] Kiosk::EventLog::RequestCredentials signedAs(const QByteArray &method, const QString &target, const QByteArray &body,
                                                               const QDateTime &at, const QString &keyFile = {}, const QString &kioskId = {});
};

std::pair<int, QString> TstSyncFailuresTrust::rawRequest(const QByteArray &method, const QString &target, const QByteArray &body,
                                                         const std::optional<Kiosk::EventLog::RequestCredentials> &credentials)
{
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_port).arg(target)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("ca.pem"))));
    req.setSslConfiguration(tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (credentials) {
        req.setRawHeader(Kiosk::EventLog::kKioskIdHeader, credentials->kioskId);
        req.setRawHeader(Kiosk::EventLog::kTimestampHeader, credentials->timestamp);
        req.setRawHeader(Kiosk::EventLog::kNonceHeader, credentials->nonce);
        req.setRawHeader(Kiosk::EventLog::kSignatureHeader, credentials->signature);
    }
    QNetworkReply *reply = method == "POST" ? nam.post(req, body) : nam.get(req);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return {status, answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString()};
}

Kiosk::EventLog::RequestCredentials TstSyncFailuresTrust::signedAs(const QByteArray &method, const QString &target, const QByteArray &body, const QDateTime &at,
                                                                   const QString &keyFile, const QString &kioskId)
{
    auto key = Kiosk::Crypto::Ed25519PrivateKey::fromFile(keyFile.isEmpty() ? path(QStringLiteral("kiosk.key")) : keyFile);
    if (!key)
        return {};
    const qsizetype q = target.indexOf(u'?');
    const QByteArray signedTarget = Kiosk::EventLog::requestTarget(q < 0 ? target : target.left(q), QUrlQuery(q < 0 ? QString() : target.mid(q + 1)));
    auto c = Kiosk::EventLog::signRequest(*key, kioskId.isEmpty() ? KioskId : kioskId, method, signedTarget, body, at);
    return c ? *c : Kiosk::EventLog::RequestCredentials{};
}

void TstSyncFailuresTrust::tamperedLogIsFound_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("verifyCode");
    QTest::addColumn<QString>("centralSees");
    QTest::newRow("edit: verdict changed in the stored bytes") << "edit" << "EVENT_SIGNATURE_INVALID" << "BAD_SIGNATURE";
    QTest::newRow("delete: event 3 removed") << "delete" << "EVENT_SEQUENCE_GAP" << "gap";
    QTest::newRow("reorder: events 3 and 4 swapped") << "reorder" << "EVENT_SEQUENCE_GAP" << "nothing-new";
    QTest::newRow("replay: event 2 stored again as 6") << "replay" << "EVENT_SEQUENCE_OUT_OF_ORDER" << "duplicate";
}

void TstSyncFailuresTrust::tamperedLogIsFound()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    QFETCH(QString, attack);
    QFETCH(QString, verifyCode);
    QFETCH(QString, centralSees);
    const QString dbPath = path(QStringLiteral("kiosk.db"));
    recordInProcess(dbPath, path(QStringLiteral("kiosk.key")), 0, 5);
    int exitCode = -1;
    QVERIFY(logVerify(m_ini, &exitCode).value(QStringLiteral("ok")).toBool());
    QCOMPARE(exitCode, 0);
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        c.setDatabaseName(dbPath);
        QVERIFY(c.open());
        QSqlQuery q(c);
        if (attack == QLatin1String("edit")) {
            QVERIFY(q.exec(QStringLiteral("UPDATE events SET bytes = CAST(REPLACE(CAST(bytes AS TEXT), '\"verdict\":\"ADMIT\"', '\"verdict\":\"REFUSE\"') AS BLOB) WHERE sequence = 3")));
        } else if (attack == QLatin1String("delete")) {
            QVERIFY(q.exec(QStringLiteral("DELETE FROM outbox WHERE sequence = 3")));
            QVERIFY(q.exec(QStringLiteral("UPDATE crossings SET event_id = NULL WHERE event_id = (SELECT event_id FROM events WHERE sequence = 3)")));
            QVERIFY(q.exec(QStringLiteral("DELETE FROM events WHERE sequence = 3")));
        } else if (attack == QLatin1String("reorder")) {
            // Swap every column but the sequence: row 3 now holds event 4 and row 4 event 3.
            QVERIFY(q.exec(QStringLiteral("CREATE TEMP TABLE swap AS SELECT * FROM events WHERE sequence IN (3, 4)")));
            QVERIFY(q.exec(QStringLiteral("UPDATE events SET event_id = event_id || '-moving' WHERE sequence IN (3, 4)")));
            QVERIFY(q.exec(QStringLiteral("UPDATE events SET event_id = s.event_id, bytes = s.bytes, signature = s.signature, hash = s.hash, "
                                          "recorded_at = s.recorded_at FROM swap s WHERE s.sequence = 7 - events.sequence AND events.sequence IN (3, 4)")));
        } else if (attack == QLatin1String("replay")) {
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events (sequence, event_id, kiosk_id, bytes, signature, hash, recorded_at) "
                                          "SELECT 6, 'replayed-2', kiosk_id, bytes, signature, hash, recorded_at FROM events WHERE sequence = 2")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (sequence) VALUES (6)")));
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
    const QJsonObject verify = logVerify(m_ini, &exitCode);
    QCOMPARE(exitCode, 1);
    QCOMPARE(verify.value(QStringLiteral("firstBreak")).toObject().value(QStringLiteral("code")).toString(), verifyCode);

    // The central side: rejects the forged event, reports the hole, or keeps the replay once.
    QVERIFY(startCentral());
    const Run r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    const QJsonObject s = stats();
    const QJsonObject kiosk = s.value(QStringLiteral("kiosks")).toArray().at(0).toObject();
    if (centralSees == QLatin1String("BAD_SIGNATURE")) {
        QCOMPARE(r.json().value(QStringLiteral("rejections")).toArray().at(0).toString(), QStringLiteral("3 BAD_SIGNATURE"));
        QCOMPARE(kiosk.value(QStringLiteral("rejections")).toObject().value(QStringLiteral("BAD_SIGNATURE")).toInteger(), 1);
        // The rejected event stays in the outbox, reported by sync --status.
        const Run st = run(kioskctl(), {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--config"), m_ini, QStringLiteral("--central"),
                                        QStringLiteral("https://127.0.0.1:%1").arg(m_port)});
        QCOMPARE(st.json().value(QStringLiteral("rejected")).toInteger(), 1);
        QCOMPARE(st.json().value(QStringLiteral("pending")).toInteger(), 0);
        QVERIFY(st.json().value(QStringLiteral("online")).toBool());
    } else if (centralSees == QLatin1String("gap")) {
        QCOMPARE(kiosk.value(QStringLiteral("gaps")).toArray(), (QJsonArray{QJsonArray{3, 3}}));
    } else if (centralSees == QLatin1String("duplicate")) {
        QCOMPARE(r.json().value(QStringLiteral("duplicate")).toInteger(), 1);
        QCOMPARE(s.value(QStringLiteral("events")).toInteger(), 5);
    } else {
        QCOMPARE(s.value(QStringLiteral("events")).toInteger(), 5); // genuine events, each once
    }
}

void TstSyncFailuresTrust::unenrolledKeyRejected()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    // A second kiosk database whose key the central side never saw, once under an unknown
    // kiosk id and once pretending to be the enrolled kiosk.
    for (const QString &id : {QStringLiteral("KIOSK-ROGUE-1"), KioskId}) {
        const QString ini = path(id + QStringLiteral(".ini"));
        writeIni(ini, id, path(id + QStringLiteral(".db")), path(id + QStringLiteral(".key")));
        QCOMPARE(run(kioskctl(), {QStringLiteral("enroll"), QStringLiteral("--config"), ini, QStringLiteral("--id"), id,
                                  QStringLiteral("--checkpoint"), QStringLiteral("GYD")}).exitCode, 0);
        QFile mrz(path(QStringLiteral("doc.mrz")));
        QVERIFY(mrz.open(QIODevice::WriteOnly));
        mrz.write(syntheticMrz(3).toUtf8());
        mrz.close();
        QCOMPARE(run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), ini, QStringLiteral("--mrz"), mrz.fileName(),
                                  QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OFF-1"),
                                  QStringLiteral("--date"), QStringLiteral("2026-11-20")}).exitCode, 0);
    }
    QVERIFY(startCentral());
    // Every request is authenticated: neither gets past the door, so the round
    // fails with the refusal named and the events stay queued.
    const Run unknown = syncOnce(path(QStringLiteral("KIOSK-ROGUE-1.ini")));
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.json().value(QStringLiteral("message")).toString().contains(u"AUTH_UNKNOWN_KIOSK"), unknown.out.constData());
    QCOMPARE(unknown.json().value(QStringLiteral("pending")).toInteger(), 1);
    const Run impostor = syncOnce(path(KioskId + QStringLiteral(".ini")));
    QCOMPARE(impostor.exitCode, 1);
    QVERIFY2(impostor.json().value(QStringLiteral("message")).toString().contains(u"AUTH_BAD_SIGNATURE"), impostor.out.constData());
    QCOMPARE(stats().value(QStringLiteral("events")).toInteger(), 0);
}

void TstSyncFailuresTrust::clientCertificateRequiredWhenConfigured()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    // A kiosk CA and one kiosk certificate, made now with the OpenSSL CLI.
    auto openssl = [&](const QStringList &args) { return run(QStringLiteral("openssl"), args).exitCode; };
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    QCOMPARE(openssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec + QStringList{QStringLiteral("-keyout"), path(QStringLiteral("kca.key")),
             QStringLiteral("-out"), path(QStringLiteral("kca.pem")), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=kiosk CA")}), 0);
    QCOMPARE(openssl(QStringList{QStringLiteral("req")} + ec + QStringList{QStringLiteral("-keyout"), path(QStringLiteral("client.key")),
             QStringLiteral("-out"), path(QStringLiteral("client.csr")), QStringLiteral("-subj"), QStringLiteral("/CN=") + KioskId}), 0);
    QCOMPARE(openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), path(QStringLiteral("client.csr")), QStringLiteral("-CA"),
                      path(QStringLiteral("kca.pem")), QStringLiteral("-CAkey"), path(QStringLiteral("kca.key")), QStringLiteral("-CAcreateserial"),
                      QStringLiteral("-out"), path(QStringLiteral("client.pem")), QStringLiteral("-days"), QStringLiteral("1")}), 0);
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 3);
    QVERIFY(startCentral({QStringLiteral("--client-ca"), path(QStringLiteral("kca.pem"))}));
    const Run without = syncOnce(m_ini, {QStringLiteral("--timeout"), QStringLiteral("3000")});
    QCOMPARE(without.exitCode, 1);
    QCOMPARE(without.json().value(QStringLiteral("error")).toString(), QStringLiteral("SYNC_NETWORK"));
    QFile ini(m_ini);
    QVERIFY(ini.open(QIODevice::Append));
    ini.write(QStringLiteral("clientCertificate=%1\nclientKey=%2\n").arg(path(QStringLiteral("client.pem")), path(QStringLiteral("client.key"))).toUtf8());
    ini.close();
    const Run with = syncOnce(m_ini);
    QVERIFY2(with.exitCode == 0, with.out + with.err);
    QCOMPARE(with.json().value(QStringLiteral("stored")).toInteger(), 3);
}

// The feed carries every checkpoint's travellers; nobody reads it without a key.
void TstSyncFailuresTrust::feedUnreadableWithoutCredentials()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 3);
    QVERIFY(startCentral());
    QCOMPARE(syncOnce(m_ini).exitCode, 0); // the events are central now
    for (const QString &target : {QStringLiteral("/v1/feed?after=0&limit=10"), QStringLiteral("/v1/kiosks"), QStringLiteral("/v1/reference/policy"),
                                  QStringLiteral("/v1/health")}) {
        const auto [status, code] = rawRequest("GET", target, {}, std::nullopt);
        QCOMPARE(status, 401);
        QCOMPARE(code, QStringLiteral("AUTH_MISSING"));
    }
    // The same request signed by the enrolled kiosk is answered.
    const QString feed = QStringLiteral("/v1/feed?after=0&limit=10");
    QCOMPARE(rawRequest("GET", feed, {}, signedAs("GET", feed, {}, QDateTime::currentDateTimeUtc())).first, 200);
}

void TstSyncFailuresTrust::revokedKioskRefusedMidRun()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 2);
    QVERIFY(startCentral());
    QCOMPARE(syncOnce(m_ini).exitCode, 0);
    // Revoked by the administration command, another process, while the service runs.
    const Run revoke = run(central(), {QStringLiteral("kiosk"), QStringLiteral("revoke"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--id"), KioskId});
    QCOMPARE(revoke.exitCode, 0);
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 2, 1);
    const Run refused = syncOnce(m_ini);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.json().value(QStringLiteral("message")).toString().contains(u"KIOSK_REVOKED"), refused.out.constData());
    QCOMPARE(refused.json().value(QStringLiteral("pending")).toInteger(), 1); // kept, not lost
    QCOMPARE(stats().value(QStringLiteral("events")).toInteger(), 2);
}

// The database and its chain tail restored together from a copy older than what
// the central side holds verify locally; the next sync round learns the central head, pushes
// nothing, and from then on `record` refuses to sign the sequence the central side already has
// and `log verify` says why.
void TstSyncFailuresTrust::restoredBackupCannotReuseASequence()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    const QString db = path(QStringLiteral("kiosk.db"));
    recordInProcess(db, path(QStringLiteral("kiosk.key")), 0, 2);
    // The backup: the database and the tail beside the key, before the first sync.
    QVERIFY(QFile::copy(db, path(QStringLiteral("backup.db"))));
    QVERIFY(QFile::copy(path(QStringLiteral("kiosk.tail")), path(QStringLiteral("backup.tail"))));
    QVERIFY(!QFile::exists(path(QStringLiteral("kiosk.central"))));
    QVERIFY(startCentral());
    QCOMPARE(syncOnce(m_ini).exitCode, 0);
    recordInProcess(db, path(QStringLiteral("kiosk.key")), 2, 1);
    QCOMPARE(syncOnce(m_ini).exitCode, 0);
    QCOMPARE(stats().value(QStringLiteral("events")).toInteger(), 3);
    QVERIFY(QFile::exists(path(QStringLiteral("kiosk.central")))); // raised by the acknowledged push

    for (const QString &suffix : {QStringLiteral(".db"), QStringLiteral(".db-wal"), QStringLiteral(".db-shm"), QStringLiteral(".tail"), QStringLiteral(".central")})
        QFile::remove(path(QStringLiteral("kiosk") + suffix));
    QVERIFY(QFile::copy(path(QStringLiteral("backup.db")), db));
    QVERIFY(QFile::copy(path(QStringLiteral("backup.tail")), path(QStringLiteral("kiosk.tail"))));
    int code = -1;
    QJsonObject verified = logVerify(m_ini, &code);
    QCOMPARE(code, 0); // consistent with itself: only the central side knows better

    const Run round = syncOnce(m_ini);
    QCOMPARE(round.exitCode, 1);
    QCOMPARE(round.json().value(QStringLiteral("error")).toString(), QStringLiteral("CHAIN_BEHIND_CENTRAL"));
    QCOMPARE(stats().value(QStringLiteral("forks")).toInteger(), 0);
    QCOMPARE(stats().value(QStringLiteral("events")).toInteger(), 3);

    QFile mrz(path(QStringLiteral("doc.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly));
    mrz.write(syntheticMrz(9).toUtf8());
    mrz.close();
    const Run record = run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), m_ini, QStringLiteral("--mrz"), mrz.fileName(),
                                        QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OFF-1"),
                                        QStringLiteral("--date"), QStringLiteral("2026-11-21")});
    QCOMPARE(record.exitCode, 1);
    QVERIFY2(record.err.contains("CHAIN_BEHIND_CENTRAL"), record.out + record.err);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT MAX(sequence) FROM events")), 2); // nothing signed
    verified = logVerify(m_ini, &code);
    QCOMPARE(code, 1);
    QCOMPARE(verified.value(QStringLiteral("central")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("CHAIN_BEHIND_CENTRAL"));
}

void TstSyncFailuresTrust::capturedRequestReplayedIsRefused()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    QVERIFY(startCentral());
    const QString target = QStringLiteral("/v1/kiosks");
    // A request captured on the wire and sent again: refused by its nonce inside the window...
    const auto captured = signedAs("GET", target, {}, QDateTime::currentDateTimeUtc());
    QCOMPARE(rawRequest("GET", target, {}, captured).first, 200);
    const auto [againStatus, againCode] = rawRequest("GET", target, {}, captured);
    QCOMPARE(againStatus, 401);
    QCOMPARE(againCode, QStringLiteral("AUTH_REPLAYED"));
    // ... and by its time after it (a request made 301 s ago, first seen now: the window is 300 s).
    const auto old = signedAs("GET", target, {}, QDateTime::currentDateTimeUtc().addSecs(-301));
    const auto [oldStatus, oldCode] = rawRequest("GET", target, {}, old);
    QCOMPARE(oldStatus, 401);
    QCOMPARE(oldCode, QStringLiteral("AUTH_EXPIRED"));
}

// An enrolled, authenticated kiosk (KIOSK-GYD-09) sends KIOSK-GYD-01's events, as a
// compromised kiosk relaying another's captured traffic would: every event is rejected
// WRONG_KIOSK and nothing is stored; the owner's own push then stores them.
void TstSyncFailuresTrust::kioskPushingAnothersEventsIsRefused()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 3);
    auto other = Crypto::Ed25519PrivateKey::generate();
    QVERIFY(other);
    QVERIFY(other->saveNew(path(QStringLiteral("other.key"))));
    QFile pub(path(QStringLiteral("other.pub.pem")));
    QVERIFY(pub.open(QIODevice::WriteOnly));
    pub.write(other->publicKey().toPem());
    pub.close();
    QCOMPARE(run(central(), {QStringLiteral("kiosk"), QStringLiteral("add"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-09"),
                             QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--public-key"), pub.fileName()}).exitCode, 0);
    QVERIFY(startCentral());
    // KIOSK-GYD-01's signed events as they sit in its outbox.
    QByteArray body = R"({"events":[)";
    {
        auto db = Store::Database::open(path(QStringLiteral("kiosk.db")));
        QVERIFY(db);
        auto q = db->exec(QStringLiteral("SELECT bytes, signature FROM events ORDER BY sequence"));
        QVERIFY(q);
        bool first = true;
        while ((*q)->next()) {
            body += QByteArray(first ? "" : ",") + R"({"bytes":")" + (*q)->value(0).toByteArray().toBase64() + R"(","signature":")"
                + (*q)->value(1).toByteArray().toBase64() + R"("})";
            first = false;
        }
    }
    body += "]}";
    QNetworkAccessManager nam;
    QNetworkRequest req(QUrl(QStringLiteral("https://127.0.0.1:%1/v1/events").arg(m_port)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromPath(path(QStringLiteral("ca.pem"))));
    req.setSslConfiguration(tls);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const auto c = signedAs("POST", QStringLiteral("/v1/events"), body, QDateTime::currentDateTimeUtc(), path(QStringLiteral("other.key")), QStringLiteral("KIOSK-GYD-09"));
    req.setRawHeader(EventLog::kKioskIdHeader, c.kioskId);
    req.setRawHeader(EventLog::kTimestampHeader, c.timestamp);
    req.setRawHeader(EventLog::kNonceHeader, c.nonce);
    req.setRawHeader(EventLog::kSignatureHeader, c.signature);
    QNetworkReply *reply = nam.post(req, body);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("results")).toArray();
    reply->deleteLater();
    QCOMPARE(results.size(), 3);
    for (const QJsonValue &v : results)
        QCOMPARE(v.toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("WRONG_KIOSK"));
    QCOMPARE(stats().value(QStringLiteral("events")).toInteger(), 0);
    const Run own = syncOnce(m_ini);
    QVERIFY2(own.exitCode == 0, own.out + own.err);
    QCOMPARE(own.json().value(QStringLiteral("stored")).toInteger(), 3);
}

QTEST_GUILESS_MAIN(TstSyncFailuresTrust)
#include "tst_syncfailures_trust.moc"
