#include "app/store/database.h"

#include "app/core/privatefile.h"
#include "app/store/sqlerror_p.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>

#include <sqlite3.h>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "kiosk.store", QtInfoMsg)

namespace Kiosk::Store {

namespace {

QString nextConnectionName()
{
    static std::atomic<quint64> counter{0};
    return QStringLiteral("kiosk-store-%1").arg(++counter);
}

// Adds and opens the QtSql connection `name` on `file` (a path, or a URI with
// QSQLITE_OPEN_URI); `path` is what the error names.
Result<void> openConnection(const QString &name, const QString &file, const QString &connectOptions, const QString &path)
{
    QSqlDatabase conn = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    conn.setDatabaseName(file);
    conn.setConnectOptions(connectOptions);
    if (!conn.open())
        return fail(QStringLiteral("STORE_OPEN_FAILED"), QStringLiteral("cannot open database %1: %2").arg(path, conn.lastError().text()));
    return {};
}

Result<void> runPragmas(const QSqlDatabase &conn, const QStringList &pragmas)
{
    for (const QString &p : pragmas) {
        if (auto r = execScriptStatement(conn, p); !r)
            return fail(QStringLiteral("STORE_PRAGMA_FAILED"), r.error().message);
    }
    return {};
}

// The pragmas of every connection after busy_timeout. A check makes a dozen random index
// lookups: memory-mapped reads spare a read() call per page, and a larger page cache keeps the
// indexes of a 1,000,000-crossing store resident (tests/bench/bench_store.cpp).
QStringList readPragmas(const Database::Options &options)
{
    return {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA mmap_size = %1").arg(options.mmapBytes),
            QStringLiteral("PRAGMA cache_size = -%1").arg(options.cacheKiB)};
}

// PRAGMA user_version, or the error that stopped reading it (its SQLite code decides whether a
// read-only open may fall back to the immutable file).
struct VersionRead
{
    int version = -1;
    QSqlError error;
};

VersionRead readUserVersion(const QSqlDatabase &conn)
{
    QSqlQuery q(conn);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return {q.value(0).toInt(), {}};
    return {-1, q.lastError()};
}

Result<int> checkedVersion(const VersionRead &read, qsizetype known, const QString &path)
{
    if (read.version < 0)
        return fail(QStringLiteral("STORE_OPEN_FAILED"),
                    QStringLiteral("cannot read the schema version of %1%2")
                        .arg(path, read.error.isValid() ? QStringLiteral(": ") + read.error.text() : QString()));
    if (auto newer = refuseNewerSchema(read.version, known, path); !newer)
        return std::unexpected(newer.error());
    return read.version;
}

// The QSQLITE driver reports SQLite's result code as the native code (extended or primary).
bool isIoError(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok && (code & 0xff) == SQLITE_IOERR;
}

// True when the write-ahead log holds no frame: every committed transaction is then in the
// database file itself.
bool walIsEmpty(const QString &path)
{
    const QFileInfo wal(path + QStringLiteral("-wal"));
    return !wal.exists() || wal.size() == 0;
}

// Whether SQLite still has a transaction open on `conn`. On SQLITE_FULL, SQLITE_IOERR or
// SQLITE_NOMEM, in a statement or in COMMIT, SQLite may roll the whole transaction back by
// itself (sqlite.org/lang_transaction.html, "Response To Errors Within A Transaction"); a
// ROLLBACK after that only fails with "no transaction is active".
bool inTransaction(const QSqlDatabase &conn)
{
    const QVariant handle = conn.driver() ? conn.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return true; // not SQLite's handle: let ROLLBACK say
    sqlite3 *const db = *static_cast<sqlite3 *const *>(handle.constData());
    return db && sqlite3_get_autocommit(db) == 0;
}

} // namespace

Result<void> execScriptStatement(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return fail(QStringLiteral("STORE_QUERY_FAILED"), QStringLiteral("%1: %2").arg(Sql::shorten(sql), Sql::lastErrorText(q)));
    return {};
}

Result<QList<Migration>> Database::migrations(const QString &dir)
{
    return listMigrations(dir);
}

Database::Database(QString name, QString path) : m_name(std::move(name)), m_path(std::move(path)) {}

Database::Database(Database &&other) noexcept
    : m_name(std::exchange(other.m_name, QString())),
      m_path(std::move(other.m_path)),
      m_depth(std::exchange(other.m_depth, 0)),
      m_readOnly(other.m_readOnly),
      m_statements(std::move(other.m_statements))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        closeConnection();
        m_name = std::exchange(other.m_name, QString());
        m_path = std::move(other.m_path);
        m_depth = std::exchange(other.m_depth, 0);
        m_readOnly = other.m_readOnly;
        m_statements = std::move(other.m_statements);
    }
    return *this;
}

Database::~Database()
{
    closeConnection();
}

void Database::closeConnection()
{
    m_statements.clear(); // queries must die before their connection is removed
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_name, false);
}

int Database::schemaVersion() const
{
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Result<QSqlQuery *> Database::prepared(const QString &sql)
{
    if (auto it = m_statements.find(sql); it != m_statements.end())
        return it->second.get();
    auto q = std::make_unique<QSqlQuery>(connection());
    q->setForwardOnly(true); // results are read once, in order: no client-side row cache
    if (!q->prepare(sql))
        return fail(QStringLiteral("STORE_PREPARE_FAILED"), QStringLiteral("%1: %2").arg(Sql::shorten(sql), Sql::lastErrorText(*q)));
    QSqlQuery *raw = q.get();
    m_statements.emplace(sql, std::move(q));
    return raw;
}

Result<QSqlQuery *> Database::exec(const QString &sql, const QVariantList &bindings)
{
    auto q = prepared(sql);
    if (!q)
        return q;
    QSqlQuery *query = *q;
    query->finish();
    int i = 0;
    for (const QVariant &v : bindings)
        query->bindValue(i++, v);
    if (!query->exec())
        return fail(QStringLiteral("STORE_QUERY_FAILED"), QStringLiteral("%1: %2").arg(Sql::shorten(sql), Sql::lastErrorText(*query)));
    return query;
}

Result<Database> Database::open(const QString &path)
{
    return open(path, Options{});
}

Result<Database> Database::open(const QString &path, const Options &options)
{
    const auto migrationList = migrations(options.migrationsDir);
    if (!migrationList)
        return std::unexpected(migrationList.error());
    if (options.readOnly)
        return openReadOnly(path, options, migrationList->size());

    // Traveller data: the file is made owner-only before SQLite writes a byte, and
    // SQLite gives its -wal and -shm files the database file's mode. ":memory:" is no file.
    if (path != u":memory:" && !path.isEmpty())
        if (auto made = ensurePrivateFile(path); !made)
            return fail(QStringLiteral("STORE_OPEN_FAILED"), QStringLiteral("cannot open database %1: %2").arg(path, made.error().message));
    Database db(nextConnectionName(), path);
    if (auto opened = openConnection(db.m_name, path, QString(), path); !opened)
        return std::unexpected(opened.error());
    const QSqlDatabase conn = db.connection();

    // busy_timeout first: the others may need a lock another process holds.
    // WAL + synchronous=FULL: a committed crossing survives a power cut (conventions.md "Data").
    if (auto set = runPragmas(conn, QStringList{QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs),
                                                QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = FULL")}
                                        + readPragmas(options));
        !set)
        return std::unexpected(set.error());

    MigrationOptions migrate;
    migrate.what = path;
    if (auto reached = runMigrations(conn, *migrationList, migrate); !reached)
        return std::unexpected(reached.error());
    return db;
}

Result<Database> Database::openReadOnly(const QString &path, const Options &options, qsizetype knownVersion)
{
    // Never created: a reader given a wrong path must say so, not leave an empty database there.
    if (path.isEmpty() || path == u":memory:" || !QFileInfo(path).isFile())
        return fail(QStringLiteral("STORE_NOT_FOUND"),
                    QStringLiteral("no database at '%1' (a read-only open never creates one)").arg(path));
    const QString readOnly = QStringLiteral("QSQLITE_OPEN_READONLY");
    const QString busy = QStringLiteral("PRAGMA busy_timeout = %1").arg(options.busyTimeoutMs);
    Database db(nextConnectionName(), path);
    db.m_readOnly = true;
    if (auto opened = openConnection(db.m_name, path, readOnly, path); !opened)
        return std::unexpected(opened.error());
    if (auto set = runPragmas(db.connection(), {busy}); !set)
        return std::unexpected(set.error());
    VersionRead read = readUserVersion(db.connection());
    // A WAL reader needs the shared-memory index beside the file (PATH-shm), and SQLite builds
    // it when no other connection has: on a full disk that fails ("disk I/O error"). When the
    // log holds no frame, the database file alone is the whole committed state, so it is read
    // as an immutable file (no index, no locks). Only then: with frames in the log the file
    // alone would be out of date.
    if (read.version < 0 && isIoError(read.error) && walIsEmpty(path)) {
        qCInfo(lcStore) << "no room for the shared-memory index of" << path << "- reading the database file without it";
        QUrl uri = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
        uri.setQuery(QStringLiteral("immutable=1"));
        Database frozen(nextConnectionName(), path);
        frozen.m_readOnly = true;
        if (auto opened = openConnection(frozen.m_name, uri.toString(QUrl::FullyEncoded), readOnly + QStringLiteral(";QSQLITE_OPEN_URI"), path);
            !opened)
            return std::unexpected(opened.error());
        if (auto set = runPragmas(frozen.connection(), {busy}); !set)
            return std::unexpected(set.error());
        read = readUserVersion(frozen.connection());
        db = std::move(frozen);
    }
    const auto version = checkedVersion(read, knownVersion, path);
    if (!version)
        return std::unexpected(version.error());
    if (*version < knownVersion)
        return fail(QStringLiteral("STORE_SCHEMA_TOO_OLD"),
                    QStringLiteral("database %1 is at schema version %2 but this program reads version %3; a command that writes "
                                   "(kioskctl record or sync --once) brings it up to date first")
                        .arg(path)
                        .arg(*version)
                        .arg(knownVersion));
    if (auto set = runPragmas(db.connection(), readPragmas(options)); !set)
        return std::unexpected(set.error());
    return db;
}

// --- Transaction -------------------------------------------------------------------------

Transaction::Transaction(Database &db, Mode mode) : m_db(db)
{
    m_level = db.m_depth;
    const QString sql = m_level > 0            ? QStringLiteral("SAVEPOINT kiosk_sp_%1").arg(m_level)
                        : mode == Mode::Write ? QStringLiteral("BEGIN IMMEDIATE")
                                              : QStringLiteral("BEGIN DEFERRED");
    if (auto r = execScriptStatement(db.connection(), sql); !r) {
        m_error = Error{QStringLiteral("STORE_TRANSACTION_FAILED"), r.error().message};
        return;
    }
    m_active = true;
    ++db.m_depth;
}

Transaction::~Transaction()
{
    rollback();
}

Result<void> Transaction::commit()
{
    if (!m_active)
        return fail(QStringLiteral("STORE_TRANSACTION_FAILED"),
                    m_error.message.isEmpty() ? QStringLiteral("transaction is not active") : m_error.message);
    const QString sql = m_level == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE kiosk_sp_%1").arg(m_level);
    if (auto r = execScriptStatement(m_db.connection(), sql); !r) {
        rollback();
        return fail(QStringLiteral("STORE_TRANSACTION_FAILED"), r.error().message);
    }
    m_active = false;
    --m_db.m_depth;
    return {};
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    --m_db.m_depth;
    const QSqlDatabase conn = m_db.connection();
    if (!inTransaction(conn)) {
        // SQLite already rolled it back (a failed COMMIT on a full disk): nothing is left to undo.
        qCDebug(lcStore) << "transaction already rolled back by SQLite";
        return;
    }
    if (m_level == 0) {
        // Cached statements still stepping hold a read cursor that can make ROLLBACK fail.
        for (auto &entry : m_db.m_statements)
            entry.second->finish();
        if (auto r = execScriptStatement(conn, QStringLiteral("ROLLBACK")); !r)
            qCWarning(lcStore) << "rollback failed:" << r.error().message;
    } else {
        const QString name = QStringLiteral("kiosk_sp_%1").arg(m_level);
        if (auto r = execScriptStatement(conn, QStringLiteral("ROLLBACK TO ") + name); !r)
            qCWarning(lcStore) << "rollback to savepoint failed:" << r.error().message;
        (void)execScriptStatement(conn, QStringLiteral("RELEASE ") + name);
    }
}

QStringList fileProblems(Database &db, bool full)
{
    QStringList problems;
    QSqlQuery q(db.connection());
    if (!q.exec(full ? QStringLiteral("PRAGMA integrity_check(20)") : QStringLiteral("PRAGMA quick_check(20)"))) {
        problems << Sql::lastErrorText(q);
        return problems;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems << line;
    }
    return problems;
}

} // namespace Kiosk::Store
