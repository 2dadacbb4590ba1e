// One trust anchor, one policy source: border-kiosk's deployment (KioskDeployment, in process,
// the information screen's session) and `kioskctl record` (a child process) read the same
// kiosk.ini and must judge the same traveller under the same policy: the one signed by the
// anchor in `trust=`, a key made for this test; the newest verified pulled version over the
// file; the policy's age from its own date. border-kiosk refuses the development key outside
// the demo; kioskctl record judges under it with a warning (a kiosk enrolled without --trust).
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"
#include "app/kiosk/deployment.h"
#include "app/session/kioskpolicy.h"
#include "app/store/database.h"
#include "app/store/outbox.h"
#include "tests/support/policyauthority.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

namespace {

// A synthetic RUS national (visa-free for 90 days in the shipped policy); check digits per
// ICAO 9303-3 §4.9.
const QString kMrz = QStringLiteral("P<RUSTRUSTOVA<<MARIA<<<<<<<<<<<<<<<<<<<<<<<<\n"
                                    "T710000429RUS9001011F3501014<<<<<<<<<<<<<<08\n");
const QDate kToday(2026, 11, 20);

// The shipped policy, with Russia moved to "visa required": a rule that changes the verdict.
void russiaNeedsAVisa(QJsonObject &version)
{
    QJsonObject nationalities = version.value(QStringLiteral("nationalities")).toObject();
    nationalities.insert(QStringLiteral("RUS"), QJsonObject{{QStringLiteral("regime"), QStringLiteral("visa_required")},
                                                            {QStringLiteral("source"), QStringLiteral("test")}});
    version.insert(QStringLiteral("nationalities"), nationalities);
    version.insert(QStringLiteral("version"), QStringLiteral("test-visa-required"));
}

void renamed(QJsonObject &version, const QString &name)
{
    version.insert(QStringLiteral("version"), name);
}

struct Judgement
{
    QString verdict;
    QStringList reasons;
    QString error; // the start-up / command error code, empty when judged
};

} // namespace

class TestOnePolicySource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void bothProgramsJudgeUnderTheConfiguredAnchor_data();
    void bothProgramsJudgeUnderTheConfiguredAnchor();
    void developmentKeyRefused_data();
    void developmentKeyRefused();
    void anchorFingerprintIdentifiesTheDevelopmentKey();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    void writeIni(const QString &policy, const QString &trust);
    Judgement judgeInDeployment();
    Judgement judgeWithRecord();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::optional<Test::PolicyAuthority> m_authority;
};

void TestOnePolicySource::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir(m_dir->path()).mkpath(QStringLiteral("inbox")));
    auto authority = Test::PolicyAuthority::create(path(QStringLiteral("anchor.pem")));
    QVERIFY2(authority, qPrintable(authority ? QString() : authority.error().message));
    m_authority.emplace(std::move(*authority));
    writeIni(path(QStringLiteral("policy.json")), m_authority->anchorPath());
    QProcess enroll;
    enroll.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("enroll"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")),
                                                 QStringLiteral("--id"), QStringLiteral("KIOSK-TST-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD")});
    QVERIFY(enroll.waitForFinished(60000));
    QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());
}

void TestOnePolicySource::writeIni(const QString &policy, const QString &trust)
{
    QFile f(path(QStringLiteral("kiosk.ini")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    // A folder source: a kiosk's reader that stays silent in the test.
    f.write(QStringLiteral("[kiosk]\nid=KIOSK-TST-01\ncheckpoint=GYD\ndatabase=%1\nkey=%2\npolicy=%3\ntrust=%4\n"
                           "[sources]\nenabled=folder\nfolder/path=%5\n")
                .arg(path(QStringLiteral("kiosk.db")), path(QStringLiteral("kiosk.key")), policy, trust, path(QStringLiteral("inbox")))
                .toUtf8());
}

Judgement TestOnePolicySource::judgeInDeployment()
{
    const FixedClock clock(QDateTime(kToday, QTime(10, 0), QTimeZone(4 * 3600)));
    DeploymentOptions options;
    options.configPath = path(QStringLiteral("kiosk.ini"));
    options.role = Session::Role::Info; // the information screen's session: no operators file needed
    auto deployment = KioskDeployment::create(clock, options);
    if (!deployment)
        return {{}, {}, deployment.error().code};
    Session::CheckpointSession *session = (*deployment)->session();
    if (auto read = session->submitMrz(kMrz, Session::InputKind::Reader, QStringLiteral("test")); !read)
        return {{}, {}, read.error().code};
    const Session::Case *c = session->currentCase();
    if (!c)
        return {{}, {}, QStringLiteral("NO_CASE")};
    QStringList reasons;
    for (const Reason &r : c->reasons)
        reasons.append(reasonCodeToString(r.code));
    return {verdictToString(c->verdict), reasons, {}};
}

Judgement TestOnePolicySource::judgeWithRecord()
{
    QFile mrz(path(QStringLiteral("traveller.mrz")));
    if (!mrz.open(QIODevice::WriteOnly | QIODevice::Truncate) || mrz.write(kMrz.toUtf8()) < 0)
        return {{}, {}, QStringLiteral("MRZ_WRITE")};
    mrz.close();
    QProcess p;
    p.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("record"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")),
                                            QStringLiteral("--mrz"), mrz.fileName(), QStringLiteral("--direction"), QStringLiteral("entry"),
                                            QStringLiteral("--officer"), QStringLiteral("OFF-1"), QStringLiteral("--date"), kToday.toString(Qt::ISODate)});
    if (!p.waitForFinished(60000))
        return {{}, {}, QStringLiteral("TIMEOUT")};
    const QByteArray out = p.readAllStandardOutput(), err = p.readAllStandardError();
    if (p.exitCode() != 0) {
        // "record: <message> (<CODE>)" or a JSON error line: the code is what the test compares.
        for (const QString &code : {QStringLiteral("TRUST_ANCHOR_DEVELOPMENT"), QStringLiteral("POLICY_SIGNATURE_INVALID")})
            if (err.contains(code.toUtf8()) || out.contains(code.toUtf8()))
                return {{}, {}, code};
        return {{}, {}, QString::fromUtf8(err + out)};
    }
    const QJsonObject o = QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    QStringList reasons;
    for (const QJsonValue &r : o.value(QStringLiteral("reasons")).toArray())
        reasons.append(r.toString());
    return {o.value(QStringLiteral("verdict")).toString(), reasons, {}};
}

void TestOnePolicySource::bothProgramsJudgeUnderTheConfiguredAnchor_data()
{
    QTest::addColumn<QString>("fileIssued");     // the policy file's signed issued day
    QTest::addColumn<bool>("pulledVisaFree");    // a newer verified pull puts Russia back to visa-free
    QTest::addColumn<QString>("reasonPresent");
    QTest::addColumn<QString>("reasonAbsent");
    // The file signed by the test's key (not the shipped one) is the policy in force.
    QTest::newRow("kiosk.ini trust= and policy=: the test key's rules, not the shipped ones")
        << "2026-11-01" << false << "VISA_MISSING" << "VISA_FREE";
    QTest::newRow("a newer verified pulled version wins over the file")
        << "2026-11-01" << true << "VISA_FREE" << "VISA_MISSING";
    // Age from the signed date: issued two years before the check, older than 365 days.
    QTest::newRow("policy age from the file's issued date, not the start of the program")
        << "2024-11-01" << false << "POLICY_STALE" << "VISA_FREE";
    QTest::newRow("a fresh file is not stale")
        << "2026-11-01" << false << "VISA_MISSING" << "POLICY_STALE";
}

void TestOnePolicySource::bothProgramsJudgeUnderTheConfiguredAnchor()
{
    QFETCH(QString, fileIssued);
    QFETCH(bool, pulledVisaFree);
    QFETCH(QString, reasonPresent);
    QFETCH(QString, reasonAbsent);
    const QByteArray file = Test::PolicyAuthority::shippedPolicy(QDate::fromString(fileIssued, Qt::ISODate), russiaNeedsAVisa);
    QVERIFY(!file.isEmpty());
    QVERIFY(m_authority->writeSigned(path(QStringLiteral("policy.json")), file));
    if (pulledVisaFree) {
        // As the sync client stores a verified pull: the signed bytes and when they arrived.
        const QByteArray pulled = Test::PolicyAuthority::shippedPolicy(kToday, [](QJsonObject &v) { renamed(v, QStringLiteral("test-pulled")); });
        auto signature = m_authority->key().sign(pulled);
        QVERIFY(signature);
        auto db = Store::Database::open(path(QStringLiteral("kiosk.db")));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QVERIFY(Store::Outbox(*db).storeReference({QStringLiteral("policy"), 2, pulled, signature->toBase64()},
                                                  QDateTime(kToday.addDays(-1), QTime(9, 0), Qt::UTC)));
    }
    const Judgement deployed = judgeInDeployment();
    const Judgement recorded = judgeWithRecord();
    QVERIFY2(deployed.error.isEmpty(), qPrintable(deployed.error));
    QVERIFY2(recorded.error.isEmpty(), qPrintable(recorded.error));
    QCOMPARE(deployed.verdict, recorded.verdict);
    QCOMPARE(deployed.reasons, recorded.reasons);
    QVERIFY2(deployed.reasons.contains(reasonPresent), qPrintable(deployed.reasons.join(u' ')));
    QVERIFY2(!deployed.reasons.contains(reasonAbsent), qPrintable(deployed.reasons.join(u' ')));
}

void TestOnePolicySource::developmentKeyRefused_data()
{
    QTest::addColumn<bool>("developmentAnchor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("recordCode");
    // The shipped policy is signed by the development key: a production anchor refuses it.
    QTest::newRow("a policy signed by the development key under a production anchor") << false << "POLICY_SIGNATURE_INVALID" << "POLICY_SIGNATURE_INVALID";
    // The development anchor itself in trust=: border-kiosk refuses it by its fingerprint before
    // any policy; kioskctl record judges (a kiosk enrolled without --trust must work) and
    // warns by the same code (tst_provisioning checks the warning).
    QTest::newRow("the development anchor in kiosk.ini trust=") << true << "TRUST_ANCHOR_DEVELOPMENT" << "";
}

void TestOnePolicySource::developmentKeyRefused()
{
    QFETCH(bool, developmentAnchor);
    QFETCH(QString, code);
    QFETCH(QString, recordCode);
    const QString shipped = QStringLiteral(KIOSK_SOURCE_DIR "/resources/policy/policy.json");
    writeIni(shipped, developmentAnchor ? QStringLiteral(KIOSK_SOURCE_DIR "/resources/trust/policy-dev.pub.pem") : m_authority->anchorPath());
    QCOMPARE(judgeInDeployment().error, code);
    QCOMPARE(judgeWithRecord().error, recordCode);
}

void TestOnePolicySource::anchorFingerprintIdentifiesTheDevelopmentKey()
{
    auto dev = Session::readTrustAnchor(QStringLiteral(KIOSK_SOURCE_DIR "/resources/trust/policy-dev.pub.pem"), Session::AnchorUse::Development);
    QVERIFY2(dev, qPrintable(dev ? QString() : dev.error().message));
    QVERIFY(dev->isDevelopment());
    auto mine = Session::readTrustAnchor(m_authority->anchorPath(), Session::AnchorUse::Deployment);
    QVERIFY2(mine, qPrintable(mine ? QString() : mine.error().message));
    QVERIFY(!mine->isDevelopment());
    // The fingerprint a person compares: openssl's over the DER form of the anchor file.
    QCOMPARE(dev->fingerprint, QStringLiteral("d959c828f19d0a842df8be2a00d8220f539cb0e81c321ef9b0310daaf32c3a22"));
    QCOMPARE(mine->fingerprint.size(), 64);
    QVERIFY(mine->fingerprint != dev->fingerprint);
}

QTEST_GUILESS_MAIN(TestOnePolicySource)
#include "tst_onepolicysource.moc"
