// Clean stop on SIGTERM (app/core/terminationsignals.h), with the real programs as child processes:
//  - 20 SIGTERMs sent to `kioskctl record` at 20 different points of its run (from just after
//    start to after the write): afterwards the database is intact and holds no half-written
//    record: every crossing has its event, every event its outbox entry, the chain verifies,
//    and what each process said it recorded is there. The figure printed is the count of
//    half-written records (required: 0 in 20).
//  - border-kiosk (the demo, offscreen) and border-central serve exit 0 on SIGTERM, not 143.
// The kill points are spread by waiting different lengths after the start; nothing asserts on
// how long anything took.
#include "tests/support/sqliteprobe.h"
#include "tests/support/loopbackcentral.h"
#include "tests/support/policyauthority.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <sys/types.h>

using namespace Kiosk;

namespace {

// Synthetic travellers, ICAO 9303-3 check digits (one per run: a RUS national, visa-free).
int checkDigit(const QString &s)
{
    static const int weights[] = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const int v = c.isDigit() ? c.digitValue() : c == u'<' ? 0 : c.unicode() - 'A' + 10;
        sum += v * weights[i % 3];
    }
    return sum % 10;
}

QString syntheticMrz(int n)
{
    const QString number = QStringLiteral("S%1").arg(n, 8, 10, QLatin1Char('0'));
    const QString birth = QStringLiteral("90%1%2").arg(1 + n / 28 % 12, 2, 10, QLatin1Char('0')).arg(1 + n % 28, 2, 10, QLatin1Char('0'));
    const QString expiry = QStringLiteral("350101");
    const QString optional(14, u'<');
    static const char *const words[] = {"ALFA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA", "JULIETT",
                                        "KILO", "LIMA", "MIKE", "NOVEMBER", "OSCAR", "PAPA", "QUEBEC", "ROMEO", "SIERRA", "TANGO"};
    QString l1 = QStringLiteral("P<RUS%1%2<<%3").arg(QLatin1String(words[n % 20]), QLatin1String(words[(n / 20 + 7) % 20]), QLatin1String(words[(n * 11 + 3) % 20]));
    l1 = l1.leftJustified(44, u'<');
    const QString body = number + QString::number(checkDigit(number)) + QStringLiteral("RUS") + birth + QString::number(checkDigit(birth))
        + u'F' + expiry + QString::number(checkDigit(expiry)) + optional + QString::number(checkDigit(optional));
    const QString composite = body.mid(0, 10) + body.mid(13, 7) + body.mid(21, 22);
    return l1 + u'\n' + body + QString::number(checkDigit(composite)) + u'\n';
}

} // namespace

class TestCleanStop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sigtermDuringRecordingLeavesNoHalfRecord();
    void borderKioskExitsZeroOnSigterm();
    void deployedInfoScreenExitsZeroOnSigterm();
    void borderCentralExitsZeroOnSigterm();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] qint64 scalar(const QString &sql) const;

    QTemporaryDir m_dir;
};

void TestCleanStop::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto authority = Test::PolicyAuthority::create(path(QStringLiteral("agency.pub.pem")));
    QVERIFY(authority.has_value());
    QVERIFY(authority->writeSigned(path(QStringLiteral("policy.json")), Test::PolicyAuthority::shippedPolicy(QDate::currentDate())));
    QProcess enroll;
    enroll.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("enroll"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")), QStringLiteral("--id"),
                                                 QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--trust"),
                                                 path(QStringLiteral("agency.pub.pem")), QStringLiteral("--policy"), path(QStringLiteral("policy.json"))});
    QVERIFY(enroll.waitForFinished(60000));
    QVERIFY2(enroll.exitCode() == 0, enroll.readAllStandardError().constData());
}

qint64 TestCleanStop::scalar(const QString &sql) const
{
    return Test::sqliteScalar(path(QStringLiteral("kiosk.db")), sql);
}

void TestCleanStop::sigtermDuringRecordingLeavesNoHalfRecord()
{
    int cleanExits = 0, recordedRuns = 0, terminatedBeforeWrite = 0;
    QStringList claimedEvents;
    for (int i = 0; i < 20; ++i) {
        QFile mrz(path(QStringLiteral("doc%1.mrz").arg(i)));
        QVERIFY(mrz.open(QIODevice::WriteOnly));
        mrz.write(syntheticMrz(i + 1).toUtf8());
        mrz.close();
        QProcess p;
        p.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("record"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")), QStringLiteral("--mrz"),
                                                mrz.fileName(), QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--officer"), QStringLiteral("OF-1001")});
        QVERIFY(p.waitForStarted());
        // 20 points across the command's life: 0 ms (start-up) to ~475 ms (the write and after,
        // also on a loaded machine).
        QThread::msleep(static_cast<unsigned long>(i * 25));
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QVERIFY(p.waitForFinished(60000));
        const QByteArray out = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (p.exitStatus() == QProcess::NormalExit) {
            ++cleanExits;
            if (p.exitCode() == 0) {
                ++recordedRuns;
                claimedEvents << QJsonDocument::fromJson(out.trimmed()).object().value(QStringLiteral("eventId")).toString();
            } else {
                QVERIFY2(err.contains("TERMINATED"), err.constData()); // stopped before its write
                ++terminatedBeforeWrite;
            }
        }
        // A death by the signal is only possible before the handlers exist (the program still
        // loading): then nothing was opened, which the counts below check as well.
    }
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'")), 0);
    const qint64 crossingsWithoutEvent = scalar(QStringLiteral("SELECT COUNT(*) FROM crossings c WHERE c.event_id IS NULL OR NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = c.event_id)"));
    const qint64 eventsWithoutOutbox = scalar(QStringLiteral("SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.sequence = e.sequence)"));
    const qint64 outboxWithoutEvent = scalar(QStringLiteral("SELECT COUNT(*) FROM outbox o WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.sequence = o.sequence)"));
    const qint64 admittedWithoutCrossing = scalar(QStringLiteral("SELECT COUNT(*) FROM events e WHERE json_extract(CAST(e.bytes AS TEXT), '$.kind') IN ('crossing','override') AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = e.event_id)"));
    qint64 claimedMissing = 0;
    for (const QString &id : std::as_const(claimedEvents))
        claimedMissing += scalar(QStringLiteral("SELECT COUNT(*) FROM events WHERE event_id = '%1'").arg(id)) == 1 ? 0 : 1;
    const qint64 halfWritten = crossingsWithoutEvent + eventsWithoutOutbox + outboxWithoutEvent + admittedWithoutCrossing + claimedMissing;
    qInfo("clean stop: 20 SIGTERMs during recording: %d clean exits (%d recorded, %d TERMINATED before the write), %lld half-written records",
          cleanExits, recordedRuns, terminatedBeforeWrite, halfWritten);
    QCOMPARE(halfWritten, 0);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM events")), qint64(recordedRuns)); // nothing beyond what was reported
    // The signed chain is whole.
    QProcess verify;
    verify.start(QStringLiteral(KIOSKCTL_PATH), {QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini"))});
    QVERIFY(verify.waitForFinished(60000));
    QVERIFY2(verify.exitCode() == 0, verify.readAllStandardOutput() + verify.readAllStandardError());
    QVERIFY2(recordedRuns > 0 && terminatedBeforeWrite + (20 - cleanExits) > 0, "the kill points did not span the command (all before or all after its write)");
}

void TestCleanStop::borderKioskExitsZeroOnSigterm()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BORDER_KIOSK_PATH), {QStringLiteral("--demo"), QStringLiteral("--interval"), QStringLiteral("1")});
    QVERIFY(p.waitForStarted());
    // Running: the demo's loopback central and simulator are up once it has logged a case.
    QDeadlineTimer deadline(60000);
    QByteArray log;
    while (!deadline.hasExpired() && p.state() == QProcess::Running && !log.contains("case")) {
        p.waitForReadyRead(100);
        log += p.readAllStandardError() + p.readAllStandardOutput();
    }
    QVERIFY2(p.state() == QProcess::Running, log.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

// The information screen in kiosk mode refuses to close its window; SIGTERM still stops it.
void TestCleanStop::deployedInfoScreenExitsZeroOnSigterm()
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(BORDER_KIOSK_PATH), {QStringLiteral("--role"), QStringLiteral("info"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini"))});
    QVERIFY(p.waitForStarted());
    // Started: it logs the trust anchor's fingerprint once its policy is loaded.
    QDeadlineTimer deadline(60000);
    QByteArray log;
    while (!deadline.hasExpired() && p.state() == QProcess::Running && !log.contains("trust anchor")) {
        p.waitForReadyRead(100);
        log += p.readAllStandardError() + p.readAllStandardOutput();
    }
    QVERIFY2(p.state() == QProcess::Running, log.constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    QVERIFY2(p.waitForFinished(30000), "the information screen did not stop on SIGTERM");
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

void TestCleanStop::borderCentralExitsZeroOnSigterm()
{
    const QString made = Test::makeLoopbackTls(path(QStringLiteral("tls.key")), path(QStringLiteral("tls.pem")));
    QVERIFY2(made.isEmpty(), qPrintable(made));
    QProcess p;
    p.start(QStringLiteral(CENTRAL_PATH), {QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("sqlite:") + path(QStringLiteral("central.db")),
                                           QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--tls-cert"), path(QStringLiteral("tls.pem")),
                                           QStringLiteral("--tls-key"), path(QStringLiteral("tls.key"))});
    QVERIFY(p.waitForStarted());
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && p.state() == QProcess::Running && !out.contains("listening on")) {
        p.waitForReadyRead(100);
        out += p.readAllStandardOutput();
    }
    QVERIFY2(out.contains("listening on"), p.readAllStandardError().constData());
    ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCleanStop)
#include "tst_cleanstop.moc"
