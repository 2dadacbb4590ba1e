#include "tests/integration/syncfailuresrig.h"

#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "sync/client/crossingrecorder.h"
#include "tests/support/loopbackcentral.h"
#include "tests/support/sqliteprobe.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

namespace Kiosk::Test {

bool waitSpinning(QProcess &p, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(5);
    return p.state() == QProcess::NotRunning;
}

QJsonObject Run::json() const
{
    return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
}

Run run(const QString &program, const QStringList &args, int timeoutMs)
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

TravelDocument syntheticDocument(int n)
{
    return syntheticPassport(u"RUS", QStringLiteral("C%1").arg(n, 8, 10, QLatin1Char('0')), QStringLiteral("TESTOVA"),
                                   QStringLiteral("ANNA"), QDate(1990, 1, 1), QDate(2035, 1, 1));
}

void SyncFailuresRig::initTestCase_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void SyncFailuresRig::initTestCase()
{
    QVERIFY2(QFile::exists(kioskctl()) && QFile::exists(central()), "kioskctl and border-central must be built");
}

void SyncFailuresRig::init()
{
    QFETCH_GLOBAL(QString, backend);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_centralDb = std::make_unique<Kiosk::Central::Test::ScratchDatabase>(backend);
    if (m_centralDb->url().isEmpty())
        QSKIP("PostgreSQL not available: KIOSK_TEST_PG_URL is not set (scripts/test-services starts it)");
    // A throwaway TLS certificate for 127.0.0.1, made now: no key material is committed.
    const QString cert = makeLoopbackTls(path(QStringLiteral("tls.key")), path(QStringLiteral("ca.pem")));
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

void SyncFailuresRig::cleanup()
{
    killCentral();
    m_centralDb.reset();
    m_dir.reset();
    m_port = 0;
}

bool SyncFailuresRig::onlySqlite()
{
    QFETCH_GLOBAL(QString, backend);
    return backend == QLatin1String("sqlite");
}

void SyncFailuresRig::writeIni(const QString &file, const QString &id, const QString &db, const QString &key, const QString &checkpoint)
{
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("[kiosk]\nid=%1\ncheckpoint=%7\ndatabase=%2\nkey=%3\npolicy=%4\n"
                           "trust=%5\n[central]\nurl=https://127.0.0.1:1\nca=%6\n")
                .arg(id, db, key, path(QStringLiteral("policy.json")), m_authority->anchorPath(), path(QStringLiteral("ca.pem")), checkpoint)
                .toUtf8());
}

bool SyncFailuresRig::startCentral(const QStringList &extra)
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

void SyncFailuresRig::killCentral()
{
    if (m_central && m_central->state() != QProcess::NotRunning) {
        m_central->kill(); // SIGKILL: no clean shutdown, as in a crash
        m_central->waitForFinished(5000);
    }
    m_central.reset();
}

QJsonObject SyncFailuresRig::stats()
{
    const Run r = run(central(), {QStringLiteral("stats"), QStringLiteral("--db"), m_centralDb->url()});
    return QJsonDocument::fromJson(r.out).object();
}

Run SyncFailuresRig::syncOnce(const QString &ini, const QStringList &extra, quint16 port)
{
    return run(kioskctl(), QStringList{QStringLiteral("sync"), QStringLiteral("--once"), QStringLiteral("--config"), ini, QStringLiteral("--central"),
                                       QStringLiteral("https://127.0.0.1:%1").arg(port ? port : m_port)} + extra, 120000);
}

qint64 SyncFailuresRig::kioskScalar(const QString &db, const QString &sql)
{
    return sqliteScalar(db, sql);
}

void SyncFailuresRig::recordInProcess(const QString &dbPath, const QString &keyPath, int from, int count, const QString &kioskId,
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

QJsonObject SyncFailuresRig::logVerify(const QString &ini, int *exitCode)
{
    const Run r = run(kioskctl(), {QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--config"), ini});
    *exitCode = r.exitCode;
    return r.json();
}

QString SyncFailuresRig::enrolLandKiosk()
{
    const QString land = path(QStringLiteral("land.ini"));
    writeIni(land, QStringLiteral("KIOSK-KRM-01"), path(QStringLiteral("land.db")), path(QStringLiteral("land.key")), QStringLiteral("KRM"));
    const Run enroll = run(kioskctl(), {QStringLiteral("enroll"), QStringLiteral("--config"), land, QStringLiteral("--id"), QStringLiteral("KIOSK-KRM-01"),
                                        QStringLiteral("--checkpoint"), QStringLiteral("KRM")});
    if (enroll.exitCode != 0)
        return {};
    // Only an enrolled kiosk may read the feed: the land kiosk is registered too.
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

} // namespace Kiosk::Test
