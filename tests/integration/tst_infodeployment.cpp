// The information screen is a public screen (border-kiosk --role info from kiosk.ini, built
// in process from app/kiosk/deployment.cpp): it holds no signing key, no recorder, no outbox
// writer and no sync client, and reads the kiosk's database through a read-only handle.
//  - it starts with no [kiosk] key at all, and with a key setting naming a file that is not
//    there (so the key is never read), where the console refuses both;
//  - it does not start a sync client even with a central service configured;
//  - it judges a traveller under the signed policy (it reads policy and reference data);
//  - it cannot write: recording is refused, and writes through its Database handle fail with
//    SQLite's read-only error, leaving the database as it was;
//  - it still checks the enrolled identity (id and checkpoint), and never creates a database.
// The kiosk is enrolled by the real `kioskctl enroll` (a child process), as in the field.
#include "app/core/clock.h"
#include "app/kiosk/deployment.h"
#include "app/store/database.h"
#include "tests/support/loopbackcentral.h"
#include "tests/support/policyauthority.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

namespace {

// A synthetic RUS national (visa-free in the shipped policy); ICAO 9303-3 check digits.
const QString kMrz = QStringLiteral("P<RUSTRUSTOVA<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                    "T710000429RUS9001011F3501014<<<<<<<<<<<<<<08\n");

} // namespace

class TestInfoDeployment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startsWithoutAKey_data();
    void startsWithoutAKey();
    void cannotWrite();
    void identityIsStillChecked_data();
    void identityIsStillChecked();
    void neverCreatesADatabase();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    // The information screen's kiosk.ini: `kioskLines` after id, checkpoint, database, trust
    // and policy; a central service configured (the console would sync with it).
    void writeIni(const QString &kioskLines, const QString &id = QStringLiteral("KIOSK-GYD-01"),
                  const QString &checkpoint = QStringLiteral("GYD"), const QString &database = {});
    [[nodiscard]] Result<std::unique_ptr<KioskDeployment>> deploy(Session::Role role) const;
    [[nodiscard]] qint64 count(const QString &table) const;

    QTemporaryDir m_dir;
    const FixedClock m_clock{QDateTime(QDate(2026, 11, 20), QTime(10, 0), QTimeZone(4 * 3600))};
};

void TestInfoDeployment::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("inbox")));
    auto authority = Test::PolicyAuthority::create(path(QStringLiteral("anchor.pem")));
    QVERIFY(authority.has_value());
    QVERIFY(authority->writeSigned(path(QStringLiteral("policy.json")), Test::PolicyAuthority::shippedPolicy(QDate(2026, 11, 1))).has_value());
    const QString tls = Test::makeLoopbackTls(path(QStringLiteral("central.key")), path(QStringLiteral("central.pem")));
    QVERIFY2(tls.isEmpty(), qPrintable(tls));
    // The console's enrolment makes the database and the key; the information screen gets a
    // kiosk.ini of its own.
    QProcess enroll;
    enroll.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("enroll"), QStringLiteral("--config"), path(QStringLiteral("console.ini")),
                                                 QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"),
                                                 QStringLiteral("--db"), path(QStringLiteral("kiosk.db")), QStringLiteral("--key"), path(QStringLiteral("kiosk.key")),
                                                 QStringLiteral("--trust"), path(QStringLiteral("anchor.pem")), QStringLiteral("--policy"), path(QStringLiteral("policy.json"))});
    QVERIFY(enroll.waitForFinished(60000));
    QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());
    QVERIFY(QFileInfo::exists(path(QStringLiteral("kiosk.db"))));
    // One crossing recorded at the console, for the information screen to leave alone.
    QFile mrz(path(QStringLiteral("traveller.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly) && mrz.write(kMrz.toUtf8()) > 0);
    mrz.close();
    QProcess record;
    record.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("record"), QStringLiteral("--config"), path(QStringLiteral("console.ini")),
                                                 QStringLiteral("--mrz"), mrz.fileName(), QStringLiteral("--direction"), QStringLiteral("entry"),
                                                 QStringLiteral("--officer"), QStringLiteral("OF-1001"), QStringLiteral("--date"), QStringLiteral("2026-11-20")});
    QVERIFY(record.waitForFinished(60000));
    QVERIFY2(record.exitCode() == 0, record.readAllStandardError().constData());
}

void TestInfoDeployment::writeIni(const QString &kioskLines, const QString &id, const QString &checkpoint, const QString &database)
{
    QFile f(path(QStringLiteral("info.ini")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral("[kiosk]\nid=%1\ncheckpoint=%2\ndatabase=%3\ntrust=%4\npolicy=%5\n%6"
                           "[central]\nurl=https://127.0.0.1:9\nca=%7\n"
                           "[sources]\nenabled=folder\nfolder/path=%8\n")
                .arg(id, checkpoint, database.isEmpty() ? path(QStringLiteral("kiosk.db")) : database, path(QStringLiteral("anchor.pem")),
                     path(QStringLiteral("policy.json")), kioskLines, path(QStringLiteral("central.pem")), path(QStringLiteral("inbox")))
                .toUtf8());
}

Result<std::unique_ptr<KioskDeployment>> TestInfoDeployment::deploy(Session::Role role) const
{
    DeploymentOptions options;
    options.configPath = path(QStringLiteral("info.ini"));
    options.role = role;
    return KioskDeployment::create(m_clock, options);
}

qint64 TestInfoDeployment::count(const QString &table) const
{
    Store::Database::Options ro;
    ro.readOnly = true;
    auto db = Store::Database::open(path(QStringLiteral("kiosk.db")), ro);
    if (!db)
        return -1;
    auto q = db->exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    return q && (*q)->next() ? (*q)->value(0).toLongLong() : -1;
}

void TestInfoDeployment::startsWithoutAKey_data()
{
    QTest::addColumn<QString>("kioskLines");
    QTest::newRow("no key setting") << QString();
    QTest::newRow("key setting naming no file: never read") << QStringLiteral("key=%1\n").arg(path(QStringLiteral("no-such-key.pem")));
}

void TestInfoDeployment::startsWithoutAKey()
{
    QFETCH(QString, kioskLines);
    writeIni(kioskLines);
    {
        auto console = deploy(Session::Role::Console);
        QVERIFY2(!console.has_value(), "the console must not start without its signing key");
    }
    auto info = deploy(Session::Role::Info);
    QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().code + QStringLiteral(": ") + info.error().message));
    QVERIFY(!(*info)->hasRecorder());
    QVERIFY2(!(*info)->hasSyncClient(), "a central service is configured, yet the information screen must not sync");
    QVERIFY((*info)->database().isReadOnly());

    // It reads the policy and the reference data: the traveller is judged.
    Session::CheckpointSession *session = (*info)->session();
    QCOMPARE(session->role(), Session::Role::Info);
    auto read = session->submitMrz(kMrz, Session::InputKind::Reader, QStringLiteral("test"));
    QVERIFY2(read.has_value(), qPrintable(read ? QString() : read.error().message));
    QVERIFY(session->currentCase());
    QVERIFY(session->currentCase()->evaluated);
    QVERIFY(!session->currentCase()->policyVersion.isEmpty());
}

void TestInfoDeployment::cannotWrite()
{
    writeIni(QString());
    const qint64 events = count(QStringLiteral("events")), crossings = count(QStringLiteral("crossings")), outbox = count(QStringLiteral("outbox"));
    QVERIFY(events > 0 && outbox > 0 && crossings >= 0);
    QFile file(path(QStringLiteral("kiosk.db")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    {
        auto info = deploy(Session::Role::Info);
        QVERIFY2(info.has_value(), qPrintable(info ? QString() : info.error().message));
        Session::CheckpointSession *session = (*info)->session();
        QVERIFY(session->submitMrz(kMrz, Session::InputKind::Reader, QStringLiteral("test")).has_value());
        QVERIFY2(!session->recordCrossing(Direction::Entry).has_value(), "the information screen recorded a crossing");

        // The handle itself refuses: a crossing deleted, an outbox entry forged, a chain cut.
        Store::Database &db = (*info)->database();
        for (const QString &sql : {QStringLiteral("DELETE FROM crossings"), QStringLiteral("DELETE FROM events"),
                                   QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('forged', 'yes')")}) {
            auto write = db.exec(sql);
            QVERIFY2(!write.has_value(), qPrintable(sql));
            QCOMPARE(write.error().code, QStringLiteral("STORE_QUERY_FAILED"));
            QVERIFY2(write.error().message.contains(QLatin1String("attempt to write a readonly database")), qPrintable(write.error().message));
        }
    }
    QCOMPARE(count(QStringLiteral("events")), events);
    QCOMPARE(count(QStringLiteral("crossings")), crossings);
    QCOMPARE(count(QStringLiteral("outbox")), outbox);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(file.readAll() == before, "the database file changed under the information screen");
}

void TestInfoDeployment::identityIsStillChecked_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("checkpoint");
    QTest::newRow("INI copied from another kiosk (id)") << "KIOSK-GYD-07" << "GYD";
    QTest::newRow("INI edited to another checkpoint") << "KIOSK-GYD-01" << "NAJ";
}

void TestInfoDeployment::identityIsStillChecked()
{
    QFETCH(QString, id);
    QFETCH(QString, checkpoint);
    writeIni(QString(), id, checkpoint);
    auto info = deploy(Session::Role::Info);
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().code, QStringLiteral("KIOSK_IDENTITY_MISMATCH"));
    QVERIFY2(info.error().message.contains(id) && info.error().message.contains(checkpoint), qPrintable(info.error().message));
}

void TestInfoDeployment::neverCreatesADatabase()
{
    const QString missing = path(QStringLiteral("not-enrolled.db"));
    writeIni(QString(), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("GYD"), missing);
    auto info = deploy(Session::Role::Info);
    QVERIFY(!info.has_value());
    QCOMPARE(info.error().code, QStringLiteral("STORE_NOT_FOUND"));
    QVERIFY(!QFileInfo::exists(missing));
}

QTEST_GUILESS_MAIN(TestInfoDeployment)
#include "tst_infodeployment.moc"
