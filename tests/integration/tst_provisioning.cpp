// Provisioning a kiosk (kioskctl enroll, README.md), with the real kioskctl as a child
// process on a fresh HOME with no kiosk.ini: `enroll --id --checkpoint` alone makes the key,
// the database and the configuration, after which record, log verify and sync --status need
// nothing else; the identity in the database stops a copied INI or a swapped key; `config
// check` names each problem; `operator add` / `operator staff-pin` store 600,000-iteration
// hashes that the operator directory and kiosk.ini's [info] then carry.
#include "app/crypto/passwordhash.h"
#include "app/session/operatordirectory.h"
#include "app/core/kioskconfig.h"
#include "tests/support/commandrun.h"
#include "tests/support/policyauthority.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Kiosk;

namespace {

// A synthetic traveller (ICAO 9303-3 check digits), valid for years.
const QByteArray kMrz = "P<RUSTRUSTOVA<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<\n"
                        "T710000429RUS9001011F3501014<<<<<<<<<<<<<<08\n";

using Run = Test::CommandRun;

unsigned modeOf(const QString &path)
{
    struct stat st{};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 0777) : 0xFFFF;
}

} // namespace

class TestProvisioning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void contractOnFreshMachine();
    void privateWhateverTheUmask();
    void enrollRefusesAnEnrolledKiosk();
    void identityMismatchIsAnError_data();
    void identityMismatchIsAnError();
    void enrollEditsTheShippedIniInPlace();
    void configCheck_data();
    void configCheck();
    void operatorAdd();
    void staffPinGoesToKioskIni();

private:
    Run kioskctl(const QStringList &args, const QByteArray &input = {}) const;
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] QString defaultIni() const { return path(QStringLiteral("home/.config/border-kiosk/kiosk.ini")); }
    // Enrols KIOSK-GYD-01 with a test anchor and a policy it signed, in its own folder.
    void enrollWithTrust(const QString &folder);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProvisioning::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(path(QStringLiteral("home"))));
    QFile mrz(path(QStringLiteral("traveller.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly));
    mrz.write(kMrz);
}

Run TestProvisioning::kioskctl(const QStringList &args, const QByteArray &input) const
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // A fresh machine: a new HOME, no kiosk.ini anywhere the program looks.
    env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
    env.remove(QStringLiteral("XDG_CONFIG_HOME"));
    env.remove(QStringLiteral("KIOSK_CONFIG"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(m_dir->path());
    p.start(QStringLiteral(KIOSKCTL_PATH), args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return Run{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestProvisioning::enrollWithTrust(const QString &folder)
{
    QVERIFY(QDir().mkpath(folder));
    // As the packages make /var/lib/border-kiosk: its owner's only.
    QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    auto authority = Test::PolicyAuthority::create(folder + QStringLiteral("/agency.pub.pem"));
    QVERIFY(authority.has_value());
    QVERIFY(authority->writeSigned(folder + QStringLiteral("/policy.json"), Test::PolicyAuthority::shippedPolicy(QDate::currentDate())));
    const Run e = kioskctl({QStringLiteral("enroll"), QStringLiteral("--config"), folder + QStringLiteral("/kiosk.ini"), QStringLiteral("--id"),
                            QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--trust"),
                            folder + QStringLiteral("/agency.pub.pem"), QStringLiteral("--policy"), folder + QStringLiteral("/policy.json")});
    QVERIFY2(e.exitCode == 0, e.err.constData());
}

// The provisioning contract, word for word: enroll --id --checkpoint, then record --db.
void TestProvisioning::contractOnFreshMachine()
{
    const Run e = kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")});
    QVERIFY2(e.exitCode == 0, e.err.constData());
    QVERIFY(e.out.startsWith("-----BEGIN PUBLIC KEY-----"));
    auto config = KioskConfig::load(defaultIni());
    QVERIFY2(config.has_value(), "enroll wrote no kiosk.ini at the default place");
    QCOMPARE(config->kioskId, QStringLiteral("KIOSK-GYD-01"));
    QCOMPARE(config->checkpoint, QStringLiteral("GYD"));
    QVERIFY(QFileInfo::exists(config->keyFile));
    QVERIFY(QFileInfo::exists(config->databasePath));
    QCOMPARE(modeOf(config->keyFile), 0600u);
    QCOMPARE(modeOf(config->databasePath), 0600u);
    QCOMPARE(modeOf(QFileInfo(config->databasePath).absolutePath()), 0700u);

    const Run r = kioskctl({QStringLiteral("record"), QStringLiteral("--db"), config->databasePath, QStringLiteral("--mrz"), path(QStringLiteral("traveller.mrz")),
                            QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OF-1001")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.json().value(QStringLiteral("sequence")).toInteger(), 1);
    // Enrolled without --trust: judged under the development key, and said so.
    QVERIFY(r.json().value(QStringLiteral("developmentTrustAnchor")).toBool());
    QVERIFY(r.err.contains("TRUST_ANCHOR_DEVELOPMENT"));

    const Run v = kioskctl({QStringLiteral("log"), QStringLiteral("verify")});
    QVERIFY2(v.exitCode == 0, v.err.constData());
    QCOMPARE(v.json().value(QStringLiteral("verified")).toInteger(), 1);
    const Run s = kioskctl({QStringLiteral("sync"), QStringLiteral("--status")});
    QVERIFY2(s.exitCode == 0, s.err.constData());
    QCOMPARE(s.json().value(QStringLiteral("pending")).toInteger(), 1);
    QCOMPARE(s.json().value(QStringLiteral("online")).toBool(true), false);
    // No central service given at enrolment: sync --once says so, and keeps the queue.
    const Run once = kioskctl({QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(once.exitCode, 1);
    QCOMPARE(once.json().value(QStringLiteral("error")).toString(), QStringLiteral("SYNC_NOT_CONFIGURED"));
    QCOMPARE(once.json().value(QStringLiteral("pending")).toInteger(), 1);
}

void TestProvisioning::enrollRefusesAnEnrolledKiosk()
{
    const QStringList args{QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")};
    QCOMPARE(kioskctl(args).exitCode, 0);
    auto config = KioskConfig::load(defaultIni());
    QVERIFY(config.has_value());
    QFile key(config->keyFile);
    QVERIFY(key.open(QIODevice::ReadOnly));
    const QByteArray before = key.readAll();
    const Run again = kioskctl(args);
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("KEY_FILE_EXISTS"));
    key.seek(0);
    QCOMPARE(key.readAll(), before); // the enrolled key is untouched
    // Another id for the same configuration is refused as well, before anything is written.
    const Run other = kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-02"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"),
                                QStringLiteral("--key"), path(QStringLiteral("other.pem"))});
    QCOMPARE(other.exitCode, 1);
    QVERIFY(other.err.contains("KIOSK_IDENTITY_MISMATCH"));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("other.pem"))));
}

void TestProvisioning::identityMismatchIsAnError_data()
{
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("INI copied from another kiosk (id)") << "kiosk" << "id" << "KIOSK-GYD-07";
    QTest::newRow("INI edited to another checkpoint") << "kiosk" << "checkpoint" << "NAJ";
    QTest::newRow("signing key swapped for another kiosk's") << "kiosk" << "key" << "SWAPPED";
}

void TestProvisioning::identityMismatchIsAnError()
{
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QCOMPARE(kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")}).exitCode, 0);
    if (value == u"SWAPPED") {
        // A second kiosk's key, made by enrolling it elsewhere.
        QCOMPARE(kioskctl({QStringLiteral("enroll"), QStringLiteral("--config"), path(QStringLiteral("k2/kiosk.ini")), QStringLiteral("--id"),
                           QStringLiteral("KIOSK-GYD-02"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")}).exitCode, 0);
        value = path(QStringLiteral("k2/kiosk-key.pem"));
    }
    QVERIFY(setIniValues(defaultIni(), {{section, key, value}}).has_value());
    const Run r = kioskctl({QStringLiteral("record"), QStringLiteral("--mrz"), path(QStringLiteral("traveller.mrz")), QStringLiteral("--direction"),
                            QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OF-1001")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("KIOSK_IDENTITY_MISMATCH"), r.err.constData());
    const Run v = kioskctl({QStringLiteral("log"), QStringLiteral("verify")});
    if (key != u"key") { // log verify reads the key but does not sign: only id/checkpoint matter
        QCOMPARE(v.exitCode, 1);
        QVERIFY(v.err.contains("KIOSK_IDENTITY_MISMATCH"));
    }
}

// The package's commented kiosk.ini: enroll fills its placeholders and keeps its explanations.
void TestProvisioning::enrollEditsTheShippedIniInPlace()
{
    const QString ini = path(QStringLiteral("etc/kiosk.ini"));
    QVERIFY(QDir().mkpath(path(QStringLiteral("etc"))));
    QVERIFY(QFile::copy(QStringLiteral(KIOSK_SOURCE_DIR "/resources/deploy/kiosk/kiosk.ini"), ini));
    QFile::setPermissions(ini, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const Run e = kioskctl({QStringLiteral("enroll"), QStringLiteral("--config"), ini, QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"),
                            QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--central"), QStringLiteral("https://central.test:8443")});
    QVERIFY2(e.exitCode == 0, e.err.constData());
    QFile f(ini);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(u"\nid=KIOSK-GYD-01\n"));
    QVERIFY(text.contains(u"\nurl=https://central.test:8443\n"));
    QVERIFY(text.contains(u"; The kiosk's id as registered centrally")); // comments kept
    QVERIFY(!text.contains(u";id=KIOSK-GYD-01"));                       // the placeholder became the value
    QCOMPARE(text.split(u'\n').count(QStringLiteral("[kiosk]")), 1);
    QCOMPARE(modeOf(ini), 0600u); // an existing file keeps its mode
    auto config = KioskConfig::load(ini);
    QVERIFY(config.has_value());
    QCOMPARE(config->centralUrl, QStringLiteral("https://central.test:8443"));
    QCOMPARE(QFileInfo(config->databasePath).absolutePath(), QFileInfo(ini).absolutePath());
}

// A umask of 0000 (a technician's shell, a misconfigured unit) makes no file
// anyone else can read: the folders enroll makes are 0700, the key and the database 0600, and
// so are the database's files after a crossing is recorded.
void TestProvisioning::privateWhateverTheUmask()
{
    const mode_t old = ::umask(0);
    const Run e = kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"),
                            QStringLiteral("--db"), path(QStringLiteral("state/new/kiosk.db"))});
    const Run r = kioskctl({QStringLiteral("record"), QStringLiteral("--db"), path(QStringLiteral("state/new/kiosk.db")), QStringLiteral("--mrz"),
                            path(QStringLiteral("traveller.mrz")), QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"),
                            QStringLiteral("OF-1001")});
    ::umask(old);
    QVERIFY2(e.exitCode == 0, e.err.constData());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    auto config = KioskConfig::load(defaultIni());
    QVERIFY(config.has_value());
    QCOMPARE(modeOf(path(QStringLiteral("state"))), 0700u);
    QCOMPARE(modeOf(path(QStringLiteral("state/new"))), 0700u);
    QCOMPARE(modeOf(path(QStringLiteral("state/new/kiosk.db"))), 0600u);
    QCOMPARE(modeOf(config->keyFile), 0600u);
    QCOMPARE(modeOf(QFileInfo(config->keyFile).absolutePath()), 0700u);
    QCOMPARE(modeOf(QFileInfo(defaultIni()).absolutePath()), 0700u);
    for (const QString &file : QDir(path(QStringLiteral("state/new"))).entryList(QDir::Files))
        QVERIFY2(modeOf(path(QStringLiteral("state/new/")) + file) == 0600u, qPrintable(file));
}

void TestProvisioning::configCheck_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("problem"); // a fragment of the problem named; empty: none
    QTest::newRow("a clean enrolment") << "" << "";
    QTest::newRow("signing key readable by others") << "chmod-key" << "[kiosk] key";
    QTest::newRow("database readable by others") << "chmod-db" << "[kiosk] database";
    QTest::newRow("database writable by its group") << "chmod-db-write" << "kiosk.db has mode 0620, looser than 0600";
    QTest::newRow("chain tail readable by others") << "chmod-tail" << "kiosk-key.tail has mode 0604, looser than 0600";
    QTest::newRow("the kiosk's folder open to others") << "chmod-folder" << "has mode 0755, looser than 0700";
    QTest::newRow("a typo in a key name") << "typo" << "[kiosk] chekpoint: unknown key";
    QTest::newRow("the development anchor") << "dev-anchor" << "development key";
    QTest::newRow("a staff PIN hash under 600,000 iterations") << "weak-pin" << "[info] staff_pin_hash";
    QTest::newRow("a policy file that is not there") << "no-policy" << "[kiosk] policy";
    QTest::newRow("central over plain HTTP") << "http" << "[central] url";
}

void TestProvisioning::configCheck()
{
    QFETCH(QString, damage);
    QFETCH(QString, problem);
    const QString folder = path(QStringLiteral("kiosk"));
    enrollWithTrust(folder);
    const QString ini = folder + QStringLiteral("/kiosk.ini");
    if (damage == u"chmod-key")
        QFile::setPermissions(folder + QStringLiteral("/kiosk-key.pem"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    else if (damage == u"chmod-db")
        QFile::setPermissions(folder + QStringLiteral("/kiosk.db"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    else if (damage == u"chmod-db-write")
        QFile::setPermissions(folder + QStringLiteral("/kiosk.db"), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::WriteGroup);
    else if (damage == u"chmod-tail") {
        QFile tail(folder + QStringLiteral("/kiosk-key.tail"));
        QVERIFY(tail.open(QIODevice::WriteOnly) && tail.write("{}\n") > 0);
        tail.close();
        QFile::setPermissions(tail.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther);
    } else if (damage == u"chmod-folder")
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                                          | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    else if (damage == u"typo")
        QVERIFY(setIniValues(ini, {{QStringLiteral("kiosk"), QStringLiteral("chekpoint"), QStringLiteral("GYD")}}).has_value());
    else if (damage == u"dev-anchor")
        QVERIFY(setIniValues(ini, {{QStringLiteral("kiosk"), QStringLiteral("trust"), QStringLiteral(KIOSK_SOURCE_DIR "/resources/trust/policy-dev.pub.pem")}}).has_value());
    else if (damage == u"weak-pin")
        QVERIFY(setIniValues(ini, {{QStringLiteral("info"), QStringLiteral("staff_pin_hash"),
                                          *Crypto::hashPassword(u"246813", {Crypto::kTestPbkdf2Iterations, 16})}}).has_value());
    else if (damage == u"no-policy")
        QVERIFY(setIniValues(ini, {{QStringLiteral("kiosk"), QStringLiteral("policy"), folder + QStringLiteral("/missing.json")}}).has_value());
    else if (damage == u"http")
        QVERIFY(setIniValues(ini, {{QStringLiteral("central"), QStringLiteral("url"), QStringLiteral("http://central.test:8080")}}).has_value());

    const Run c = kioskctl({QStringLiteral("config"), QStringLiteral("check"), QStringLiteral("--config"), ini});
    const QJsonObject out = c.json();
    QVERIFY2(out.value(QStringLiteral("trustAnchorFingerprint")).toString().size() == 64, c.out.constData());
    if (problem.isEmpty()) {
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(out.value(QStringLiteral("ok")).toBool());
        return;
    }
    QCOMPARE(c.exitCode, 1);
    QVERIFY(!out.value(QStringLiteral("ok")).toBool(true));
    QVERIFY2(c.err.contains(problem.toUtf8()), c.err.constData());
}

void TestProvisioning::operatorAdd()
{
    QCOMPARE(kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")}).exitCode, 0);
    const QString file = path(QStringLiteral("home/.config/border-kiosk/operators.json"));
    // Two different PINs: nothing is written.
    const Run differ = kioskctl({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("OF-1001")}, "135790\n135791\n");
    QCOMPARE(differ.exitCode, 2);
    QVERIFY(!QFileInfo::exists(file));
    // Too short for a 600,000-iteration hash to protect it.
    QCOMPARE(kioskctl({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("OF-1001")}, "1357\n1357\n").exitCode, 2);
    const Run ok = kioskctl({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("OF-1001"), QStringLiteral("--name"),
                             QStringLiteral("Officer One")}, "135790\n135790\n");
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
    QVERIFY(!ok.out.contains("135790") && !ok.err.contains("135790")); // the PIN is never printed
    auto ops = Session::OperatorDirectory::fromFile(file);
    QVERIFY(ops.has_value());
    QVERIFY(ops->find(u"OF-1001")->pinHash.startsWith(QStringLiteral("$pbkdf2-sha256$600000$")));
    QVERIFY(ops->authenticate(u"OF-1001", u"135790").has_value());
    QVERIFY(!ops->authenticate(u"OF-1001", u"135791").has_value());
    // A new PIN for the same officer replaces the old one.
    QCOMPARE(kioskctl({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("--id"), QStringLiteral("OF-1001")}, "246802\n246802\n").exitCode, 0);
    ops = Session::OperatorDirectory::fromFile(file);
    QCOMPARE(ops->size(), 1);
    QCOMPARE(ops->find(u"OF-1001")->name, QStringLiteral("Officer One"));
    QVERIFY(ops->authenticate(u"OF-1001", u"246802").has_value());
}

void TestProvisioning::staffPinGoesToKioskIni()
{
    QCOMPARE(kioskctl({QStringLiteral("enroll"), QStringLiteral("--id"), QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")}).exitCode, 0);
    const Run s = kioskctl({QStringLiteral("operator"), QStringLiteral("staff-pin")}, "97531086\n97531086\n");
    QVERIFY2(s.exitCode == 0, s.err.constData());
    // What the information screen is given (app/kiosk/main.cpp passes config.info).
    auto config = KioskConfig::load(defaultIni());
    QVERIFY(config.has_value());
    QVERIFY(config->info.staffPinHash.startsWith(QStringLiteral("$pbkdf2-sha256$600000$")));
    auto ok = Crypto::verifyPassword(u"97531086", config->info.staffPinHash);
    QVERIFY(ok.has_value() && *ok);
    QCOMPARE(config->kioskId, QStringLiteral("KIOSK-GYD-01")); // the rest of the file is intact
}

QTEST_GUILESS_MAIN(TestProvisioning)
#include "tst_provisioning.moc"
