#pragma once
// The one runner of numbered SQL migrations: the kiosk's store (SQLite, app/store/database.h)
// and the central service's database (SQLite or PostgreSQL, sync/central/centraldatabase.h)
// both bring their schema up to date with it, so both follow the same rules:
//
// - a folder holds NNN_name.sql files numbered 001, 002, ... without gaps or repeats;
// - every file above the database's version is applied in order, each in ONE transaction that
//   also records its version, so a failing statement rolls its file back and leaves the
//   database at the previous version (the error names the file, the statement and its line);
// - a database at a version above the folder's last file was written by a newer program and is
//   refused, never migrated "down" or written into;
// - scripts are split into statements by splitSqlScript, one splitter for both dialects.
#include "app/core/error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringView>

namespace Kiosk {
class Clock;
}

namespace Kiosk::Store {

enum class SqlDialect { Sqlite, Postgres };

// One migration file as found in the migrations folder.
struct Migration
{
    int version = 0;      // NNN of NNN_name.sql
    QString fileName;     // "001_schema.sql"
    QString path;         // where it was read from
};

// Splits an SQL script into statements (SQLite executes one per call). Knows quotes, `--` and
// `/* */` comments and CREATE TRIGGER ... BEGIN ... END bodies, whose inner `;` do not end the
// statement; for PostgreSQL also $tag$ ... $tag$ quoting (function bodies), and `[` / backquote
// are no quotes there. Each statement comes with the 1-based line it starts on.
struct SqlStatement
{
    QString text;
    int line = 0;
};
[[nodiscard]] QList<SqlStatement> splitSqlScript(QStringView script, SqlDialect dialect = SqlDialect::Sqlite);

// The migration files of a folder, ordered by number. Errors: STORE_MIGRATION_READ_FAILED (no
// such folder), STORE_MIGRATION_NUMBERING (two files share a number, a number is missing, or a
// name is not NNN_name.sql).
[[nodiscard]] Result<QList<Migration>> listMigrations(const QString &dir);

// STORE_SCHEMA_TOO_NEW when `version` is above `known` (the number of migrations this program
// has); `what` names the database in the message.
[[nodiscard]] Result<void> refuseNewerSchema(int version, qsizetype known, const QString &what);

struct MigrationOptions
{
    SqlDialect dialect = SqlDialect::Sqlite;
    // Where the applied version is kept. Empty: SQLite's PRAGMA user_version (in the file's
    // header, so it commits or rolls back with the migration's statements). Otherwise a table of
    // that name (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL), created when missing,
    // one row per applied file; the version is its largest.
    QString versionTable;
    // Stamps applied_at (UTC, ISO 8601) of a version table's rows. Required with versionTable.
    const Clock *clock = nullptr;
    QString what; // the database, as the messages name it
};

// The database's version: STORE_OPEN_FAILED when it cannot be read.
[[nodiscard]] Result<int> readSchemaVersion(const QSqlDatabase &db, const MigrationOptions &options);

// Applies every migration of `migrations` (as listMigrations returns them) above the database's
// version and returns the version reached. On PostgreSQL under an advisory lock, so that
// service instances starting together on one database do not race; each file re-reads the
// version inside its own transaction, so one applied meanwhile by another process is skipped.
// Errors: STORE_OPEN_FAILED, STORE_SCHEMA_TOO_NEW, STORE_MIGRATION_READ_FAILED,
// STORE_MIGRATION_FAILED.
[[nodiscard]] Result<int> runMigrations(const QSqlDatabase &db, const QList<Migration> &migrations, const MigrationOptions &options);

} // namespace Kiosk::Store
