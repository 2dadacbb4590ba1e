// Every recorded crossing reaches the central side exactly once and nothing is lost, with
// real processes on loopback: the central side down, killed mid-batch, behind a proxy that drops,
// stalls and cuts connections, or flooded by hostile clients; the kiosk killed while recording.
#include "tests/integration/syncfailuresrig.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <functional>

using namespace Kiosk;
using namespace Kiosk::Test;

namespace {

// Drops `dropShare` of connections at once, stalls `stallShare` (holds them silent until the
// client gives up), and forwards the rest to the target, each cut after a random number of
// bytes (a request or an answer lost half way: the case that tests
// idempotence, since the central side may have stored a batch whose answer never arrived).
class FlakyProxy : public QTcpServer
{
public:
    FlakyProxy(quint16 target, double dropShare, double stallShare) : m_target(target), m_drop(dropShare), m_stall(stallShare) {}
    int dropped = 0, stalled = 0, forwarded = 0, cut = 0;

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(fd);
        // The first connection is dropped and the second stalled whatever the dice say, so
        // that every run exercises both; after that, the shares hold.
        ++m_connections;
        const double roll = m_connections == 1 ? 0.0 : m_connections == 2 ? m_drop : QRandomGenerator::global()->generateDouble();
        if (roll < m_drop) {
            ++dropped;
            client->abort();
            client->deleteLater();
            return;
        }
        if (roll < m_drop + m_stall) {
            ++stalled; // read and discard; never answer; closed when the client times out
            connect(client, &QTcpSocket::readyRead, client, [client] { client->readAll(); });
            connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            return;
        }
        ++forwarded;
        auto *server = new QTcpSocket(this);
        server->connectToHost(QHostAddress::LocalHost, m_target);
        // Bytes this connection may carry before it is cut; -1: never cut.
        auto budget = std::make_shared<qint64>(QRandomGenerator::global()->bounded(300, 150000));
        auto pass = [this, budget, client, server](QTcpSocket *from, QTcpSocket *to) {
            const QByteArray bytes = from->readAll();
            if (*budget >= 0 && (*budget -= bytes.size()) < 0) {
                ++cut;
                client->abort();
                server->abort();
                return;
            }
            to->write(bytes);
        };
        connect(client, &QTcpSocket::readyRead, server, [pass, client, server] { pass(client, server); });
        connect(server, &QTcpSocket::readyRead, client, [pass, client, server] { pass(server, client); });
        connect(server, &QTcpSocket::connected, server, [pass, client, server] { pass(client, server); });
        auto close = [client, server] {
            client->disconnectFromHost();
            server->disconnectFromHost();
            client->deleteLater();
            server->deleteLater();
        };
        connect(client, &QTcpSocket::disconnected, this, close);
        connect(server, &QTcpSocket::disconnected, this, close);
    }

private:
    quint16 m_target;
    double m_drop, m_stall;
    int m_connections = 0;
};

// Hostile clients as a misbehaving device at a checkpoint would be: `idle` TCP
// connections that never send a byte and `slow` TLS connections that send a request one byte a
// second. Each reconnects half a second after the server closes it, so the flood holds for as
// long as it runs. 120 of the idle ones come from one address (127.0.0.2, over the server's
// per-address cap), the rest from four others; the slow ones from 127.0.0.7. The real kiosks
// connect from 127.0.0.1. Counts what the server closed.
class HostileFlood : public QObject
{
public:
    HostileFlood(quint16 port, int idle, int slow) : m_port(port)
    {
        for (int i = 0; i < idle; ++i)
            m_idle.append(QHostAddress(i < 120 ? QStringLiteral("127.0.0.2") : QStringLiteral("127.0.0.%1").arg(3 + i % 4)));
        m_slow = slow;
    }
    ~HostileFlood() override { stop(); }
    int idleClosedByServer = 0, slowClosedByServer = 0, slowBytesSent = 0, open = 0, peakOpen = 0;

    void start()
    {
        for (const QHostAddress &from : std::as_const(m_idle))
            connectIdle(from);
        for (int i = 0; i < m_slow; ++i)
            connectSlow();
    }
    void stop()
    {
        m_stopping = true;
        const auto sockets = findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly);
        for (QTcpSocket *s : sockets)
            s->abort();
        qDeleteAll(sockets);
    }

private:
    void opened()
    {
        peakOpen = qMax(peakOpen, ++open);
    }
    void again(std::function<void()> reconnect)
    {
        if (!m_stopping)
            QTimer::singleShot(500, this, std::move(reconnect));
    }
    void connectIdle(const QHostAddress &from)
    {
        auto *s = new QTcpSocket(this);
        s->bind(from);
        connect(s, &QTcpSocket::connected, this, &HostileFlood::opened);
        connect(s, &QTcpSocket::disconnected, this, [this, s, from] {
            if (m_stopping)
                return;
            --open;
            ++idleClosedByServer;
            s->deleteLater();
            again([this, from] { connectIdle(from); });
        });
        connect(s, &QTcpSocket::errorOccurred, this, [this, s, from](QAbstractSocket::SocketError e) {
            if (m_stopping || e == QAbstractSocket::RemoteHostClosedError || s->state() != QAbstractSocket::UnconnectedState)
                return; // a close is counted by disconnected
            s->deleteLater();
            again([this, from] { connectIdle(from); });
        });
        s->connectToHost(QHostAddress::LocalHost, m_port);
    }
    void connectSlow()
    {
        auto *s = new QSslSocket(this);
        s->bind(QHostAddress(QStringLiteral("127.0.0.7")));
        s->setPeerVerifyMode(QSslSocket::VerifyNone); // a hostile client does not care
        auto *drip = new QTimer(s);
        drip->setInterval(1000);
        auto sent = std::make_shared<qsizetype>(0);
        connect(drip, &QTimer::timeout, s, [this, s, sent] {
            static const QByteArray request = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                              "Content-Length: 100000\r\n\r\n" + QByteArray(100000, '{');
            if (*sent < request.size()) {
                s->write(request.mid((*sent)++, 1));
                ++slowBytesSent;
            }
        });
        connect(s, &QSslSocket::encrypted, this, [this, drip] { opened(); drip->start(); });
        connect(s, &QSslSocket::disconnected, this, [this, s, drip] {
            if (m_stopping)
                return;
            if (drip->isActive()) {
                --open;
                ++slowClosedByServer;
            }
            drip->stop();
            s->deleteLater();
            again([this] { connectSlow(); });
        });
        s->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
    }

    quint16 m_port;
    QList<QHostAddress> m_idle;
    int m_slow = 0;
    bool m_stopping = false;
};

} // namespace

class TstSyncFailuresDelivery : public SyncFailuresRig
{
    Q_OBJECT
private slots:
    void recordPrintsVerdictAndEventId();
    void centralDownWhileRecording();
    void centralKilledMidBatch();
    void flakyProxyDeliversExactlyOnce();
    void kioskKilledWhileRecording();
    void hostileClientsDoNotStopRealPushes();
};

void TstSyncFailuresDelivery::recordPrintsVerdictAndEventId()
{
    if (!onlySqlite())
        QSKIP("kiosk-side only: runs on the sqlite row");
    QFile mrz(path(QStringLiteral("doc.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly));
    mrz.write(syntheticMrz(1).toUtf8());
    mrz.close();
    // A watchlist (nobody on it matches): without one every check is WATCHLIST_STALE (REFER).
    const Run imported = run(kioskctl(), {QStringLiteral("import"), QStringLiteral("--db"), path(QStringLiteral("kiosk.db")), QStringLiteral("--kind"),
                                          QStringLiteral("watchlist"), QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/import/watchlist_good.json")});
    QVERIFY2(imported.exitCode == 0, imported.out + imported.err);
    const Run r = run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), m_ini, QStringLiteral("--mrz"), mrz.fileName(),
                                   QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OFF-1"),
                                   QStringLiteral("--date"), QStringLiteral("2026-11-20")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("verdict")).toString(), QStringLiteral("ADMIT"));
    QCOMPARE(o.value(QStringLiteral("sequence")).toInteger(), 1);
    const QString id = o.value(QStringLiteral("eventId")).toString();
    QVERIFY(!id.isEmpty());
    // Crossing, event and outbox entry: all three, linked by the event id.
    const QString db = path(QStringLiteral("kiosk.db"));
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM crossings WHERE event_id = '%1'").arg(id)), 1);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM events e JOIN outbox o ON o.sequence = e.sequence WHERE e.event_id = '%1'").arg(id)), 1);
    const Run bad = run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), m_ini, QStringLiteral("--mrz"), mrz.fileName(),
                                     QStringLiteral("--direction"), QStringLiteral("sideways"), QStringLiteral("--officer"), QStringLiteral("OFF-1")});
    QCOMPARE(bad.exitCode, 2);
}

void TstSyncFailuresDelivery::centralDownWhileRecording()
{
    const QString db = path(QStringLiteral("kiosk.db"));
    recordInProcess(db, path(QStringLiteral("kiosk.key")), 0, 1000);
    // Nobody listens on this port: the round fails, everything stays in the outbox.
    const Run down = syncOnce(m_ini, {QStringLiteral("--timeout"), QStringLiteral("2000")}, 1);
    QCOMPARE(down.exitCode, 1);
    QCOMPARE(down.json().value(QStringLiteral("pending")).toInteger(), 1000);
    QVERIFY(startCentral());
    const Run up = syncOnce(m_ini);
    QVERIFY2(up.exitCode == 0, up.out + up.err);
    QCOMPARE(up.json().value(QStringLiteral("stored")).toInteger(), 1000);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    // `log verify --db` alone: the key comes from the registry the sync pulled.
    const Run verify = run(kioskctl(), {QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--db"), db});
    QVERIFY2(verify.exitCode == 0, verify.out + verify.err);
    QCOMPARE(verify.json().value(QStringLiteral("verified")).toInteger(), 1000);
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), 1000);
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(s.value(QStringLiteral("rejections")).toInteger(), 0);
}

void TstSyncFailuresDelivery::centralKilledMidBatch()
{
    const QString db = path(QStringLiteral("kiosk.db"));
    const int total = 2000;
    recordInProcess(db, path(QStringLiteral("kiosk.key")), 0, total);
    QVERIFY(startCentral());
    QProcess sync;
    sync.start(kioskctl(), {QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--config"), m_ini, QStringLiteral("--central"),
                            QStringLiteral("https://127.0.0.1:%1").arg(m_port), QStringLiteral("--batch"), QStringLiteral("200"),
                            QStringLiteral("--timeout"), QStringLiteral("3000")});
    QVERIFY(sync.waitForStarted());
    // Kill the central side once the kiosk has had some answers, i.e. mid-backlog, with
    // a batch in flight.
    QDeadlineTimer deadline(60000);
    while (!deadline.hasExpired() && kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")) > total - 400)
        QTest::qWait(2);
    killCentral();
    QVERIFY(waitSpinning(sync, 30000));
    const qint64 left = kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox"));
    QVERIFY2(left > 0, "the kill came too late to interrupt the backlog");
    QVERIFY(startCentral()); // same port, same database
    const Run again = syncOnce(m_ini);
    QVERIFY2(again.exitCode == 0, again.out + again.err);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), total); // nothing lost, nothing twice
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(s.value(QStringLiteral("rejections")).toInteger(), 0);
}

void TstSyncFailuresDelivery::flakyProxyDeliversExactlyOnce()
{
    if (!onlySqlite())
        QSKIP("network failure handling: runs on the sqlite row");
    const QString db = path(QStringLiteral("kiosk.db"));
    const int total = 600;
    recordInProcess(db, path(QStringLiteral("kiosk.key")), 0, total);
    QVERIFY(startCentral());
    FlakyProxy proxy(m_port, 0.30, 0.15);
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    int rounds = 0;
    while (kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")) > 0 && rounds < 300) {
        ++rounds;
        (void)syncOnce(m_ini, {QStringLiteral("--batch"), QStringLiteral("50"), QStringLiteral("--timeout"), QStringLiteral("800")}, proxy.serverPort());
    }
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    QVERIFY2(proxy.dropped > 0 && proxy.stalled > 0, "the proxy must actually have dropped and stalled connections");
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), total);
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(s.value(QStringLiteral("rejections")).toInteger(), 0);
    qInfo("flaky proxy: %d rounds, %d dropped, %d stalled, %d forwarded (%d cut half way)", rounds, proxy.dropped, proxy.stalled,
          proxy.forwarded, proxy.cut);
}

void TstSyncFailuresDelivery::kioskKilledWhileRecording()
{
    if (!onlySqlite())
        QSKIP("kiosk-side only: runs on the sqlite row");
    QFile mrz(path(QStringLiteral("doc.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly));
    mrz.write(syntheticMrz(7).toUtf8());
    mrz.close();
    const QString db = path(QStringLiteral("kiosk.db"));
    QStringList acknowledged; // event ids a kiosk printed before it was killed: the officer saw them
    // How long one record takes on this machine now (start-up, policy, key, one transaction):
    // the kills land anywhere inside that.
    qint64 fullRunMs = 1;
    for (int i = 0; i < 3; ++i) {
        QElapsedTimer t;
        t.start();
        const Run r = run(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), m_ini, QStringLiteral("--mrz"), mrz.fileName(),
                                       QStringLiteral("--direction"), i % 2 ? QStringLiteral("exit") : QStringLiteral("entry"),
                                       QStringLiteral("--officer"), QStringLiteral("OFF-9"), QStringLiteral("--date"), QStringLiteral("2026-11-20")});
        QCOMPARE(r.exitCode, 0);
        acknowledged << r.json().value(QStringLiteral("eventId")).toString();
        fullRunMs = std::max(fullRunMs, t.elapsed());
    }
    int killed = 0;
    for (int i = 0; killed < 50 && i < 400; ++i) {
        QProcess p;
        p.start(kioskctl(), {QStringLiteral("record"), QStringLiteral("--config"), m_ini, QStringLiteral("--mrz"), mrz.fileName(),
                             QStringLiteral("--direction"), i % 2 ? QStringLiteral("exit") : QStringLiteral("entry"),
                             QStringLiteral("--officer"), QStringLiteral("OFF-9"), QStringLiteral("--date"), QStringLiteral("2026-11-20")});
        QVERIFY(p.waitForStarted());
        const int delayMs = static_cast<int>(QRandomGenerator::global()->bounded(fullRunMs + 1));
        p.waitForFinished(delayMs);
        if (p.state() != QProcess::NotRunning) {
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
            ++killed;
        }
        p.waitForFinished(5000);
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed()).object();
        if (o.contains(QStringLiteral("eventId")))
            acknowledged << o.value(QStringLiteral("eventId")).toString();
    }
    QCOMPARE(killed, 50);
    // The database opens, the chain verifies, and every acknowledged crossing is there.
    int exitCode = -1;
    const QJsonObject verify = logVerify(m_ini, &exitCode);
    QCOMPARE(exitCode, 0);
    QVERIFY(verify.value(QStringLiteral("ok")).toBool());
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")), 0);
    for (const QString &id : acknowledged)
        QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM events e JOIN outbox o ON o.sequence = e.sequence WHERE e.event_id = '%1'").arg(id)), 1);
    // Every event has its outbox entry and no crossing lacks its event: all-or-nothing.
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM events WHERE sequence NOT IN (SELECT sequence FROM outbox)")), 0);
    QCOMPARE(kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM crossings WHERE event_id NOT IN (SELECT event_id FROM events)")), 0);
    qInfo("kiosk killed %d times; %lld events survive, %lld acknowledged", killed,
          kioskScalar(db, QStringLiteral("SELECT COUNT(*) FROM events")), static_cast<long long>(acknowledged.size()));
}

// 40 idle connections once wedged border-central for good. Now 200 idle and 20
// one-byte-a-second connections are held against `serve` for 30 s while two real kiosks
// record and push (kioskctl sync --once, child processes): every push succeeds during the
// flood and after it, and the server closed the hostile connections itself (deadlines and
// the per-address cap), so the flood never held the service.
void TstSyncFailuresDelivery::hostileClientsDoNotStopRealPushes()
{
    if (!onlySqlite())
        QSKIP("the HTTP layer is the same on both backends: runs on the sqlite row");
    const QString land = enrolLandKiosk();
    QVERIFY(!land.isEmpty());
    QVERIFY(startCentral());
    HostileFlood flood(m_port, 200, 20);
    flood.start();
    struct Kiosk
    {
        QString ini, db, key, id, checkpoint;
        int recorded = 0;
    };
    QList<Kiosk> kiosks{{m_ini, path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), KioskId, QStringLiteral("GYD")},
                        {land, path(QStringLiteral("land.db")), path(QStringLiteral("land.key")), QStringLiteral("KIOSK-KRM-01"), QStringLiteral("KRM")}};
    int pushes = 0;
    QStringList failed;
    // Runs for 30 s of flood: how long, not what is asserted.
    const QDeadlineTimer floodFor(30000);
    while (!floodFor.hasExpired()) {
        Kiosk &k = kiosks[pushes % 2];
        recordInProcess(k.db, k.key, 10000 * (pushes % 2) + k.recorded, 5, k.id, k.checkpoint);
        k.recorded += 5;
        const Run r = syncOnce(k.ini);
        ++pushes;
        if (r.exitCode != 0 || r.json().value(QStringLiteral("stored")).toInteger() != 5)
            failed.append(QStringLiteral("push %1 (%2): exit %3 %4").arg(pushes).arg(k.id).arg(r.exitCode).arg(QString::fromUtf8(r.out + r.err).trimmed()));
    }
    const int idleClosed = flood.idleClosedByServer, slowClosed = flood.slowClosedByServer, peak = flood.peakOpen;
    flood.stop();
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u'\n')));
    QVERIFY2(pushes >= 6, qPrintable(QStringLiteral("only %1 pushes in 30 s").arg(pushes)));
    // The flood was real: at its peak well over a hundred hostile connections were open at
    // once, and the server itself closed every one of them at least once.
    QVERIFY2(peak >= 100, qPrintable(QString::number(peak)));
    QVERIFY2(idleClosed >= 200, qPrintable(QString::number(idleClosed)));
    QVERIFY2(slowClosed >= 20, qPrintable(QString::number(slowClosed)));
    qInfo("hostile flood: %d pushes, all stored; peak %d hostile connections open; the server closed %d idle and %d slow ones", pushes, peak,
          idleClosed, slowClosed);
    // After it: one more push from each kiosk, and exactly once for everything.
    for (Kiosk &k : kiosks) {
        recordInProcess(k.db, k.key, (k.id == KioskId ? 0 : 10000) + k.recorded, 5, k.id, k.checkpoint);
        k.recorded += 5;
        const Run r = syncOnce(k.ini);
        QVERIFY2(r.exitCode == 0, r.out + r.err);
        QCOMPARE(r.json().value(QStringLiteral("stored")).toInteger(), 5);
        QCOMPARE(kioskScalar(k.db, QStringLiteral("SELECT COUNT(*) FROM outbox")), 0);
    }
    const QJsonObject s = stats();
    QCOMPARE(s.value(QStringLiteral("events")).toInteger(), kiosks[0].recorded + kiosks[1].recorded);
    QCOMPARE(s.value(QStringLiteral("gaps")).toInteger(), 0);
    QCOMPARE(s.value(QStringLiteral("rejections")).toInteger(), 0);
}

QTEST_GUILESS_MAIN(TstSyncFailuresDelivery)
#include "tst_syncfailures_delivery.moc"
