#pragma once
// The central service's database: `sqlite:PATH` (embedded default, demos, tests) or
// `postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME` (production; several service instances may
// share it). open() connects and applies the numbered migrations of the backend's folder
// (resources/sql/central/<backend>/NNN_name.sql) with the store's migration runner
// (app/store/migrations.h: each file in one transaction, recorded in central_schema with its
// applied_at from the caller's clock; on PostgreSQL under an advisory lock so that instances
// starting together do not race; a database newer than this program is refused).
#include "app/core/error.h"

#include <QSqlDatabase>
#include <QString>

namespace Kiosk {
class Clock;
}

namespace Kiosk::Central {

enum class Backend { Sqlite, Postgres };

struct DatabaseUrl
{
    Backend backend = Backend::Sqlite;
    QString path;     // sqlite
    QString host;     // postgres
    int port = 5432;
    QString user;
    QString password;
    QString database;
};

// Errors: CENTRAL_DB_URL (names what is wrong with the URL).
[[nodiscard]] Result<DatabaseUrl> parseDatabaseUrl(const QString &url);

class CentralDatabase
{
public:
    // Errors: CENTRAL_DB_URL, CENTRAL_DB_OPEN, CENTRAL_MIGRATION_FAILED (names file and statement),
    // CENTRAL_SCHEMA_TOO_NEW (the database has a migration this program does not know).
    [[nodiscard]] static Result<CentralDatabase> open(const QString &url, const Clock &clock,
                                                      const QString &migrationsRoot = QStringLiteral(":/kiosk/central-sql"));

    CentralDatabase(CentralDatabase &&other) noexcept;
    CentralDatabase &operator=(CentralDatabase &&other) noexcept;
    CentralDatabase(const CentralDatabase &) = delete;
    CentralDatabase &operator=(const CentralDatabase &) = delete;
    ~CentralDatabase();

    [[nodiscard]] QSqlDatabase connection() const;
    [[nodiscard]] Backend backend() const { return m_backend; }
    [[nodiscard]] int schemaVersion() const;

private:
    void close();
    CentralDatabase(QString name, Backend backend) : m_name(std::move(name)), m_backend(backend) {}
    QString m_name;
    Backend m_backend = Backend::Sqlite;
};

} // namespace Kiosk::Central
