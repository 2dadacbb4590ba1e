#include "sync/central/centraldatabase.h"

#include "app/core/privatefile.h"
#include "app/store/migrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

#include <atomic>

namespace Kiosk::Central {

namespace {

QString sqlError(const QSqlError &e)
{
    return e.text().trimmed();
}

// `clock` stamps applied_at; reading the version needs none.
Store::MigrationOptions migrationOptions(Backend backend, const Clock *clock)
{
    Store::MigrationOptions options;
    options.dialect = backend == Backend::Postgres ? Store::SqlDialect::Postgres : Store::SqlDialect::Sqlite;
    options.versionTable = QStringLiteral("central_schema");
    options.clock = clock;
    options.what = QStringLiteral("central");
    return options;
}

// The backend's folder through the store's migration runner. Its errors keep their messages
// under the central codes: CENTRAL_SCHEMA_TOO_NEW, else CENTRAL_MIGRATION_FAILED.
Result<void> migrate(const QSqlDatabase &db, Backend backend, const QString &root, const Clock &clock)
{
    const QString dir = root + (backend == Backend::Postgres ? QStringLiteral("/postgresql") : QStringLiteral("/sqlite"));
    auto migrations = Store::listMigrations(dir);
    if (migrations && migrations->isEmpty())
        return fail(QStringLiteral("CENTRAL_MIGRATION_FAILED"), QStringLiteral("no migrations in %1").arg(dir));
    Result<int> reached = migrations ? Store::runMigrations(db, *migrations, migrationOptions(backend, &clock))
                                     : Result<int>(std::unexpected(migrations.error()));
    if (reached)
        return {};
    const bool tooNew = reached.error().code == u"STORE_SCHEMA_TOO_NEW";
    return fail(tooNew ? QStringLiteral("CENTRAL_SCHEMA_TOO_NEW") : QStringLiteral("CENTRAL_MIGRATION_FAILED"), reached.error().message);
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

Result<CentralDatabase> CentralDatabase::open(const QString &url, const Clock &clock, const QString &migrationsRoot)
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
        // Every checkpoint's travellers: owner-only from the first byte.
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
    if (auto m = migrate(db, parsed->backend, migrationsRoot, clock); !m)
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
    return Store::readSchemaVersion(connection(), migrationOptions(m_backend, nullptr)).value_or(-1);
}

} // namespace Kiosk::Central
