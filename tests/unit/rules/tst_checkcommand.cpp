// `kioskctl check --scenario FILE` end to end: every scenario under
// tests/data/scenarios goes through the real kioskctl binary, and its output and exit status
// are compared with the scenario's "expected" block. Also the command's --help, which must
// document the exit statuses.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run kioskctl(const QStringList &args)
{
    QProcess p;
    // The shipped policy and trust anchor are found from the source tree.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KIOSK_RESOURCES_DIR"), QStringLiteral(KIOSK_SOURCE_DIR "/resources"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(KIOSKCTL_PATH), args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

QString scenarioDir()
{
    return QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/scenarios");
}

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT
private slots:
    void scenarioFiles_data();
    void scenarioFiles();
    void outputHasEveryKey();
    void helpDocumentsExitStatus();
    void usageErrors();
    void policyVerifyAndSign();
};

void TestCheckCommand::scenarioFiles_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = QDir(scenarioDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 10);
    for (const QString &f : files) {
        QFile file(scenarioDir() + u'/' + f);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString name = QJsonDocument::fromJson(file.readAll()).object().value(u"name").toString();
        QTest::newRow(qPrintable(f + QStringLiteral(": ") + name)) << f;
    }
}

void TestCheckCommand::scenarioFiles()
{
    QFETCH(QString, file);
    const QString path = scenarioDir() + u'/' + file;
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject expected = QJsonDocument::fromJson(f.readAll()).object().value(u"expected").toObject();
    QVERIFY2(!expected.isEmpty(), "the scenario has no expected block");

    const Run run = kioskctl({QStringLiteral("check"), QStringLiteral("--scenario"), path});
    QCOMPARE(run.exitCode, expected.value(u"exit").toInt());
    if (expected.contains(u"stderr")) {
        QVERIFY2(run.err.contains(expected.value(u"stderr").toString().toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
        return;
    }
    // Exactly one JSON object on one line.
    QCOMPARE(run.out.count('\n'), 1);
    QJsonParseError error{};
    const QJsonObject out = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it.key() == u"exit")
            continue;
        if (it.key() == u"reasons") {
            QStringList want, got;
            for (const QJsonValue &v : it.value().toArray())
                want << v.toString();
            for (const QJsonValue &v : out.value(u"reasons").toArray())
                got << v.toString();
            want.sort();
            got.sort();
            QCOMPARE(got, want);
            continue;
        }
        QVERIFY2(out.contains(it.key()), qPrintable(it.key()));
        QCOMPARE(out.value(it.key()), it.value());
    }
    // One sentence per reason, each citing a paragraph.
    const QJsonArray sentences = out.value(u"explanation").toArray();
    QCOMPARE(sentences.size(), out.value(u"reasons").toArray().size());
    for (const QJsonValue &s : sentences)
        QVERIFY2(s.toString().contains(u'§'), qPrintable(s.toString()));
}

void TestCheckCommand::outputHasEveryKey()
{
    const Run run = kioskctl({QStringLiteral("check"), QStringLiteral("--scenario"), scenarioDir() + QStringLiteral("/visa_missing_usa.json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject out = QJsonDocument::fromJson(run.out).object();
    for (const char *key : {"verdict", "reasons", "allowed_until", "days_allowed", "days_used", "days_remaining",
                            "overstay_days", "explanation"})
        QVERIFY2(out.contains(QLatin1StringView(key)), key);
    QVERIFY(out.value(u"allowed_until").isNull()); // null, not absent, where not applicable
}

void TestCheckCommand::helpDocumentsExitStatus()
{
    const Run run = kioskctl({QStringLiteral("check"), QStringLiteral("--help")});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("--scenario"));
    QVERIFY(run.out.contains("Exit status"));
}

void TestCheckCommand::usageErrors()
{
    QCOMPARE(kioskctl({QStringLiteral("check")}).exitCode, 2);
    const Run missing = kioskctl({QStringLiteral("check"), QStringLiteral("--scenario"), QStringLiteral("/nonexistent/x.json")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("/nonexistent/x.json"));
}

void TestCheckCommand::policyVerifyAndSign()
{
    // The shipped policy verifies against the shipped development anchor.
    const Run ok = kioskctl({QStringLiteral("policy"), QStringLiteral("verify")});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.contains("\"valid\":true"));
    // The tampered copy does not.
    const Run bad = kioskctl({QStringLiteral("policy"), QStringLiteral("verify"), scenarioDir() + QStringLiteral("/policies/tampered-policy.json")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.out.contains("POLICY_SIGNATURE_INVALID"));

    // keygen + sign + verify round trip in a temporary folder; keygen refuses to overwrite.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString key = dir.filePath(QStringLiteral("k.pem")), pub = dir.filePath(QStringLiteral("k.pub.pem"));
    QCOMPARE(kioskctl({QStringLiteral("policy"), QStringLiteral("keygen"), QStringLiteral("--private"), key, QStringLiteral("--public"), pub}).exitCode, 0);
    QCOMPARE(kioskctl({QStringLiteral("policy"), QStringLiteral("keygen"), QStringLiteral("--private"), key, QStringLiteral("--public"), pub}).exitCode, 2);
    const QString policy = dir.filePath(QStringLiteral("policy.json"));
    QVERIFY(QFile::copy(QStringLiteral(KIOSK_SOURCE_DIR "/resources/policy/policy.json"), policy));
    QCOMPARE(kioskctl({QStringLiteral("policy"), QStringLiteral("sign"), QStringLiteral("--key"), key, policy}).exitCode, 0);
    QVERIFY(QFile::exists(policy + QStringLiteral(".sig")));
    QCOMPARE(kioskctl({QStringLiteral("policy"), QStringLiteral("verify"), QStringLiteral("--trust"), pub, policy}).exitCode, 0);
    // Signed with the new key, so the development anchor refuses it.
    QCOMPARE(kioskctl({QStringLiteral("policy"), QStringLiteral("verify"), policy}).exitCode, 1);
    // A file that is not a policy is never signed.
    const QString junk = dir.filePath(QStringLiteral("junk.json"));
    QFile j(junk);
    QVERIFY(j.open(QIODevice::WriteOnly));
    j.write("{\"format\":\"border-kiosk-policy/1\",\"versions\":[{}]}");
    j.close();
    const Run refused = kioskctl({QStringLiteral("policy"), QStringLiteral("sign"), QStringLiteral("--key"), key, junk});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("versions[0].version"));
    QVERIFY(!QFile::exists(junk + QStringLiteral(".sig")));
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
