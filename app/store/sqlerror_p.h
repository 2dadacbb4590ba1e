#pragma once
// How the store's errors quote SQL and the driver's complaint about it (database.cpp,
// migrations.cpp): the database's own text when there is one, the statement shortened.
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

namespace Kiosk::Store::Sql {

[[nodiscard]] inline QString lastErrorText(const QSqlQuery &q)
{
    const QSqlError e = q.lastError();
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

[[nodiscard]] inline QString shorten(const QString &sql)
{
    QString s = sql.simplified();
    if (s.size() > 120)
        s = s.left(117) + QStringLiteral("...");
    return s;
}

} // namespace Kiosk::Store::Sql
