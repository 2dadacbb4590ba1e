// Issue 4 §5 with real processes on loopback: border-central and kioskctl are started as
// child processes (TLS with a throwaway CA made by the OpenSSL CLI at test time), killed,
// restarted, and put behind a proxy that drops and stalls connections. The promise checked
// every time: every recorded crossing reaches the central side exactly once, nothing is
// lost, and tampering is found.
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "scanner/mrz/checkdigit.h"
#include "sync/client/chaintail.h"
#include "sync/client/crossingrecorder.h"
#include "tests/support/loopbackcentral.h"
#include "tests/support/policyauthority.h"
#include "tests/support/sqliteprobe.h"
#include "tests/unit/central/centraltestdb.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QEventLoop>
#include <QUrlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QNetworkReply>
#include <QNetworkAccessManager>
#include "sync/eventlog/requestsignature.h"
#include <QTimer>
#include <QMutex>

#include <csignal>

using namespace Kiosk;

namespace {

const QString KioskId = QStringLiteral("KIOSK-GYD-01");

// Waits for a child while the test's event loop runs (the proxy lives in it).
bool waitSpinning(QProcess &p, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(5);
    return p.state() == QProcess::NotRunning;
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object(); }
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(5000) || !waitSpinning(p, timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        r.err = "timeout or failed to start: " + program.toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using Test::syntheticMrz;

TravelDocument syntheticDocument(int n)
{
    return Test::syntheticPassport(u"RUS", QStringLiteral("C%1").arg(n, 8, 10, QLatin1Char('0')), QStringLiteral("TESTOVA"),
                                   QStringLiteral("ANNA"), QDate(1990, 1, 1), QDate(2035, 1, 1));
}

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

// Hostile clients as a misbehaving device at a checkpoint would be (issue 17 §1): `idle` TCP
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

class TstSyncFailures : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase_data();
    void initTestCase();
    void init();
    void cleanup();

    void recordPrintsVerdictAndEventId();
    void centralDownWhileRecording();
    void centralKilledMidBatch();
    void flakyProxyDeliversExactlyOnce();
    void kioskKilledWhileRecording();
    void tamperedLogIsFound_data();
    void tamperedLogIsFound();
    void unenrolledKeyRejected();
    void otherCheckpointsCrossingsArePulled();
    void unverifiedFeedEventIsKeptAndRetried();
    void referenceDataAppliedOnlyIfVerified();
    void referenceListsAppliedAllOrNothing();
    void clientCertificateRequiredWhenConfigured();
    void feedUnreadableWithoutCredentials();
    void revokedKioskRefusedMidRun();
    void restoredBackupCannotReuseASequence();
    void capturedRequestReplayedIsRefused();
    void kioskPushingAnothersEventsIsRefused();
    void hostileClientsDoNotStopRealPushes();
    void lyingCentralLeavesPullStateUntouched_data();
    void lyingCentralLeavesPullStateUntouched();

private:
    // One HTTPS request to the running border-central (the test CA pinned), signed as this
    // kiosk when `credentials` are given; the status and the error code of the answer.
    std::pair<int, QString> rawRequest(const QByteArray &method, const QString &target, const QByteArray &body,
                                       const std::optional<Kiosk::EventLog::RequestCredentials> &credentials);
    [[nodiscard]] Kiosk::EventLog::RequestCredentials signedAs(const QByteArray &method, const QString &target, const QByteArray &body,
                                                               const QDateTime &at, const QString &keyFile = {}, const QString &kioskId = {});
    bool onlySqlite();
    QString kioskctl() const { return QStringLiteral(KIOSKCTL_PATH); }
    QString central() const { return QStringLiteral(CENTRAL_PATH); }
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void writeIni(const QString &file, const QString &id, const QString &db, const QString &key, const QString &checkpoint = QStringLiteral("GYD"));
    bool startCentral(const QStringList &extra = {});
    void killCentral();
    QJsonObject stats();
    Run syncOnce(const QString &ini, const QStringList &extra = {}, quint16 port = 0);
    qint64 kioskScalar(const QString &db, const QString &sql);
    // `border-central reference publish` of `body`, signed with this test's policy key over
    // `signedBytes` (they differ only to forge); the exit status.
    int publishSigned(const QString &kind, int version, const QByteArray &body, const QByteArray &signedBytes);
    void recordInProcess(const QString &db, const QString &key, int from, int count, const QString &kioskId = KioskId,
                         const QString &checkpoint = QStringLiteral("GYD"));
    // KIOSK-KRM-01 at the land border, enrolled here and at the central side; its INI, or empty.
    QString enrolLandKiosk();
    QJsonObject logVerify(const QString &ini, int *exitCode);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Kiosk::Central::Test::ScratchDatabase> m_centralDb;
    std::unique_ptr<QProcess> m_central;
    quint16 m_port = 0;
    QString m_ini;
    // The kiosks' policy signing authority: a key made for the test (record and sync refuse
    // the development key), the shipped policy signed by it as policy.json.
    std::optional<Kiosk::Test::PolicyAuthority> m_authority;
};

void TstSyncFailures::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void TstSyncFailures::initTestCase()
{
    QVERIFY2(QFile::exists(kioskctl()) && QFile::exists(central()), "kioskctl and border-central must be built");
}

void TstSyncFailures::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_centralDb = std::make_unique<Kiosk::Central::Test::ScratchDatabase>(backend);
    if (m_centralDb->url().isEmpty())
        QSKIP("PostgreSQL not available: KIOSK_TEST_PG_URL is not set (scripts/test-services starts it)");
    // A throwaway TLS certificate for 127.0.0.1, made now: no key material is committed.
    const QString cert = Test::makeLoopbackTls(path(QStringLiteral("tls.key")), path(QStringLiteral("ca.pem")));
    QVERIFY2(cert.isEmpty(), qPrintable(cert));
    auto authority = Kiosk::Test::PolicyAuthority::create(path(QStringLiteral("policy-anchor.pem")));
    QVERIFY2(authority, qPrintable(authority ? QString() : authority.error().message));
    m_authority.emplace(std::move(*authority));
    QVERIFY(m_authority->writeSigned(path(QStringLiteral("policy.json")), Kiosk::Test::PolicyAuthority::shippedPolicy(QDate(2026, 11, 1))));
    m_ini = path(QStringLiteral("kiosk.ini"));
    writeIni(m_ini, KioskId, path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")));
    const Run enroll = run(kioskctl(), {QStringLiteral("enroll"), QStringLiteral("--config"), m_ini, QStringLiteral("--id"), KioskId,
                                        QStringLiteral("--checkpoint"), QStringLiteral("GYD")});
    QVERIFY2(enroll.exitCode == 0, enroll.err.constData());
    QVERIFY(enroll.out.startsWith("-----BEGIN PUBLIC KEY-----"));
    QFile pub(path(QStringLiteral("kiosk.pub.pem")));
    QVERIFY(pub.open(QIODevice::WriteOnly));
    pub.write(enroll.out);
    pub.close();
    QCOMPARE(QFile::permissions(path(QStringLiteral("kiosk.key"))) & 0x0077, QFile::Permissions()); // 0600: nobody else reads it
    const Run add = run(central(), {QStringLiteral("kiosk"), QStringLiteral("add"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--id"), KioskId,
                                    QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--public-key"), pub.fileName()});
    QVERIFY2(add.exitCode == 0, add.err.constData());
}

void TstSyncFailures::cleanup()
{
    killCentral();
    m_centralDb.reset();
    m_dir.reset();
    m_port = 0;
}

bool TstSyncFailures::onlySqlite()
{
    QFETCH_GLOBAL(QString, backend);
    return backend == QLatin1String("sqlite");
}

void TstSyncFailures::writeIni(const QString &file, const QString &id, const QString &db, const QString &key, const QString &checkpoint)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("[kiosk]\nid=%1\ncheckpoint=%7\ndatabase=%2\nkey=%3\npolicy=%4\n"
                           "trust=%5\n[central]\nurl=https://127.0.0.1:1\nca=%6\n")
                .arg(id, db, key, path(QStringLiteral("policy.json")), m_authority->anchorPath(), path(QStringLiteral("ca.pem")), checkpoint)
                .toUtf8());
}

bool TstSyncFailures::startCentral(const QStringList &extra)
{
    m_central = std::make_unique<QProcess>();
    m_central->start(central(), QStringList{QStringLiteral("serve"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--listen"),
                                            QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--tls-cert"), path(QStringLiteral("ca.pem")),
                                            QStringLiteral("--tls-key"), path(QStringLiteral("tls.key"))} + extra);
    QDeadlineTimer deadline(10000);
    QByteArray out;
    while (!deadline.hasExpired() && m_central->state() != QProcess::NotRunning) {
        m_central->waitForReadyRead(50);
        out += m_central->readAllStandardOutput();
        const qsizetype at = out.indexOf("listening on ");
        if (at >= 0 && out.indexOf('\n', at) > 0) {
            const QByteArray line = out.mid(at, out.indexOf('\n', at) - at);
            m_port = static_cast<quint16>(line.mid(line.lastIndexOf(':') + 1).toUInt());
            return true;
        }
    }
    qWarning("border-central did not start: %s", m_central->readAllStandardError().constData());
    return false;
}

void TstSyncFailures::killCentral()
{
    if (m_central && m_central->state() != QProcess::NotRunning) {
        m_central->kill(); // SIGKILL: no clean shutdown, as in a crash
        m_central->waitForFinished(5000);
    }
    m_central.reset();
}

QJsonObject TstSyncFailures::stats()
{
    const Run r = run(central(), {QStringLiteral("stats"), QStringLiteral("--db"), m_centralDb->url()});
    return QJsonDocument::fromJson(r.out).object();
}

Run TstSyncFailures::syncOnce(const QString &ini, const QStringList &extra, quint16 port)
{
    return run(kioskctl(), QStringList{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--config"), ini, QStringLiteral("--central"),
                                       QStringLiteral("https://127.0.0.1:%1").arg(port ? port : m_port)} + extra, 120000);
}

qint64 TstSyncFailures::kioskScalar(const QString &db, const QString &sql)
{
    return Test::sqliteScalar(db, sql);
}

void TstSyncFailures::recordInProcess(const QString &dbPath, const QString &keyPath, int from, int count, const QString &kioskId,
                                      const QString &checkpoint)
{
    auto db = Store::Database::open(dbPath);
    QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
    auto key = Crypto::Ed25519PrivateKey::fromFile(keyPath);
    QVERIFY(key);
    const EventLog::EventSigner signer(std::move(*key));
    Sync::CrossingRecorder recorder(*db, signer, kioskId, checkpoint);
    recorder.keepChainFilesBeside(keyPath); // as the deployed kiosk keeps it
    const QDateTime at(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(4 * 3600));
    for (int i = from; i < from + count; ++i) {
        // Bulk load: each traveller's entry as the console records an ADMIT (the verdict
        // itself is the rules' business and is exercised by recordPrintsVerdictAndEventId).
        auto r = recorder.record(Sync::Decision{syntheticDocument(i), Direction::Entry, at.addSecs(i), QStringLiteral("OFF-7"),
                                                VerdictKind::Admit, {QStringLiteral("VISA_FREE")}, QStringLiteral("2026.1"), false, {}});
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    }
}

int TstSyncFailures::publishSigned(const QString &kind, int version, const QByteArray &body, const QByteArray &signedBytes)
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

QJsonObject TstSyncFailures::logVerify(const QString &ini, int *exitCode)
{
    const Run r = run(kioskctl(), {QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--config"), ini});
    *exitCode = r.exitCode;
    return r.json();
}

void TstSyncFailures::recordPrintsVerdictAndEventId()
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

void TstSyncFailures::centralDownWhileRecording()
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

void TstSyncFailures::centralKilledMidBatch()
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

void TstSyncFailures::flakyProxyDeliversExactlyOnce()
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

void TstSyncFailures::kioskKilledWhileRecording()
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

void TstSyncFailures::tamperedLogIsFound_data()
{
    QTest::addColumn<QString>("attack");
    QTest::addColumn<QString>("verifyCode");
    QTest::addColumn<QString>("centralSees");
    QTest::newRow("edit: verdict changed in the stored bytes") << "edit" << "EVENT_SIGNATURE_INVALID" << "BAD_SIGNATURE";
    QTest::newRow("delete: event 3 removed") << "delete" << "EVENT_SEQUENCE_GAP" << "gap";
    QTest::newRow("reorder: events 3 and 4 swapped") << "reorder" << "EVENT_SEQUENCE_GAP" << "nothing-new";
    QTest::newRow("replay: event 2 stored again as 6") << "replay" << "EVENT_SEQUENCE_OUT_OF_ORDER" << "duplicate";
}

void TstSyncFailures::tamperedLogIsFound()
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

void TstSyncFailures::unenrolledKeyRejected()
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
    // Every request is authenticated (issue 12 §4): neither gets past the door, so the round
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

QString TstSyncFailures::enrolLandKiosk()
{
    const QString land = path(QStringLiteral("land.ini"));
    writeIni(land, QStringLiteral("KIOSK-KRM-01"), path(QStringLiteral("land.db")), path(QStringLiteral("land.key")), QStringLiteral("KRM"));
    const Run enroll = run(kioskctl(), {QStringLiteral("enroll"), QStringLiteral("--config"), land, QStringLiteral("--id"), QStringLiteral("KIOSK-KRM-01"),
                                        QStringLiteral("--checkpoint"), QStringLiteral("KRM")});
    if (enroll.exitCode != 0)
        return {};
    // Only an enrolled kiosk may read the feed (issue 12 §4): the land kiosk is registered too.
    QFile landKey(path(QStringLiteral("land.pub.pem")));
    if (!landKey.open(QIODevice::WriteOnly))
        return {};
    landKey.write(enroll.out);
    landKey.close();
    const Run add = run(central(), {QStringLiteral("kiosk"), QStringLiteral("add"), QStringLiteral("--db"), m_centralDb->url(), QStringLiteral("--id"),
                                    QStringLiteral("KIOSK-KRM-01"), QStringLiteral("--checkpoint"), QStringLiteral("KRM"), QStringLiteral("--public-key"),
                                    landKey.fileName()});
    return add.exitCode == 0 ? land : QString();
}

void TstSyncFailures::otherCheckpointsCrossingsArePulled()
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

// Issue 17 §1: a feed event that does not verify is kept aside, counted in sync --status and
// retried every round, never skipped for good behind the cursor. Here the central copy of an
// airport event is damaged (its bytes no longer match the signature), then repaired.
void TstSyncFailures::unverifiedFeedEventIsKeptAndRetried()
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

void TstSyncFailures::referenceDataAppliedOnlyIfVerified()
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

void TstSyncFailures::clientCertificateRequiredWhenConfigured()
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

// Watchlist (and permits) pulled like the policy (issue 4 §3): signed by the central side,
// applied through the importer in one transaction only when the signature verifies and every
// row is good; a newer watchlist version replaces the list; an older one is ignored.
void TstSyncFailures::referenceListsAppliedAllOrNothing()
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


std::pair<int, QString> TstSyncFailures::rawRequest(const QByteArray &method, const QString &target, const QByteArray &body,
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

Kiosk::EventLog::RequestCredentials TstSyncFailures::signedAs(const QByteArray &method, const QString &target, const QByteArray &body, const QDateTime &at,
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

// Issue 12 §4: the feed carries every checkpoint's travellers; nobody reads it without a key.
void TstSyncFailures::feedUnreadableWithoutCredentials()
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

void TstSyncFailures::revokedKioskRefusedMidRun()
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

// Issue 18 §2: the database and its chain tail restored together from a copy older than what
// the central side holds verify locally; the next sync round learns the central head, pushes
// nothing, and from then on `record` refuses to sign the sequence the central side already has
// and `log verify` says why.
void TstSyncFailures::restoredBackupCannotReuseASequence()
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

void TstSyncFailures::capturedRequestReplayedIsRefused()
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

// Issue 12 §4: an enrolled, authenticated kiosk (KIOSK-GYD-09) sends KIOSK-GYD-01's events, as a
// compromised kiosk relaying another's captured traffic would: every event is rejected
// WRONG_KIOSK and nothing is stored; the owner's own push then stores them.
void TstSyncFailures::kioskPushingAnothersEventsIsRefused()
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

// Issue 17 §1: 40 idle connections once wedged border-central for good. Now 200 idle and 20
// one-byte-a-second connections are held against `serve` for 30 s while two real kiosks
// record and push (kioskctl sync --once, child processes): every push succeeds during the
// flood and after it, and the server closed the hostile connections itself (deadlines and
// the per-address cap), so the flood never held the service.
void TstSyncFailures::hostileClientsDoNotStopRealPushes()
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

void TstSyncFailures::lyingCentralLeavesPullStateUntouched_data()
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

// Issue 17 §1: a central side that answers garbage, truncated JSON, wrong types, events out of
// order or of an unknown kiosk changes nothing of the kiosk's pull state (registry, feed
// cursor, pulled crossings); the round fails SYNC_PROTOCOL naming the element, sync --status
// carries it in lastError, and the next honest round brings everything.
void TstSyncFailures::lyingCentralLeavesPullStateUntouched()
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

QTEST_GUILESS_MAIN(TstSyncFailures)
#include "tst_syncfailures.moc"
