// What a kiosk pulls from the central side, with real processes on loopback: other
// checkpoints' crossings, feed events that do not verify (kept aside and retried), the signed
// policy and reference lists (applied only when they verify, all or nothing), and a lying
// central side that leaves the pull state untouched.
#include "tests/integration/syncfailuresrig.h"

#include "tests/support/loopbackcentral.h"
#include "tests/support/sqliteprobe.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>

using namespace Kiosk;
using namespace Kiosk::Test;

class TstSyncFailuresPull : public SyncFailuresRig
{
    Q_OBJECT
private slots:
    void otherCheckpointsCrossingsArePulled();
    void unverifiedFeedEventIsKeptAndRetried();
    void referenceDataAppliedOnlyIfVerified();
    void referenceListsAppliedAllOrNothing();
    void lyingCentralLeavesPullStateUntouched_data();
    void lyingCentralLeavesPullStateUntouched();

private:
    // `border-central reference publish` of `body`, signed with this test's policy key over
    // `signedBytes` (they differ only to forge); the exit status.
    int publishSigned(const QString &kind, int version, const QByteArray &body, const QByteArray &signedBytes);
};

int TstSyncFailuresPull::publishSigned(const QString &kind, int version, const QByteArray &body, const QByteArray &signedBytes)
{
    auto sig = m_authority->key().sign(signedBytes);
    const QString name = QStringLiteral("%1-%2").arg(kind).arg(version);
    QFile b(path(name + QStringLiteral(".json"))), s(path(name + QStringLiteral(".sig")));
    if (!sig || !b.open(QIODevice::WriteOnly | QIODevice::Truncate) || !s.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    b.write(body);
    s.write(sig->toBase64() + '\n');
    b.close();
    s.close();
    return run(central(), {QStringLiteral("reference"), QStringLiteral("publish"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--kind"), kind,
                           QStringLiteral("--version"), QString::number(version), QStringLiteral("--body"), b.fileName(),
                           QStringLiteral("--signature"), s.fileName()}).exitCode;
}

void TstSyncFailuresPull::otherCheckpointsCrossingsArePulled()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    // The airport kiosk records an entry; the land kiosk pulls it and has the history offline.
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 42, 1);
    const QString land = enrolLandKiosk();
    QVERIFY(!land.isEmpty());
    // An (empty) watchlist from the central side: a kiosk that never received one REFERs every
    // check with WATCHLIST_STALE.
    QCOMPARE(publishSigned(QStringLiteral("watchlist"), 1, "[]", "[]"), 0);
    QVERIFY(startCentral());
    QCOMPARE(syncOnce(m_ini).exitCode, 0);
    const Run pulled = syncOnce(land);
    QVERIFY2(pulled.exitCode == 0, pulled.out + pulled.err);
    QCOMPARE(pulled.json().value(QStringLiteral("pulled")).toInteger(), 1);
    QCOMPARE(pulled.json().value(QStringLiteral("pullRejected")).toInteger(), 0);
    QCOMPARE(kioskScalar(path(QStringLiteral("land.db")),
                         QStringLiteral("SELECT COUNT(*) FROM crossings c JOIN documents d ON d.id = c.document_id "
                                        "WHERE c.source = 'central' AND c.checkpoint = 'GYD' AND d.number = 'C00000042'")), 1);
    // A second pull brings nothing twice.
    QCOMPARE(syncOnce(land).json().value(QStringLiteral("pulled")).toInteger(), 0);
    killCentral();

    // Offline now: the exit at the land border finds the airport entry; a traveller whose
    // entry was never recorded anywhere is REFERred with ENTRY_NOT_RECORDED (the control).
    auto exitAt = [&](int n) {
        QFile mrz(path(QStringLiteral("exit%1.mrz").arg(n)));
        if (!mrz.open(QIODevice::WriteOnly))
            return QJsonObject();
        mrz.write(syntheticMrz(n).toUtf8());
        mrz.close();
        return run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), land, QStringLiteral("--mrz"), mrz.fileName(),
                                QStringLiteral("--direction"), QStringLiteral("exit"), QStringLiteral("--officer"), QStringLiteral("OFF-2"),
                                QStringLiteral("--date"), QStringLiteral("2026-11-25")}).json();
    };
    const QJsonObject known = exitAt(42);
    QCOMPARE(known.value(QStringLiteral("verdict")).toString(), QStringLiteral("ADMIT"));
    QVERIFY(!known.value(QStringLiteral("reasons")).toArray().contains(QStringLiteral("ENTRY_NOT_RECORDED")));
    const QJsonObject unknown = exitAt(43);
    QVERIFY(unknown.value(QStringLiteral("reasons")).toArray().contains(QStringLiteral("ENTRY_NOT_RECORDED")));
}

// A feed event that does not verify is kept aside, counted in sync --status and
// retried every round, never skipped for good behind the cursor. Here the central copy of an
// airport event is damaged (its bytes no longer match the signature), then repaired.
void TstSyncFailuresPull::unverifiedFeedEventIsKeptAndRetried()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row (the central file is edited)");
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 3);
    const QString land = enrolLandKiosk();
    QVERIFY(!land.isEmpty());
    QVERIFY(startCentral());
    QCOMPARE(syncOnce(m_ini).exitCode, 0);
    const QString centralFile = m_centralDb->url().mid(int(qstrlen("sqlite:")));
    const auto centralSql = [&](const QString &sql) { return Test::sqliteExec(centralFile, {sql}); };
    QVERIFY(centralSql(QStringLiteral("UPDATE events SET bytes = CAST(REPLACE(CAST(bytes AS TEXT), 'OFF-7', 'OFF-8') AS BLOB) WHERE sequence = 2")));

    const Run first = syncOnce(land);
    QVERIFY2(first.exitCode == 0, first.out + first.err);
    QCOMPARE(first.json().value(QStringLiteral("pulled")).toInteger(), 2);
    QCOMPARE(first.json().value(QStringLiteral("pullRejected")).toInteger(), 1);
    QCOMPARE(first.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 1);
    QCOMPARE(kioskScalar(path(QStringLiteral("land.db")), QStringLiteral("SELECT COUNT(*) FROM pull_pending WHERE reason = 'BAD_SIGNATURE'")), 1);
    const Run status = run(kioskctl(), {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--config"), land});
    QCOMPARE(status.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 1);
    // Still unverifiable next round: kept, counted once more, not lost.
    const Run again = syncOnce(land);
    QCOMPARE(again.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 1);
    QCOMPARE(kioskScalar(path(QStringLiteral("land.db")), QStringLiteral("SELECT attempts FROM pull_pending")), 2);

    QVERIFY(centralSql(QStringLiteral("UPDATE events SET bytes = CAST(REPLACE(CAST(bytes AS TEXT), 'OFF-8', 'OFF-7') AS BLOB) WHERE sequence = 2")));
    const Run repaired = syncOnce(land);
    QVERIFY2(repaired.exitCode == 0, repaired.out + repaired.err);
    QCOMPARE(repaired.json().value(QStringLiteral("pulled")).toInteger(), 1);
    QCOMPARE(repaired.json().value(QStringLiteral("pullRecovered")).toInteger(), 1);
    QCOMPARE(repaired.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 0);
    QCOMPARE(kioskScalar(path(QStringLiteral("land.db")), QStringLiteral("SELECT COUNT(*) FROM remote_events")), 3);
}

void TstSyncFailuresPull::referenceDataAppliedOnlyIfVerified()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    const QString policy = path(QStringLiteral("policy.json")); // signed by this test's authority (init)
    auto publish = [&](int version, const QString &body) {
        return run(central(), {QStringLiteral("reference"), QStringLiteral("publish"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--kind"),
                               QStringLiteral("policy"), QStringLiteral("--version"), QString::number(version), QStringLiteral("--body"), body,
                               QStringLiteral("--signature"), policy + QStringLiteral(".sig")}).exitCode;
    };
    QCOMPARE(publish(2, policy), 0);
    QVERIFY(startCentral());
    Run r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), QJsonArray{QStringLiteral("policy 2")});
    // Version 3: one byte changed after signing. Refused; version 2 stays in use.
    QFile original(policy);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QByteArray forged = original.readAll();
    forged.replace("\"days\": 90", "\"days\": 900");
    QFile f(path(QStringLiteral("forged.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(forged);
    f.close();
    QCOMPARE(publish(3, f.fileName()), 0);
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceRefused")).toArray(), QJsonArray{QStringLiteral("policy 3 POLICY_SIGNATURE_INVALID")});
    QCOMPARE(kioskScalar(path(QStringLiteral("kiosk.db")), QStringLiteral("SELECT MAX(version) FROM reference_data WHERE kind = 'policy'")), 2);
}

// Watchlist (and permits) pulled like the policy: signed by the central side,
// applied through the importer in one transaction only when the signature verifies and every
// row is good; a newer watchlist version replaces the list; an older one is ignored.
void TstSyncFailuresPull::referenceListsAppliedAllOrNothing()
{
    if (!onlySqlite())
        QSKIP("runs on the sqlite row");
    const QString db = path(QStringLiteral("kiosk.db"));
    auto publish = [&](const QString &kind, int version, const QByteArray &body, const QByteArray &signedBytes) {
        return publishSigned(kind, version, body, signedBytes);
    };
    auto entryBan = [](const char *id, const char *number) {
        return QByteArray(R"({"kind": "entry_ban", "id": ")") + id + R"(", "issuing_state": "RUS", "document_number": ")" + number
            + R"(", "basis": "synthetic test ban"})";
    };
    QFile mrz(path(QStringLiteral("doc7.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly));
    mrz.write(syntheticMrz(7).toUtf8());
    mrz.close();
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    auto reasons = [&] {
        const Run r = run(kioskctl(), {QStringLiteral("check"), QStringLiteral("--mrz"), mrz.fileName(), QStringLiteral("--direction"), QStringLiteral("entry"),
                                       QStringLiteral("--date"), today, QStringLiteral("--db"), db});
        return QString::fromUtf8(r.out + r.err);
    };
    auto watchlistIds = [&] { return kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_entries")); };
    // Control: a round with nothing published; no list yet, so no ban, and the kiosk says its
    // watchlist was never synchronised.
    QVERIFY(startCentral());
    Run r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), QJsonArray{});
    const QString before = reasons();
    QVERIFY2(!before.contains(QLatin1String("ENTRY_BAN")) && before.contains(QLatin1String("WATCHLIST_STALE")), qPrintable(before));

    // Version 1: a signed watchlist banning document C00000007, and one permit.
    const QByteArray v1 = '[' + entryBan("EB-7", "C00000007") + ']';
    const QByteArray permits = R"([{"issuing_state": "RUS", "document_number": "C00000007", "nationality": "RUS", "surname": "TESTOVA",
        "kind": "work", "valid_from": "2026-01-01", "valid_until": "2027-01-01"}])";
    QCOMPARE(publish(QStringLiteral("watchlist"), 1, v1, v1), 0);
    QCOMPARE(publish(QStringLiteral("permits"), 1, permits, permits), 0);
    const QByteArray visas = R"([{"issuing_state": "RUS", "document_number": "C00000007", "nationality": "RUS", "surname": "TESTOVA",
        "valid_from": "2026-01-01", "valid_until": "2026-12-31", "days": 90}])";
    QCOMPARE(publish(QStringLiteral("visas"), 1, visas, visas), 0);
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), (QJsonArray{QStringLiteral("watchlist 1"), QStringLiteral("permits 1"), QStringLiteral("visas 1")}));
    const QString after = reasons();
    QVERIFY2(after.contains(QLatin1String("ENTRY_BAN")) && !after.contains(QLatin1String("WATCHLIST_STALE")), qPrintable(after));
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM permits")), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM visas WHERE days = 90")), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM list_imports WHERE kind = 'watchlist' AND list_version = '1' "
                                            "AND julianday('now') - julianday(imported_at) < 0.01")), 1);
    // The same versions again: nothing applied twice.
    r = syncOnce(m_ini);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), QJsonArray{});
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM permits")), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM visas")), 1);

    // Version 2: signed, then one byte changed. Refused; version 1 stays, and the status says so.
    const QByteArray v2 = '[' + entryBan("EB-8", "C00000008") + ']';
    QByteArray forged = v2;
    forged[forged.indexOf("C00000008") + 8] = '9';
    QCOMPARE(publish(QStringLiteral("watchlist"), 2, forged, v2), 0);
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceRefused")).toArray(), QJsonArray{QStringLiteral("watchlist 2 REFERENCE_SIGNATURE_INVALID")});
    QVERIFY(reasons().contains(QLatin1String("ENTRY_BAN")));
    QCOMPARE(watchlistIds(), 1);
    const Run status = run(kioskctl(), {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--config"), m_ini});
    QVERIFY2(status.json().value(QStringLiteral("lastError")).toString().startsWith(QLatin1String("REFERENCE_REFUSED: watchlist version 2")), status.out);

    // Version 3: correctly signed, but its second row has an unknown kind. Refused, nothing of
    // it applied (not even its good first row).
    const QByteArray v3 = '[' + entryBan("EB-9", "C00000009") + R"(, {"kind": "deported", "id": "X-1", "surname": "SIDOROV"}])";
    QCOMPARE(publish(QStringLiteral("watchlist"), 3, v3, v3), 0);
    r = syncOnce(m_ini);
    QCOMPARE(r.json().value(QStringLiteral("referenceRefused")).toArray(), QJsonArray{QStringLiteral("watchlist 3 REFERENCE_BAD_ROW")});
    QCOMPARE(watchlistIds(), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_entries WHERE entry_id = 'EB-9'")), 0);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM list_imports WHERE kind = 'watchlist'")), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT MAX(version) FROM reference_data WHERE kind = 'watchlist'")), 1);

    // Version 4 replaces the list: the ban on C00000007 is lifted.
    const QByteArray v4 = '[' + entryBan("EB-10", "C00000010") + ']';
    QCOMPARE(publish(QStringLiteral("watchlist"), 4, v4, v4), 0);
    r = syncOnce(m_ini);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), QJsonArray{QStringLiteral("watchlist 4")});
    QVERIFY(!reasons().contains(QLatin1String("ENTRY_BAN")));
    QCOMPARE(watchlistIds(), 1);

    // An older version is all the central side serves now (versions 2-4 withdrawn there): ignored.
    QString centralPath = m_centralDb->url();
    QVERIFY(centralPath.startsWith(QLatin1String("sqlite:")));
    centralPath.remove(0, 7);
    (void)kioskScalar(centralPath, QStringLiteral("DELETE FROM reference_data WHERE kind = 'watchlist' AND version > 1"));
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("referenceApplied")).toArray(), QJsonArray{});
    QCOMPARE(r.json().value(QStringLiteral("referenceRefused")).toArray(), QJsonArray{});
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM watchlist_entries WHERE entry_id = 'EB-10'")), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT MAX(version) FROM reference_data WHERE kind = 'watchlist'")), 4);
}

void TstSyncFailuresPull::lyingCentralLeavesPullStateUntouched_data()
{
    QTest::addColumn<QString>("lie");      // what the central side answers instead (see the rewrite below)
    QTest::addColumn<QString>("expected"); // a fragment of the error naming the element; empty: the round succeeds
    QTest::newRow("registry: an HTML error page with status 200") << QStringLiteral("registry-html") << QStringLiteral("GET /v1/kiosks: not JSON");
    QTest::newRow("registry: cut off half way") << QStringLiteral("registry-truncated") << QStringLiteral("GET /v1/kiosks: not JSON");
    QTest::newRow("registry: a key of the wrong type") << QStringLiteral("registry-key-number") << QStringLiteral("kiosks[0].publicKey");
    QTest::newRow("feed: cut off half way") << QStringLiteral("feed-truncated") << QStringLiteral("not JSON");
    QTest::newRow("feed: events out of order") << QStringLiteral("feed-reversed") << QStringLiteral("the feed went backwards");
    QTest::newRow("feed: next behind its own page") << QStringLiteral("feed-next-zero") << QStringLiteral("'next' 0 is before");
    QTest::newRow("feed: event bytes not base64") << QStringLiteral("feed-bytes-garbage") << QStringLiteral("events[0].bytes");
    QTest::newRow("head: another kiosk's") << QStringLiteral("head-other-kiosk") << QStringLiteral("'kioskId' is not KIOSK-GYD-01");
    // Not a protocol error: the events are of a kiosk the (shortened) registry does not know.
    // They are kept aside, never dropped, and arrive once the real registry is back.
    QTest::newRow("feed: events of a kiosk the registry omits") << QStringLiteral("registry-without-land") << QString();
}

// A central side that answers garbage, truncated JSON, wrong types, events out of
// order or of an unknown kiosk changes nothing of the kiosk's pull state (registry, feed
// cursor, pulled crossings); the round fails SYNC_PROTOCOL naming the element, sync --status
// carries it in lastError, and the next honest round brings everything.
void TstSyncFailuresPull::lyingCentralLeavesPullStateUntouched()
{
    if (!onlySqlite())
        QSKIP("the kiosk side's reading: runs on the sqlite row");
    QFETCH(QString, lie);
    QFETCH(QString, expected);
    const QString land = enrolLandKiosk();
    QVERIFY(!land.isEmpty());
    QMutex mutex;
    QString lying; // read on the central thread
    Test::CentralThread central(m_centralDb->url(), path(QStringLiteral("ca.pem")), path(QStringLiteral("tls.key")));
    central.setRewrite([&](const Central::HttpRequest &request, const Central::HttpResponse &real) -> std::optional<Central::HttpResponse> {
        QMutexLocker lock(&mutex);
        if (lying.isEmpty() || real.status != 200)
            return std::nullopt;
        QJsonObject o = QJsonDocument::fromJson(real.body).object();
        const auto json = [](const QJsonObject &v) { return Central::HttpResponse{200, QJsonDocument(v).toJson(QJsonDocument::Compact)}; };
        if (request.path == QLatin1String("/v1/kiosks")) {
            QJsonArray kiosks = o.value(QStringLiteral("kiosks")).toArray();
            if (lying == QLatin1String("registry-html"))
                return Central::HttpResponse{200, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"};
            if (lying == QLatin1String("registry-truncated"))
                return Central::HttpResponse{200, real.body.left(real.body.size() / 2)};
            if (lying == QLatin1String("registry-key-number")) {
                QJsonObject k = kiosks.at(0).toObject();
                k[QStringLiteral("publicKey")] = 12345;
                kiosks[0] = k;
            }
            if (lying == QLatin1String("registry-without-land"))
                for (qsizetype i = kiosks.size() - 1; i >= 0; --i)
                    if (kiosks.at(i).toObject().value(QStringLiteral("id")).toString() == QLatin1String("KIOSK-KRM-01"))
                        kiosks.removeAt(i);
            o[QStringLiteral("kiosks")] = kiosks;
            return json(o);
        }
        if (request.path == QLatin1String("/v1/feed") && !o.value(QStringLiteral("events")).toArray().isEmpty()) {
            QJsonArray events = o.value(QStringLiteral("events")).toArray();
            if (lying == QLatin1String("feed-truncated"))
                return Central::HttpResponse{200, real.body.left(real.body.size() * 2 / 3)};
            if (lying == QLatin1String("feed-reversed")) {
                QJsonArray reversed;
                for (qsizetype i = events.size() - 1; i >= 0; --i)
                    reversed.append(events.at(i));
                events = reversed;
            }
            if (lying == QLatin1String("feed-next-zero"))
                o[QStringLiteral("next")] = 0;
            if (lying == QLatin1String("feed-bytes-garbage")) {
                QJsonObject e = events.at(0).toObject();
                e[QStringLiteral("bytes")] = QStringLiteral("%%not base64%%");
                events[0] = e;
            }
            o[QStringLiteral("events")] = events;
            return json(o);
        }
        if (request.path.endsWith(QLatin1String("/head")) && lying == QLatin1String("head-other-kiosk")) {
            o[QStringLiteral("kioskId")] = QStringLiteral("KIOSK-XXX-99");
            return json(o);
        }
        return std::nullopt;
    });
    m_port = central.startListening();
    QVERIFY2(m_port != 0, qPrintable(central.error()));

    // The land kiosk's crossings reach the central side; the airport kiosk pulls the first two.
    const QString landDb = path(QStringLiteral("land.db")), landKey = path(QStringLiteral("land.key"));
    recordInProcess(landDb, landKey, 500, 2, QStringLiteral("KIOSK-KRM-01"), QStringLiteral("KRM"));
    Run r = syncOnce(land);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    recordInProcess(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), 0, 1);
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("pulled")).toInteger(), 2);
    recordInProcess(landDb, landKey, 502, 2, QStringLiteral("KIOSK-KRM-01"), QStringLiteral("KRM"));
    r = syncOnce(land);
    QVERIFY2(r.exitCode == 0, r.out + r.err);

    const QString db = path(QStringLiteral("kiosk.db"));
    const auto pullState = [&] {
        return QStringList{
            Test::sqliteValue(db, QStringLiteral("SELECT group_concat(kiosk_id || ':' || checkpoint || ':' || hex(public_key) || ':' || revoked, ',') "
                                                 "FROM (SELECT * FROM kiosk_registry ORDER BY kiosk_id)")).toString(),
            Test::sqliteValue(db, QStringLiteral("SELECT value FROM sync_state WHERE key = 'feed_cursor'")).toString(),
            Test::sqliteValue(db, QStringLiteral("SELECT group_concat(event_id, ',') FROM (SELECT event_id FROM remote_events ORDER BY feed_id)")).toString()};
    };
    const QStringList before = pullState();
    QVERIFY2(before.at(0).contains(QLatin1String("KIOSK-KRM-01")), qPrintable(before.join(u'|')));
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM remote_events")), 2);
    {
        QMutexLocker lock(&mutex);
        lying = lie;
    }
    r = syncOnce(m_ini);
    {
        QMutexLocker lock(&mutex);
        lying.clear();
    }
    if (expected.isEmpty()) {
        // Kept aside: the cursor moves, nothing is stored unverified, nothing is lost.
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        QCOMPARE(r.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 2);
        QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM remote_events")), 2);
    } else {
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("SYNC_PROTOCOL"));
        QVERIFY2(r.json().value(QStringLiteral("message")).toString().contains(expected), r.out);
        QCOMPARE(pullState(), before);
        const Run st = run(kioskctl(), {QStringLiteral("sync"), QStringLiteral("--status"), QStringLiteral("--config"), m_ini});
        const QString lastError = st.json().value(QStringLiteral("lastError")).toString();
        QVERIFY2(lastError.startsWith(QLatin1String("SYNC_PROTOCOL")) && lastError.contains(expected), st.out + st.err);
    }
    // The honest round: everything the land kiosk recorded is here, once.
    r = syncOnce(m_ini);
    QVERIFY2(r.exitCode == 0, r.out + r.err);
    QCOMPARE(r.json().value(QStringLiteral("unverifiedPulls")).toInteger(), 0);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM remote_events")), 4);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM remote_events WHERE kiosk_id = 'KIOSK-KRM-01'")), 4);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM pull_pending")), 0);
}

QTEST_GUILESS_MAIN(TstSyncFailuresPull)
#include "tst_syncfailures_pull.moc"
