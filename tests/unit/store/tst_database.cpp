#include "app/store/database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kiosk::Store;

namespace {
QString pragma(const Database &db, const char *name)
{
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name))) || !q.next())
        return QStringLiteral("<error>");
    return q.value(0).toString();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// Options whose migrations folder `sql` holds one file, 001_first.sql (table a).
Database::Options firstMigrationOnly(const QString &sql)
{
    QDir().mkpath(sql);
    writeFile(sql + QStringLiteral("/001_first.sql"), "CREATE TABLE a (x INTEGER);\n");
    Database::Options opts;
    opts.migrationsDir = sql;
    return opts;
}

int embeddedMigrationCount()
{
    const auto m = Database::migrations(QStringLiteral(":/kiosk/sql"));
    return m ? static_cast<int>(m->size()) : -1;
}
} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void freshDatabaseReachesLatestVersion();
    void pragmasInEffect();
    void reopenIsIdempotent();
    void brokenMigrationKeepsPreviousVersion();
    void migrationNumberingGaps_data();
    void migrationNumberingGaps();
    void databaseFromTheFutureIsRefused();
    void transactionRollsBackUnlessCommitted();
    void nestedTransactionIsASavepoint();
    void splitterKeepsTriggerBodies();
    void splitterKnowsPostgresQuoting();
    void connectionsAreIndependent();
    void readOnlyReadsAndRefusesWrites();
    void readOnlyNeverCreatesTheFile();
    void readOnlyNeverMigrates();
};

void TestDatabase::freshDatabaseReachesLatestVersion()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("kiosk.db")));
    QVERIFY2(db.has_value(), qPrintable(db ? QString() : db.error().message));
    QVERIFY(embeddedMigrationCount() >= 1);
    QCOMPARE(db->schemaVersion(), embeddedMigrationCount());
    // The tables a check needs exist.
    for (const char *table : {"persons", "documents", "crossings", "visas", "permits", "watchlist_entries",
                              "exit_restrictions", "policy_versions", "list_imports"}) {
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='%1'")
                           .arg(QLatin1String(table))));
        QVERIFY(q.next());
        QVERIFY2(q.value(0).toInt() == 1, table);
    }
}

void TestDatabase::pragmasInEffect()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("kiosk.db")));
    QVERIFY(db.has_value());
    QCOMPARE(pragma(*db, "journal_mode"), QStringLiteral("wal"));
    QCOMPARE(pragma(*db, "synchronous"), QStringLiteral("2")); // FULL
    QCOMPARE(pragma(*db, "foreign_keys"), QStringLiteral("1"));
    QCOMPARE(pragma(*db, "busy_timeout"), QStringLiteral("5000"));
    // foreign_keys really enforced: a crossing of an unknown person is refused.
    QSqlQuery q(db->connection());
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO crossings (person_id, direction, local_date) VALUES (999, 'entry', '2026-03-01')")));
}

void TestDatabase::reopenIsIdempotent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.db"));
    {
        auto db = Database::open(path);
        QVERIFY(db.has_value());
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO persons (nationality, surname, surname_key) VALUES ('RUS', 'X', 'X')")));
    }
    auto again = Database::open(path);
    QVERIFY2(again.has_value(), qPrintable(again ? QString() : again.error().message));
    QCOMPARE(again->schemaVersion(), embeddedMigrationCount());
    QSqlQuery q(again->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM persons")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // nothing re-created, nothing lost
}

void TestDatabase::brokenMigrationKeepsPreviousVersion()
{
    QTemporaryDir dir;
    const QString sql = dir.filePath(QStringLiteral("sql"));
    const QString path = dir.filePath(QStringLiteral("kiosk.db"));
    Database::Options opts = firstMigrationOnly(sql);
    {
        auto db = Database::open(path, opts);
        QVERIFY(db.has_value());
        QCOMPARE(db->schemaVersion(), 1);
    }
    // Second statement fails: the first one (table b) must be rolled back too.
    writeFile(sql + QStringLiteral("/002_broken.sql"),
              "CREATE TABLE b (y INTEGER);\n-- a comment\nINSERT INTO no_such_table VALUES (1);\n");
    auto broken = Database::open(path, opts);
    QVERIFY(!broken.has_value());
    QCOMPARE(broken.error().code, QStringLiteral("STORE_MIGRATION_FAILED"));
    QVERIFY2(broken.error().message.contains(QLatin1String("002_broken.sql")), qPrintable(broken.error().message));
    QVERIFY2(broken.error().message.contains(QLatin1String("statement 2 (line 3)")), qPrintable(broken.error().message));
    QVERIFY2(broken.error().message.contains(QLatin1String("no_such_table")), qPrintable(broken.error().message));

    // Fixed file: the database was left at version 1 without table b, so 002 applies cleanly.
    writeFile(sql + QStringLiteral("/002_broken.sql"), "CREATE TABLE b (y INTEGER);\n");
    auto fixed = Database::open(path, opts);
    QVERIFY2(fixed.has_value(), qPrintable(fixed ? QString() : fixed.error().message));
    QCOMPARE(fixed->schemaVersion(), 2);
}

void TestDatabase::migrationNumberingGaps_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::newRow("gap: 001 then 003") << QStringList{QStringLiteral("001_a.sql"), QStringLiteral("003_c.sql")};
    QTest::newRow("repeat: two 001") << QStringList{QStringLiteral("001_a.sql"), QStringLiteral("001_b.sql")};
    QTest::newRow("unnumbered file") << QStringList{QStringLiteral("001_a.sql"), QStringLiteral("extra.sql")};
}

void TestDatabase::migrationNumberingGaps()
{
    QFETCH(QStringList, files);
    QTemporaryDir dir;
    for (const QString &f : files)
        writeFile(dir.filePath(f), "SELECT 1;");
    Database::Options opts;
    opts.migrationsDir = dir.path();
    auto db = Database::open(dir.filePath(QStringLiteral("kiosk.db")), opts);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, QStringLiteral("STORE_MIGRATION_NUMBERING"));
}

void TestDatabase::databaseFromTheFutureIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.db"));
    {
        auto db = Database::open(path);
        QVERIFY(db.has_value());
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    auto db = Database::open(path);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, QStringLiteral("STORE_SCHEMA_TOO_NEW"));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("kiosk.db")));
    QVERIFY(db.has_value());
    const QString insert = QStringLiteral(
        "INSERT INTO persons (nationality, surname, surname_key) VALUES ('RUS', 'A', 'A')");
    {
        Transaction tx(*db);
        QVERIFY(tx.isActive());
        QVERIFY(db->exec(insert).has_value());
        // no commit: destructor rolls back
    }
    {
        Transaction tx(*db);
        QVERIFY(db->exec(insert).has_value());
        QVERIFY(tx.commit().has_value());
    }
    auto q = db->exec(QStringLiteral("SELECT count(*) FROM persons"));
    QVERIFY(q.has_value() && (*q)->next());
    QCOMPARE((*q)->value(0).toInt(), 1);
    QCOMPARE(db->transactionDepth(), 0);
}

void TestDatabase::nestedTransactionIsASavepoint()
{
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("kiosk.db")));
    QVERIFY(db.has_value());
    const QString insert = QStringLiteral(
        "INSERT INTO persons (nationality, surname, surname_key) VALUES ('RUS', ?, 'A')");
    {
        Transaction outer(*db);
        QVERIFY(db->exec(insert, {QStringLiteral("outer")}).has_value());
        {
            Transaction inner(*db);
            QCOMPARE(db->transactionDepth(), 2);
            QVERIFY(db->exec(insert, {QStringLiteral("inner-rolled-back")}).has_value());
        }
        {
            Transaction inner(*db);
            QVERIFY(db->exec(insert, {QStringLiteral("inner-kept")}).has_value());
            QVERIFY(inner.commit().has_value());
        }
        QVERIFY(outer.commit().has_value());
    }
    auto q = db->exec(QStringLiteral("SELECT group_concat(surname, ',') FROM (SELECT surname FROM persons ORDER BY id)"));
    QVERIFY(q.has_value() && (*q)->next());
    QCOMPARE((*q)->value(0).toString(), QStringLiteral("outer,inner-kept"));
}

void TestDatabase::splitterKeepsTriggerBodies()
{
    const QString script = QStringLiteral(
        "CREATE TABLE t (x TEXT DEFAULT 'a;b'); -- trailing; comment\n"
        "/* block; comment */\n"
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN\n"
        "  UPDATE t SET x = CASE WHEN x = 'q' THEN 'r' ELSE x END;\n"
        "  SELECT 1;\n"
        "END;\n"
        "INSERT INTO t VALUES ('it''s;');");
    const auto parts = splitSqlScript(script);
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts[0].text.contains(QLatin1String("'a;b'")));
    QCOMPARE(parts[0].line, 1);
    QVERIFY(parts[1].text.startsWith(QLatin1String("CREATE TRIGGER")));
    QVERIFY(parts[1].text.endsWith(QLatin1String("END")));
    QCOMPARE(parts[1].line, 3);
    QCOMPARE(parts[2].line, 7);
    QVERIFY(parts[2].text.contains(QLatin1String("'it''s;'")));
}

// PostgreSQL: a $tag$ body's ';' ends nothing, $1 is a parameter, '[' is no quote.
void TestDatabase::splitterKnowsPostgresQuoting()
{
    const QString script = QStringLiteral(
        "CREATE TABLE t (a INTEGER[], b TEXT);\n"
        "CREATE FUNCTION f() RETURNS trigger AS $body$\n"
        "BEGIN\n"
        "  NEW.b := 'x;y'; RETURN NEW;\n"
        "END;\n"
        "$body$ LANGUAGE plpgsql;\n"
        "SELECT $1::int, $$a;b$$;");
    const auto parts = splitSqlScript(script, SqlDialect::Postgres);
    QCOMPARE(parts.size(), 3);
    QVERIFY(parts[0].text.endsWith(QLatin1String("b TEXT)")));
    QVERIFY(parts[1].text.endsWith(QLatin1String("$body$ LANGUAGE plpgsql")));
    QCOMPARE(parts[1].line, 2);
    QCOMPARE(parts[2].text, QStringLiteral("SELECT $1::int, $$a;b$$"));
    QCOMPARE(parts[2].line, 7);
}

void TestDatabase::connectionsAreIndependent()
{
    QTemporaryDir dir;
    auto a = Database::open(dir.filePath(QStringLiteral("a.db")));
    auto b = Database::open(dir.filePath(QStringLiteral("b.db")));
    QVERIFY(a.has_value() && b.has_value());
    QVERIFY(a->connectionName() != b->connectionName());
    Database moved = std::move(*a);
    QCOMPARE(moved.schemaVersion(), embeddedMigrationCount());
}

// The reader's handle: what a writer committed is there, the journal mode is the file's own
// (not set again), and a write fails with SQLite's read-only error, whatever the SQL.
void TestDatabase::readOnlyReadsAndRefusesWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kiosk.db"));
    auto writer = Database::open(path);
    QVERIFY(writer.has_value());
    QVERIFY(writer->exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('probe', 'written')")).has_value());

    Database::Options ro;
    ro.readOnly = true;
    auto reader = Database::open(path, ro);
    QVERIFY2(reader.has_value(), qPrintable(reader ? QString() : reader.error().message));
    QVERIFY(reader->isReadOnly());
    QVERIFY(!writer->isReadOnly());
    QCOMPARE(reader->schemaVersion(), embeddedMigrationCount());
    QCOMPARE(pragma(*reader, "journal_mode"), QStringLiteral("wal"));
    auto read = reader->exec(QStringLiteral("SELECT value FROM sync_state WHERE key = 'probe'"));
    QVERIFY(read.has_value());
    QVERIFY((*read)->next());
    QCOMPARE((*read)->value(0).toString(), QStringLiteral("written"));
    (*read)->finish();

    auto write = reader->exec(QStringLiteral("UPDATE sync_state SET value = 'changed' WHERE key = 'probe'"));
    QVERIFY(!write.has_value());
    QCOMPARE(write.error().code, QStringLiteral("STORE_QUERY_FAILED"));
    QVERIFY2(write.error().message.contains(QLatin1String("readonly")), qPrintable(write.error().message));
    QVERIFY(!execScriptStatement(reader->connection(), QStringLiteral("PRAGMA user_version = 1")).has_value());
    QCOMPARE(writer->schemaVersion(), embeddedMigrationCount());
}

void TestDatabase::readOnlyNeverCreatesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.db"));
    Database::Options ro;
    ro.readOnly = true;
    auto db = Database::open(path, ro);
    QVERIFY(!db.has_value());
    QCOMPARE(db.error().code, QStringLiteral("STORE_NOT_FOUND"));
    QVERIFY2(db.error().message.contains(path), qPrintable(db.error().message));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

// A database older than the program: the reader says so, and leaves it as it was.
void TestDatabase::readOnlyNeverMigrates()
{
    QTemporaryDir dir;
    const QString sql = dir.filePath(QStringLiteral("sql"));
    const QString path = dir.filePath(QStringLiteral("kiosk.db"));
    Database::Options opts = firstMigrationOnly(sql);
    QVERIFY(Database::open(path, opts).has_value());
    writeFile(sql + QStringLiteral("/002_second.sql"), "CREATE TABLE b (y INTEGER);\n");

    opts.readOnly = true;
    auto old = Database::open(path, opts);
    QVERIFY(!old.has_value());
    QCOMPARE(old.error().code, QStringLiteral("STORE_SCHEMA_TOO_OLD"));
    QVERIFY2(old.error().message.contains(QLatin1String("version 1")) && old.error().message.contains(QLatin1String("version 2")),
             qPrintable(old.error().message));
    opts.readOnly = false;
    opts.migrationsDir = dir.filePath(QStringLiteral("none-needed"));
    QVERIFY(QDir().mkpath(opts.migrationsDir));
    writeFile(opts.migrationsDir + QStringLiteral("/001_first.sql"), "SELECT 1;\n");
    auto still = Database::open(path, opts);
    QVERIFY(still.has_value());
    QCOMPARE(still->schemaVersion(), 1); // untouched by the read-only attempt
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
