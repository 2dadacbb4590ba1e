// Someone with write access to kiosk.db (a disk taken out, a technician's shell) edits
// it as an attacker would. Each row makes one edit to a kiosk that recorded a real history with
// `kioskctl record`, then requires:
//  - `kioskctl log verify` exits 1 and names what and where (the JSON part and code given);
//  - the next check of the traveller is no wrong ADMIT: the true answer is REFER
//    (PREVIOUS_EXIT_MISSING: the last signed crossing is an entry), and an edit of the history
//    adds HISTORY_TAMPERED; an edit that breaks the file or cuts the log stops `record` instead.
#include "scanner/mrz/checkdigit.h"
#include "tests/support/commandrun.h"
#include "tests/support/policyauthority.h"
#include "tests/support/sqliteprobe.h"
#include "tests/unit/syncclient/syntheticpassport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk;

namespace {

using Run = Test::CommandRun;

Run kioskctl(const QStringList &args)
{
    return Test::runCommand(QStringLiteral(KIOSKCTL_PATH), args);
}

} // namespace

class TestTamper : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void tamperingIsFound_data();
    void tamperingIsFound();

private:
    [[nodiscard]] QString path(const QString &name) const { return m_dir->filePath(name); }
    [[nodiscard]] Run record(const QString &direction, const QString &date) const;
    [[nodiscard]] bool sql(const QStringList &statements) const;
    [[nodiscard]] qint64 rootPage(const QString &name) const;

    QTemporaryDir m_anchorDir;
    QByteArray m_policy;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestTamper::initTestCase()
{
    QVERIFY(m_anchorDir.isValid());
    auto authority = Test::PolicyAuthority::create(m_anchorDir.filePath(QStringLiteral("agency.pub.pem")));
    QVERIFY(authority.has_value());
    // Issued the day before the first crossing: the policy is fresh for every check below.
    QVERIFY(authority->writeSigned(m_anchorDir.filePath(QStringLiteral("policy.json")), Test::PolicyAuthority::shippedPolicy(QDate(2026, 11, 20))));
}

// A fresh kiosk for each row: enrolled, an (empty) watchlist held, and a history of
// entry 21 Nov, exit 25 Nov, entry 28 Nov recorded by `kioskctl record`.
void TestTamper::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Run enroll = kioskctl({QStringLiteral("enroll"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")), QStringLiteral("--id"),
                                 QStringLiteral("KIOSK-GYD-01"), QStringLiteral("--checkpoint"), QStringLiteral("GYD"), QStringLiteral("--trust"),
                                 m_anchorDir.filePath(QStringLiteral("agency.pub.pem")), QStringLiteral("--policy"),
                                 m_anchorDir.filePath(QStringLiteral("policy.json"))});
    QVERIFY2(enroll.exitCode == 0, enroll.err.constData());
    QFile watchlist(path(QStringLiteral("watchlist.json")));
    QVERIFY(watchlist.open(QIODevice::WriteOnly) && watchlist.write("[]\n") > 0);
    watchlist.close();
    const Run imported = kioskctl({QStringLiteral("import"), QStringLiteral("--db"), path(QStringLiteral("kiosk.db")), QStringLiteral("--kind"),
                                   QStringLiteral("watchlist"), watchlist.fileName()});
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QFile mrz(path(QStringLiteral("passport.mrz")));
    QVERIFY(mrz.open(QIODevice::WriteOnly) && mrz.write(Test::syntheticMrz(7).toLatin1()) > 0);
    mrz.close();
    const QList<std::pair<QString, QString>> history{{QStringLiteral("entry"), QStringLiteral("2026-11-21")},
                                                     {QStringLiteral("exit"), QStringLiteral("2026-11-25")},
                                                     {QStringLiteral("entry"), QStringLiteral("2026-11-28")}};
    for (const auto &[direction, date] : history) {
        const Run r = record(direction, date);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("ADMIT"));
    }
    const Run verified = kioskctl({QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini"))});
    QVERIFY2(verified.exitCode == 0, verified.out + verified.err);
    QCOMPARE(verified.json().value(QStringLiteral("crossings")).toObject().value(QStringLiteral("checked")).toInteger(), 3);
    // Untouched, the next entry is a REFER for the stay still open: what every row must keep.
    const Run check = kioskctl({QStringLiteral("check"), QStringLiteral("--db"), path(QStringLiteral("kiosk.db")), QStringLiteral("--mrz"), mrz.fileName(),
                                QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--date"), QStringLiteral("2026-12-01"),
                                QStringLiteral("--trust"), m_anchorDir.filePath(QStringLiteral("agency.pub.pem")), QStringLiteral("--policy"),
                                m_anchorDir.filePath(QStringLiteral("policy.json"))});
    QVERIFY2(check.json().value(QStringLiteral("reasons")).toVariant().toStringList().contains(QStringLiteral("PREVIOUS_EXIT_MISSING")), check.out + check.err);
}

Run TestTamper::record(const QString &direction, const QString &date) const
{
    return kioskctl({QStringLiteral("record"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini")), QStringLiteral("--mrz"),
                     path(QStringLiteral("passport.mrz")), QStringLiteral("--officer"), QStringLiteral("OF-1001"), QStringLiteral("--direction"),
                     direction, QStringLiteral("--date"), date});
}

bool TestTamper::sql(const QStringList &statements) const
{
    // Everything into the main file, so that a page written over below is the real one.
    return Test::sqliteExec(path(QStringLiteral("kiosk.db")), statements + QStringList{QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")});
}

qint64 TestTamper::rootPage(const QString &name) const
{
    return Test::sqliteScalar(path(QStringLiteral("kiosk.db")), QStringLiteral("SELECT rootpage FROM sqlite_master WHERE name = '%1'").arg(name));
}

void TestTamper::tamperingIsFound_data()
{
    QTest::addColumn<QStringList>("statements");  // SQL the attacker runs
    QTest::addColumn<QString>("damagedObject");   // or: the b-tree whose root page is overwritten
    QTest::addColumn<QString>("verifyPart");      // the part of log verify's answer that is not ok
    QTest::addColumn<QString>("verifyCode");      // the code it names there
    QTest::addColumn<QString>("nextCheck");       // HISTORY_TAMPERED (a REFER) | REFER | refused:CODE

    const QString crossings = QStringLiteral("crossings"), events = QStringLiteral("events"), file = QStringLiteral("file");
    QTest::newRow("direction: the open entry made an exit, so the next entry would ADMIT")
        << QStringList{QStringLiteral("UPDATE crossings SET direction = 'exit' WHERE id = 3")} << QString() << crossings
        << QStringLiteral("CROSSING_MISMATCH") << QStringLiteral("HISTORY_TAMPERED");
    QTest::newRow("date: the first entry moved years back, a false OVERSTAY")
        << QStringList{QStringLiteral("UPDATE crossings SET local_date = '2019-11-21' WHERE id = 1")} << QString() << crossings
        << QStringLiteral("CROSSING_MISMATCH") << QStringLiteral("HISTORY_TAMPERED");
    QTest::newRow("deleted crossing: the open entry's row removed")
        << QStringList{QStringLiteral("DELETE FROM crossings WHERE id = 3")} << QString() << crossings << QStringLiteral("CROSSING_ROW_MISSING")
        << QStringLiteral("HISTORY_TAMPERED");
    QTest::newRow("deleted crossing named as imported: source changed and event id cleared")
        << QStringList{QStringLiteral("UPDATE crossings SET source = 'import', event_id = NULL, direction = 'exit' WHERE id = 3")} << QString()
        << crossings << QStringLiteral("CROSSING_ROW_MISSING") << QStringLiteral("HISTORY_TAMPERED");
    QTest::newRow("deleted tail: the last event, its outbox row and its crossing removed")
        << QStringList{QStringLiteral("DELETE FROM crossings WHERE id = 3"), QStringLiteral("DELETE FROM outbox WHERE sequence = 3"),
                       QStringLiteral("DELETE FROM events WHERE sequence = 3")}
        << QString() << QStringLiteral("tail") << QStringLiteral("CHAIN_TAIL_TRUNCATED") << QStringLiteral("refused:CHAIN_TAIL_TRUNCATED");
    QTest::newRow("kiosk_id: the unsigned column of an event changed")
        << QStringList{QStringLiteral("UPDATE events SET kiosk_id = 'KIOSK-GYD-02' WHERE sequence = 2")} << QString() << events
        << QStringLiteral("EVENT_ROW_MISMATCH") << QStringLiteral("REFER");
    QTest::newRow("recorded_at: the unsigned column of an event changed")
        << QStringList{QStringLiteral("UPDATE events SET recorded_at = '2026-01-01T00:00:00.000Z' WHERE sequence = 1")} << QString() << events
        << QStringLiteral("EVENT_ROW_MISMATCH") << QStringLiteral("REFER");
    QTest::newRow("damaged index page: the history index's root overwritten")
        << QStringList{} << QStringLiteral("crossings_person_history") << file << QString() << QStringLiteral("refused:STORE_DAMAGED");
    QTest::newRow("damaged crossings page: the table's root overwritten")
        << QStringList{} << QStringLiteral("crossings") << file << QString() << QStringLiteral("refused:STORE_DAMAGED");
    QTest::newRow("damaged outbox page: the table's root overwritten")
        << QStringList{} << QStringLiteral("outbox") << file << QString() << QStringLiteral("refused:STORE_DAMAGED");
}

void TestTamper::tamperingIsFound()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, damagedObject);
    QFETCH(QString, verifyPart);
    QFETCH(QString, verifyCode);
    QFETCH(QString, nextCheck);

    QVERIFY(sql(statements));
    if (!damagedObject.isEmpty()) {
        const qint64 page = rootPage(damagedObject);
        QVERIFY(page > 1);
        QFile f(path(QStringLiteral("kiosk.db")));
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096; // SQLite's default, which the store keeps
        QVERIFY(f.size() >= page * pageSize);
        QVERIFY(f.seek((page - 1) * pageSize));
        QVERIFY(f.write(QByteArray(int(pageSize), '\xA5')) == pageSize);
        f.close();
    }

    const Run verify = kioskctl({QStringLiteral("log"), QStringLiteral("verify"), QStringLiteral("--config"), path(QStringLiteral("kiosk.ini"))});
    QCOMPARE(verify.exitCode, 1);
    const QJsonObject answer = verify.json();
    QVERIFY2(!answer.isEmpty() || !verify.err.isEmpty(), "log verify said nothing");
    if (!answer.isEmpty()) {
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(true), false);
        if (verifyPart == QLatin1String("events")) {
            const QJsonObject brk = answer.value(QStringLiteral("firstBreak")).toObject();
            QCOMPARE(brk.value(QStringLiteral("code")).toString(), verifyCode);
            QVERIFY2(brk.value(QStringLiteral("message")).toString().contains(QTest::currentDataTag() ? QString::fromLatin1(QTest::currentDataTag()).section(u':', 0, 0) : QString()),
                     qPrintable(brk.value(QStringLiteral("message")).toString())); // names the column
        } else if (verifyPart == QLatin1String("crossings")) {
            const QJsonArray problems = answer.value(QStringLiteral("crossings")).toObject().value(QStringLiteral("problems")).toArray();
            QVERIFY2(!problems.isEmpty(), verify.out.constData());
            QCOMPARE(problems.at(0).toObject().value(QStringLiteral("code")).toString(), verifyCode);
            QVERIFY(!problems.at(0).toObject().value(QStringLiteral("eventId")).toString().isEmpty()); // names where
        } else if (verifyPart == QLatin1String("tail")) {
            QCOMPARE(answer.value(QStringLiteral("tail")).toObject().value(QStringLiteral("code")).toString(), verifyCode);
        } else {
            QCOMPARE(answer.value(QStringLiteral("file")).toObject().value(QStringLiteral("ok")).toBool(true), false);
            QVERIFY(!answer.value(QStringLiteral("file")).toObject().value(QStringLiteral("messages")).toArray().isEmpty());
        }
    } else {
        // A file too damaged to open: the error names the database.
        QVERIFY2(verify.err.contains("kiosk.db"), verify.err.constData());
    }

    // The next check of the same traveller, an entry on 1 December.
    const Run next = record(QStringLiteral("entry"), QStringLiteral("2026-12-01"));
    if (nextCheck.startsWith(QLatin1String("refused:"))) {
        QCOMPARE(next.exitCode, 1);
        QVERIFY2(next.err.contains(nextCheck.mid(8).toLatin1()) || next.err.contains("malformed") || next.err.contains("corrupt"), next.err.constData());
        QVERIFY(!next.out.contains("ADMIT"));
        return;
    }
    QVERIFY2(next.exitCode == 0, next.err.constData());
    const QJsonObject verdict = next.json();
    QCOMPARE(verdict.value(QStringLiteral("verdict")).toString(), QStringLiteral("REFER"));
    const QStringList reasons = verdict.value(QStringLiteral("reasons")).toVariant().toStringList();
    QVERIFY2(reasons.contains(QStringLiteral("PREVIOUS_EXIT_MISSING")), next.out.constData()); // counted on the signed history
    QCOMPARE(reasons.contains(QStringLiteral("HISTORY_TAMPERED")), nextCheck == QLatin1String("HISTORY_TAMPERED"));
}

QTEST_GUILESS_MAIN(TestTamper)
#include "tst_tamper.moc"
