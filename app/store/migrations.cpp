#include "app/store/migrations.h"

#include "app/core/clock.h"
#include "app/store/database.h"
#include "app/store/sqlerror_p.h"
#include "app/store/sqlvalue_p.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlQuery>

#include <algorithm>

Q_LOGGING_CATEGORY(lcMigrations, "kiosk.store.migrations", QtInfoMsg)

namespace Kiosk::Store {

namespace {

constexpr qint64 MigrationLockKey = 7243101; // pg_advisory_lock key of the migrator

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

// splitSqlScript's state: the statement being gathered, the line, and the first words of the
// statement outside quotes and comments, upper-cased, to recognise CREATE [TEMP] TRIGGER and
// count BEGIN/CASE ... END depth inside its body.
class ScriptSplitter
{
public:
    ScriptSplitter(QStringView script, SqlDialect dialect) : m_s(script), m_dialect(dialect) {}

    QList<SqlStatement> run()
    {
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i];
            if (c == u'-' && peek(1) == u'-')
                skipLineComment();
            else if (c == u'/' && peek(1) == u'*')
                skipBlockComment();
            else if (isQuote(c))
                copyQuoted(c == u'[' ? QChar(u']') : c);
            else if (const qsizetype tag = dollarTagLength(); tag > 0)
                copyDollarQuoted(tag);
            else
                plain(c);
        }
        finishStatement();
        return m_out;
    }

private:
    [[nodiscard]] QChar peek(qsizetype k) const { return m_i + k < m_s.size() ? m_s[m_i + k] : QChar(); }

    [[nodiscard]] bool isQuote(QChar c) const
    {
        return c == u'\'' || c == u'"' || (m_dialect == SqlDialect::Sqlite && (c == u'`' || c == u'['));
    }

    // PostgreSQL's $tag$ opening a dollar-quoted string: its length, or 0 ($1 is a parameter).
    [[nodiscard]] qsizetype dollarTagLength() const
    {
        if (m_dialect != SqlDialect::Postgres || m_s[m_i] != u'$')
            return 0;
        qsizetype j = m_i + 1;
        while (j < m_s.size() && isWordChar(m_s[j]) && !(j == m_i + 1 && m_s[j].isDigit()))
            ++j;
        return j < m_s.size() && m_s[j] == u'$' ? j - m_i + 1 : 0;
    }

    void skipLineComment() // dropped, its line break kept
    {
        endWord();
        while (m_i < m_s.size() && m_s[m_i] != u'\n')
            ++m_i;
        if (m_i < m_s.size()) {
            ++m_line;
            m_current.append(u'\n');
            ++m_i;
        }
    }

    void skipBlockComment() // one space instead
    {
        endWord();
        m_i += 2;
        while (m_i < m_s.size() && !(m_s[m_i] == u'*' && peek(1) == u'/')) {
            if (m_s[m_i] == u'\n')
                ++m_line;
            ++m_i;
        }
        m_i += 2;
        m_current.append(u' ');
    }

    void copyQuoted(QChar close) // a doubled closing character inside is an escape
    {
        startQuoted();
        m_current.append(m_s[m_i++]);
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i];
            m_current.append(c);
            if (c == u'\n')
                ++m_line;
            if (c == close) {
                if (close == u']' || peek(1) != close)
                    break;
                m_current.append(m_s[++m_i]);
            }
            ++m_i;
        }
        ++m_i; // past the closing character
    }

    void copyDollarQuoted(qsizetype tagLength)
    {
        startQuoted();
        const QStringView tag = m_s.mid(m_i, tagLength);
        const qsizetype close = m_s.indexOf(tag, m_i + tagLength);
        const qsizetype end = close < 0 ? m_s.size() : close + tagLength;
        const QStringView body = m_s.mid(m_i, end - m_i);
        m_current.append(body);
        m_line += static_cast<int>(body.count(u'\n'));
        m_i = end;
    }

    void startQuoted()
    {
        endWord();
        if (m_startLine == 0)
            m_startLine = m_line;
    }

    void plain(QChar c)
    {
        ++m_i;
        if (!isWordChar(c))
            endWord(); // before the ';' test: "END;" must close the trigger body first
        if (c == u';' && m_depth == 0) {
            finishStatement();
            return;
        }
        if (isWordChar(c))
            m_word.append(c);
        if (c == u'\n')
            ++m_line;
        if (m_startLine == 0 && !c.isSpace())
            m_startLine = m_line;
        m_current.append(c);
    }

    void endWord()
    {
        if (m_word.isEmpty())
            return;
        const QString w = std::exchange(m_word, QString()).toUpper();
        if (m_words.size() < 4)
            m_words.append(w);
        if (!m_isTrigger && w == QLatin1String("TRIGGER") && m_words.first() == QLatin1String("CREATE"))
            m_isTrigger = true;
        if (!m_isTrigger)
            return;
        if (w == QLatin1String("BEGIN") || w == QLatin1String("CASE"))
            ++m_depth;
        else if (w == QLatin1String("END") && m_depth > 0)
            --m_depth;
    }

    void finishStatement()
    {
        endWord();
        const QString text = m_current.trimmed();
        if (!text.isEmpty())
            m_out.append(SqlStatement{text, m_startLine});
        m_current.clear();
        m_words.clear();
        m_isTrigger = false;
        m_depth = 0;
        m_startLine = 0;
    }

    QStringView m_s;
    SqlDialect m_dialect;
    qsizetype m_i = 0;
    QList<SqlStatement> m_out;
    QString m_current;
    int m_line = 1;
    int m_startLine = 0;
    QStringList m_words;
    QString m_word;
    bool m_isTrigger = false;
    int m_depth = 0;
};

Error migrationError(const Migration &m, const QString &why)
{
    return Error{QStringLiteral("STORE_MIGRATION_FAILED"), QStringLiteral("migration %1: %2").arg(m.fileName, why)};
}

Result<void> recordVersion(const QSqlDatabase &db, const Migration &m, const MigrationOptions &options)
{
    if (options.versionTable.isEmpty())
        return execScriptStatement(db, QStringLiteral("PRAGMA user_version = %1").arg(m.version));
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO %1 (version, applied_at) VALUES (?, ?)").arg(options.versionTable));
    q.addBindValue(m.version);
    q.addBindValue(Sql::instant(options.clock->now()));
    if (!q.exec())
        return fail(QStringLiteral("STORE_QUERY_FAILED"), Sql::lastErrorText(q));
    return {};
}

Result<void> runStatements(const QSqlDatabase &db, const Migration &m, SqlDialect dialect)
{
    QFile file(m.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("STORE_MIGRATION_READ_FAILED"),
                    QStringLiteral("cannot read migration %1: %2").arg(m.fileName, file.errorString()));
    const QList<SqlStatement> statements = splitSqlScript(QString::fromUtf8(file.readAll()), dialect);
    for (qsizetype i = 0; i < statements.size(); ++i) {
        QSqlQuery q(db);
        if (!q.exec(statements[i].text))
            return fail(QStringLiteral("STORE_MIGRATION_FAILED"),
                        QStringLiteral("migration %1, statement %2 (line %3) failed: %4 [%5]")
                            .arg(m.fileName)
                            .arg(i + 1)
                            .arg(statements[i].line)
                            .arg(Sql::lastErrorText(q), Sql::shorten(statements[i].text)));
    }
    return {};
}

// One file in one transaction with its version; skipped when the database reached its version
// meanwhile. SQLite takes the write lock up front (BEGIN IMMEDIATE).
Result<void> applyMigration(const QSqlDatabase &db, const Migration &m, const MigrationOptions &options)
{
    const QString begin = options.dialect == SqlDialect::Sqlite ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN");
    if (auto r = execScriptStatement(db, begin); !r)
        return std::unexpected(migrationError(m, r.error().message));
    auto rollback = qScopeGuard([&] { (void)execScriptStatement(db, QStringLiteral("ROLLBACK")); });
    const auto version = readSchemaVersion(db, options);
    if (!version)
        return std::unexpected(version.error());
    if (*version >= m.version)
        return {}; // the guard rolls back the empty transaction
    if (auto r = runStatements(db, m, options.dialect); !r)
        return r;
    if (auto r = recordVersion(db, m, options); !r)
        return std::unexpected(migrationError(m, r.error().message));
    if (auto r = execScriptStatement(db, QStringLiteral("COMMIT")); !r)
        return std::unexpected(migrationError(m, r.error().message));
    rollback.dismiss();
    qCDebug(lcMigrations) << "applied migration" << m.fileName << "to" << options.what;
    return {};
}

} // namespace

QList<SqlStatement> splitSqlScript(QStringView script, SqlDialect dialect)
{
    return ScriptSplitter(script, dialect).run();
}

Result<QList<Migration>> listMigrations(const QString &dir)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{3})_[A-Za-z0-9_\\-]+\\.sql$"));
    const QDir d(dir);
    if (!d.exists())
        return fail(QStringLiteral("STORE_MIGRATION_READ_FAILED"), QStringLiteral("no migrations folder %1").arg(dir));
    QList<Migration> found;
    for (const QString &f : d.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name)) {
        const auto m = pattern.match(f);
        if (!m.hasMatch())
            return fail(QStringLiteral("STORE_MIGRATION_NUMBERING"),
                        QStringLiteral("migration file %1 is not named NNN_name.sql").arg(f));
        found.append(Migration{m.captured(1).toInt(), f, d.filePath(f)});
    }
    std::sort(found.begin(), found.end(), [](const Migration &a, const Migration &b) { return a.version < b.version; });
    for (qsizetype i = 0; i < found.size(); ++i) {
        if (found[i].version != i + 1)
            return fail(QStringLiteral("STORE_MIGRATION_NUMBERING"),
                        QStringLiteral("migration %1: expected number %2 (numbers run 001, 002, ... without gaps or repeats)")
                            .arg(found[i].fileName)
                            .arg(i + 1, 3, 10, QLatin1Char('0')));
    }
    return found;
}

Result<void> refuseNewerSchema(int version, qsizetype known, const QString &what)
{
    if (version > known)
        return fail(QStringLiteral("STORE_SCHEMA_TOO_NEW"),
                    QStringLiteral("database %1 is at schema version %2 but this program knows only %3").arg(what).arg(version).arg(known));
    return {};
}

Result<int> readSchemaVersion(const QSqlDatabase &db, const MigrationOptions &options)
{
    QSqlQuery q(db);
    const QString sql = options.versionTable.isEmpty() ? QStringLiteral("PRAGMA user_version")
                                                       : QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM %1").arg(options.versionTable);
    if (q.exec(sql) && q.next())
        return q.value(0).toInt();
    return fail(QStringLiteral("STORE_OPEN_FAILED"),
                QStringLiteral("cannot read the schema version of %1: %2").arg(options.what, Sql::lastErrorText(q)));
}

Result<int> runMigrations(const QSqlDatabase &db, const QList<Migration> &migrations, const MigrationOptions &options)
{
    if (!options.versionTable.isEmpty() && !options.clock)
        return fail(QStringLiteral("STORE_MIGRATION_FAILED"), QStringLiteral("a version table needs a clock for applied_at"));
    const bool postgres = options.dialect == SqlDialect::Postgres;
    if (postgres) {
        if (auto r = execScriptStatement(db, QStringLiteral("SELECT pg_advisory_lock(%1)").arg(MigrationLockKey)); !r)
            return fail(QStringLiteral("STORE_MIGRATION_FAILED"), r.error().message);
    }
    auto unlock = qScopeGuard([&] {
        if (postgres)
            (void)execScriptStatement(db, QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(MigrationLockKey));
    });
    if (!options.versionTable.isEmpty()) {
        const QString create = QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        if (auto r = execScriptStatement(db, create.arg(options.versionTable)); !r)
            return fail(QStringLiteral("STORE_MIGRATION_FAILED"), r.error().message);
    }
    const auto current = readSchemaVersion(db, options);
    if (!current)
        return current;
    if (auto r = refuseNewerSchema(*current, migrations.size(), options.what); !r)
        return std::unexpected(r.error());
    for (const Migration &m : migrations) {
        if (m.version <= *current)
            continue;
        if (auto r = applyMigration(db, m, options); !r)
            return std::unexpected(r.error());
    }
    return static_cast<int>(std::max<qsizetype>(*current, migrations.size()));
}

} // namespace Kiosk::Store
