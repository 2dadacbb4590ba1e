#pragma once
// A test looking into (or editing) a SQLite file from outside, as another process or an
// attacker with the file would: its own connection, opened and closed around each use.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Kiosk::Test {

// Runs `statements` in order on `file`; false when it cannot be opened or one fails.
inline bool sqliteExec(const QString &file, const QStringList &statements)
{
    const QString name = QStringLiteral("sqliteprobe");
    bool ok = false;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(file);
        ok = c.open();
        QSqlQuery q(c);
        ok = ok && q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
        for (const QString &s : statements)
            ok = ok && q.exec(s);
        q.finish();
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// The first column of the first row `sql` gives on `file`; invalid when there is none.
inline QVariant sqliteValue(const QString &file, const QString &sql)
{
    const QString name = QStringLiteral("sqliteprobe");
    QVariant value;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(file);
        if (c.open()) {
            QSqlQuery q(c);
            if (q.exec(sql) && q.next())
                value = q.value(0);
        }
        c.close();
    }
    QSqlDatabase::removeDatabase(name);
    return value;
}

// The same as an integer; -1 when there is none.
inline qint64 sqliteScalar(const QString &file, const QString &sql)
{
    const QVariant v = sqliteValue(file, sql);
    return v.isValid() ? v.toLongLong() : -1;
}

} // namespace Kiosk::Test
