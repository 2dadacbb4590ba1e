// kioskctl import, check --db and prune through the real binary: exit
// statuses, the JSON printed, and the store's answers reaching the verdict.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kData = QStringLiteral(KIOSK_SOURCE_DIR "/tests/data/import/");

struct Run
{
    int exitCode = -1;
    QJsonObject json;
    QByteArray err;
};

Run kioskctl(const QStringList &args)
{
    QProcess p;
    p.start(qEnvironmentVariable("KIOSK_BINARY_DIR") + QStringLiteral("/bin/kioskctl"), args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.err = p.readAllStandardError();
    return r;
}

QStringList reasons(const QJsonObject &verdict)
{
    QStringList out;
    for (const auto &v : verdict.value(QStringLiteral("reasons")).toArray())
        out.append(v.toString());
    return out;
}
} // namespace

class TestKioskctlStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void importExitStatuses();
    void checkAgainstStore();
    void pruneExitStatuses();

private:
    QTemporaryDir m_dir;
    QString m_db;
};

void TestKioskctlStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("kiosk.db"));
    if (!QFile::exists(qEnvironmentVariable("KIOSK_BINARY_DIR") + QStringLiteral("/bin/kioskctl")))
        QSKIP("kioskctl is not built");
}

void TestKioskctlStore::importExitStatuses()
{
    const QString db = m_dir.filePath(QStringLiteral("import.db"));
    const Run bad = kioskctl({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"),
                              QStringLiteral("watchlist"), kData + QStringLiteral("watchlist_bad.json")});
    QCOMPARE(bad.exitCode, 1);
    QCOMPARE(bad.json.value(QStringLiteral("imported")).toInt(), 0);
    QList<int> lines;
    for (const auto &e : bad.json.value(QStringLiteral("rejected")).toArray())
        lines.append(e.toObject().value(QStringLiteral("line")).toInt());
    QCOMPARE(lines, (QList<int>{4, 5, 7, 7}));
    QVERIFY(bad.err.contains("watchlist_bad.json:5: birth_date:"));

    const Run good = kioskctl({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"),
                               QStringLiteral("permits"), kData + QStringLiteral("permits_good.csv")});
    QCOMPARE(good.exitCode, 0);
    QCOMPARE(good.json.value(QStringLiteral("imported")).toInt(), 2);

    // Usage errors: exit 2.
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--kind"), QStringLiteral("visas"),
                       kData + QStringLiteral("visas_good.csv")})
                 .exitCode,
             2);
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"), QStringLiteral("visas"),
                       QStringLiteral("--replace"), kData + QStringLiteral("visas_good.csv")})
                 .exitCode,
             2);
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"), QStringLiteral("people"),
                       kData + QStringLiteral("visas_good.csv")})
                 .exitCode,
             2);
}

void TestKioskctlStore::checkAgainstStore()
{
    const Run imported = kioskctl({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--kind"),
                                   QStringLiteral("crossings"), kData + QStringLiteral("check/history.csv")});
    QCOMPARE(imported.exitCode, 0);
    auto check = [&](const char *mrz, const char *direction) {
        return kioskctl({QStringLiteral("check"), QStringLiteral("--mrz"), kData + QStringLiteral("check/") + QLatin1String(mrz),
                         QStringLiteral("--direction"), QLatin1String(direction), QStringLiteral("--date"),
                         QStringLiteral("2026-05-01"), QStringLiteral("--db"), m_db});
    };

    // A store that never received a watchlist cannot rule out a ban: never a clean check.
    const Run unwatched = check("sokolov_old.mrz", "entry");
    QCOMPARE(unwatched.json.value(QStringLiteral("verdict")).toString(), QStringLiteral("REFER"));
    QVERIFY(reasons(unwatched.json).contains(QStringLiteral("WATCHLIST_STALE")));
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--kind"), QStringLiteral("watchlist"),
                       kData + QStringLiteral("check/unrelated.json")})
                 .exitCode,
             0);

    // History by document: entered 2026-01-10 visa-free (90 days, §21), leaves 2026-05-01.
    const Run old = check("sokolov_old.mrz", "exit");
    QCOMPARE(old.exitCode, 0);
    QCOMPARE(old.json.value(QStringLiteral("verdict")).toString(), QStringLiteral("REFER"));
    QCOMPARE(reasons(old.json), (QStringList{QStringLiteral("VISA_FREE"), QStringLiteral("OVERSTAY")}));
    QCOMPARE(old.json.value(QStringLiteral("overstay_days")).toInt(), 22);

    // A renewed passport: the history follows the person (nationality + birth date + names).
    const Run renewed = check("sokolov_new.mrz", "exit");
    QCOMPARE(reasons(renewed.json), (QStringList{QStringLiteral("VISA_FREE"), QStringLiteral("OVERSTAY")}));
    QCOMPARE(renewed.json.value(QStringLiteral("overstay_days")).toInt(), 22);

    // Same names and birth date under another nationality: flagged, never merged.
    const Run other = check("sokolov_kaz.mrz", "exit");
    QVERIFY2(reasons(other.json).contains(QStringLiteral("POSSIBLE_SAME_PERSON")), other.err.constData());
    QVERIFY(!reasons(other.json).contains(QStringLiteral("OVERSTAY")));

    // The old passport on the stolen list.
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--db"), m_db, QStringLiteral("--kind"), QStringLiteral("watchlist"),
                       kData + QStringLiteral("check/stolen.json")})
                 .exitCode,
             0);
    const Run stolen = check("sokolov_old.mrz", "entry");
    QVERIFY(reasons(stolen.json).contains(QStringLiteral("DOCUMENT_REPORTED_STOLEN")));
    QVERIFY(!reasons(check("sokolov_new.mrz", "entry").json).contains(QStringLiteral("DOCUMENT_REPORTED_STOLEN")));

    // No store at that path: a usage error, and no empty database is created.
    const QString missing = m_dir.filePath(QStringLiteral("missing.db"));
    const Run none = kioskctl({QStringLiteral("check"), QStringLiteral("--mrz"), kData + QStringLiteral("check/sokolov_old.mrz"),
                               QStringLiteral("--direction"), QStringLiteral("entry"), QStringLiteral("--date"),
                               QStringLiteral("2026-05-01"), QStringLiteral("--db"), missing});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(!QFile::exists(missing));
}

// kioskctl prune: the working set of an existing database (imported history is never pruned),
// never a new database made from a wrong path, and a bad date is a usage error.
void TestKioskctlStore::pruneExitStatuses()
{
    const QString db = m_dir.filePath(QStringLiteral("prune.db"));
    QCOMPARE(kioskctl({QStringLiteral("import"), QStringLiteral("--db"), db, QStringLiteral("--kind"), QStringLiteral("crossings"),
                       kData + QStringLiteral("check/history.csv")})
                 .exitCode,
             0);
    const Run dry = kioskctl({QStringLiteral("prune"), QStringLiteral("--db"), db, QStringLiteral("--date"), QStringLiteral("2030-01-01"),
                              QStringLiteral("--dry-run")});
    QCOMPARE(dry.exitCode, 0);
    QCOMPARE(dry.json.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(dry.json.value(QStringLiteral("dryRun")).toBool(), true);
    QCOMPARE(dry.json.value(QStringLiteral("date")).toString(), QStringLiteral("2030-01-01"));
    const int lookBack = dry.json.value(QStringLiteral("lookBackDays")).toInt();
    QVERIFY(lookBack >= 90); // the shipped policy: 90 days visa-free (§21)
    QCOMPARE(dry.json.value(QStringLiteral("cutoff")).toString(), QDate(2030, 1, 1).addDays(-(lookBack - 1)).toString(Qt::ISODate));
    QCOMPARE(dry.json.value(QStringLiteral("crossingsRemoved")).toInt(), 0); // imported, not pulled
    const Run real = kioskctl({QStringLiteral("prune"), QStringLiteral("--db"), db, QStringLiteral("--date"), QStringLiteral("2030-01-01")});
    QCOMPARE(real.exitCode, 0);
    QCOMPARE(real.json.value(QStringLiteral("dryRun")).toBool(), false);

    const QString missing = m_dir.filePath(QStringLiteral("no/such/kiosk.db"));
    const Run none = kioskctl({QStringLiteral("prune"), QStringLiteral("--db"), missing});
    QCOMPARE(none.exitCode, 1);
    QVERIFY2(none.err.contains("STORE_NOT_FOUND"), none.err.constData());
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(kioskctl({QStringLiteral("prune"), QStringLiteral("--db"), db, QStringLiteral("--date"), QStringLiteral("2030-02-30")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestKioskctlStore)
#include "tst_kioskctlstore.moc"
