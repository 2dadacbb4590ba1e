#include "sync/central/centraldatabase.h"

#include "app/core/privatefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

namespace Kiosk::Central {

namespace {

constexpr qint64 MigrationLockKey = 7243101; // pg_advisory_lock key of the migrator

QString sqlError(const QSqlError &e)
{
    return e.text().trimmed();
}

// Statements end with ';' at the end of a line; `--` comments are dropped first (the central
// migrations hold no string literals or trigger bodies, so this is enough).
QStringList splitStatements(const QString &script)
{
    QString stripped;
    for (const QString &line : script.split(u'\n')) {
        const qsizetype dash = line.indexOf(QLatin1String("--"));
        stripped += (dash >= 0 ? line.left(dash) : line) + u'\n';
    }
    QStringList out;
    for (const QString &part : stripped.split(QRegularExpression(QStringLiteral(";\\s*\\n")))) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

Result<void> run(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql))
        return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("%1: %2").arg(sql.left(80), sqlError(q.lastError())));
    return {};
}

int currentVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM central_schema")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Result<void> migrate(QSqlDatabase &db, Backend backend, const QString &root)
{
    const QString dir = root + (backend == Backend::Postgres ? QStringLiteral("/postgresql") : QStringLiteral("/sqlite"));
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("no migrations in %1").arg(dir));
    if (backend == Backend::Postgres) {
        if (auto r = run(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey)); !r)
            return r;
    }
    auto unlock = qScopeGuard([&] {
        if (backend == Backend::Postgres)
            (void)run(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    });
    if (auto r = run(db, QStringLiteral("CREATE TABLE IF NOT EXISTS central_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")); !r)
        return r;
    int expected = 1;
    for (const QString &file : files) {
        const int version = file.left(3).toInt();
        if (version != expected || file.size() < 5 || file.at(3) != u'_')
            return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("migration %1/%2: expected number %3").arg(dir, file).arg(expected));
        ++expected;
        if (version <= currentVersion(db))
            continue;
        QFile f(dir + u'/' + file);
        if (!f.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("cannot read %1").arg(f.fileName()));
        const QString script = QString::fromUtf8(f.readAll());
        if (!db.transaction())
            return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), sqlError(db.lastError()));
        for (const QString &statement : splitStatements(script)) {
            if (auto r = run(db, statement); !r) {
                db.rollback();
                return fail(r.error().code, QStringLiteral("%1: %2").arg(file, r.error().message));
            }
        }
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO central_schema (version, applied_at) VALUES (?, ?)"));
        q.addBindValue(version);
        q.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        if (!q.exec() || !db.commit()) {
            const QString why = sqlError(q.lastError()) + sqlError(db.lastError());
            db.rollback();
            return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("%1: %2").arg(file, why));
        }
    }
    return {};
}

} // namespace

Result<DatabaseUrl> parseDatabaseUrl(const QString &url)
{
    DatabaseUrl out;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        out.backend = Backend::Sqlite;
        out.path = url.mid(7);
        if (out.path.isEmpty())
            return fail(QStringLiteral("CENTRAL_DB_URL"), QStringLiteral("sqlite: URL without a path"));
        return out;
    }
    if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(url, QUrl::StrictMode);
        if (!u.isValid() || u.host().isEmpty())
            return fail(QStringLiteral("CENTRAL_DB_URL"), QStringLiteral("PostgreSQL URL needs a host: postgresql://USER@HOST:PORT/DBNAME"));
        out.backend = Backend::Postgres;
        out.host = u.host();
        out.port = u.port(5432);
        out.user = u.userName();
        out.password = u.password();
        out.database = u.path().mid(1);
        if (out.database.isEmpty())
            return fail(QStringLiteral("CENTRAL_DB_URL"), QStringLiteral("PostgreSQL URL needs a database name after the host"));
        return out;
    }
    return fail(QStringLiteral("CENTRAL_DB_URL"), QStringLiteral("database URL must start with sqlite: or postgresql://"));
}

Result<CentralDatabase> CentralDatabase::open(const QString &url, const QString &migrationsRoot)
{
    auto parsed = parseDatabaseUrl(url);
    if (!parsed)
        return std::unexpected(parsed.error());
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("kiosk-central-%1").arg(counter.fetch_add(1));
    CentralDatabase result(name, parsed->backend);
    QSqlDatabase db = QSqlDatabase::addDatabase(parsed->backend == Backend::Postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (parsed->backend == Backend::Postgres) {
        db.setHostName(parsed->host);
        db.setPort(parsed->port);
        db.setUserName(parsed->user);
        db.setPassword(parsed->password);
        db.setDatabaseName(parsed->database);
    } else {
        // Every checkpoint's travellers: owner-only from the first byte (issue 12 §1).
        if (parsed->path != u":memory:")
            if (auto made = ensurePrivateFile(parsed->path); !made)
                return fail(QStringLiteral("CENTRAL_DB_OPEN"), made.error().message);
        db.setDatabaseName(parsed->path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!db.open())
        return fail(QStringLiteral("CENTRAL_DB_OPEN"), QStringLiteral("cannot open %1: %2").arg(parsed->backend == Backend::Postgres ? parsed->host : parsed->path, sqlError(db.lastError())));
    if (parsed->backend == Backend::Sqlite) {
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
            QSqlQuery q(db);
            if (!q.exec(QString::fromLatin1(pragma)))
                return fail(QStringLiteral("CENTRAL_DB_OPEN"), QStringLiteral("%1: %2").arg(QString::fromLatin1(pragma), sqlError(q.lastError())));
        }
    }
    if (auto m = migrate(db, parsed->backend, migrationsRoot); !m)
        return std::unexpected(m.error());
    return result;
}

CentralDatabase::CentralDatabase(CentralDatabase &&other) noexcept
    : m_name(std::exchange(other.m_name, QString())), m_backend(other.m_backend)
{
}

CentralDatabase &CentralDatabase::operator=(CentralDatabase &&other) noexcept
{
    if (this != &other) {
        close();
        m_name = std::exchange(other.m_name, QString());
        m_backend = other.m_backend;
    }
    return *this;
}

CentralDatabase::~CentralDatabase()
{
    close();
}

void CentralDatabase::close()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(std::exchange(m_name, QString()));
}

QSqlDatabase CentralDatabase::connection() const
{
    return QSqlDatabase::database(m_name, false);
}

int CentralDatabase::schemaVersion() const
{
    return currentVersion(connection());
}

} // namespace Kiosk::Central
