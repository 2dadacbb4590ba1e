#pragma once
// The kiosk's local SQLite database (architecture.md, conventions.md "Data"): one uniquely named
// QtSql connection per Database, WAL with synchronous=FULL (a crossing and its outbox entry must
// survive a power cut), foreign keys on, and the schema from numbered migration files.
//
// Migrations: every `resources/sql/NNN_name.sql` is embedded into kiosk_store as the Qt resource
// `:/kiosk/sql/NNN_name.sql` (CMake globs the folder, so a module that needs a table just adds
// the next numbered file there: no registration code). `open()` applies them with the one
// migration runner (app/store/migrations.h): every file whose number is above
// `PRAGMA user_version`, each in ONE transaction that also sets user_version to the file's
// number; a failing statement rolls the file back and is returned as an error naming the file,
// the statement and its line, leaving the database at the previous version.
#include "app/core/error.h"
#include "app/store/migrations.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <unordered_map>

namespace Kiosk::Store {

class Database
{
public:
    struct Options
    {
        // Where the NNN_name.sql files are; the embedded resources by default. Tests point this
        // at a folder of their own (e.g. to check that a broken migration is rolled back).
        QString migrationsDir = QStringLiteral(":/kiosk/sql");
        int busyTimeoutMs = 5000;
        qint64 mmapBytes = 256LL * 1024 * 1024; // PRAGMA mmap_size
        int cacheKiB = 32 * 1024;               // PRAGMA cache_size (negative = KiB)
        // A reader's handle (the information screen, `log verify`, `sync --status`): an SQLite
        // read-only connection that never creates the file, never changes the journal mode and
        // never migrates, so it works on a full disk and cannot write a crossing. Every write
        // through it fails (STORE_QUERY_FAILED: "attempt to write a readonly database").
        bool readOnly = false;
    };

    // Opens (creating if needed) the database at `path` and brings its schema up to date.
    // Errors: STORE_OPEN_FAILED, STORE_PRAGMA_FAILED, STORE_MIGRATION_NUMBERING,
    // STORE_MIGRATION_READ_FAILED, STORE_MIGRATION_FAILED, STORE_SCHEMA_TOO_NEW.
    // With Options::readOnly: the file must exist (STORE_NOT_FOUND) at this program's schema
    // version (STORE_SCHEMA_TOO_OLD: a writing command migrates it first; STORE_SCHEMA_TOO_NEW).
    [[nodiscard]] static Result<Database> open(const QString &path);
    [[nodiscard]] static Result<Database> open(const QString &path, const Options &options);

    // The migration files of a folder, ordered by number (listMigrations, app/store/migrations.h).
    [[nodiscard]] static Result<QList<Migration>> migrations(const QString &dir);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] QString connectionName() const { return m_name; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] bool isReadOnly() const { return m_readOnly; }

    // A prepared statement kept for the connection's lifetime: preparing costs more than most
    // of the lookups a check makes (tests/bench/bench_store.cpp). The caller binds, executes
    // and must call finish() (or let it be re-executed) before the next use of the same SQL.
    // Errors: STORE_PREPARE_FAILED.
    [[nodiscard]] Result<QSqlQuery *> prepared(const QString &sql);

    // Executes one statement with positional bindings; returns the executed query (for
    // SELECTs: positioned before the first row). Errors: STORE_QUERY_FAILED.
    [[nodiscard]] Result<QSqlQuery *> exec(const QString &sql, const QVariantList &bindings = {});

    // Transaction nesting depth, maintained by Transaction.
    [[nodiscard]] int transactionDepth() const { return m_depth; }

private:
    friend class Transaction;
    Database(QString name, QString path);
    [[nodiscard]] static Result<Database> openReadOnly(const QString &path, const Options &options, qsizetype knownVersion);
    void closeConnection();

    QString m_name;
    QString m_path;
    int m_depth = 0;
    bool m_readOnly = false;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

// RAII transaction: BEGIN IMMEDIATE at the outermost level (the write lock is taken up front,
// so two writers never deadlock upgrading a read lock), a SAVEPOINT when nested, so a repository
// method can always open one and still join a caller's transaction (the crossing and its outbox
// entry: architecture.md). Rolled back on destruction unless commit() succeeded.
class Transaction
{
public:
    // Read: a plain (deferred) BEGIN, for a consistent snapshot of several lookups without
    // taking the write lock (WAL readers never block the writer).
    enum class Mode { Write, Read };
    explicit Transaction(Database &db, Mode mode = Mode::Write);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    // False when BEGIN itself failed (error() says why); commit() then fails too.
    [[nodiscard]] bool isActive() const { return m_active; }
    [[nodiscard]] const Error &error() const { return m_error; }

    // Errors: STORE_TRANSACTION_FAILED.
    [[nodiscard]] Result<void> commit();
    void rollback();

private:
    Database &m_db;
    int m_level = 0;
    bool m_active = false;
    Error m_error;
};

// Runs `sql` once (no statement cache), for scripts and pragmas. Errors: STORE_QUERY_FAILED.
[[nodiscard]] Result<void> execScriptStatement(const QSqlDatabase &db, const QString &sql);

// SQLite's own check of the file (PRAGMA quick_check, or integrity_check when `full`): the
// problems it names (at most 20), empty when the file is sound. A query that fails on a
// damaged page is one problem. `kioskctl log verify` reports them; `record` and border-kiosk
// refuse to write into a damaged file (README "A damaged kiosk database").
[[nodiscard]] QStringList fileProblems(Database &db, bool full = false);

} // namespace Kiosk::Store
