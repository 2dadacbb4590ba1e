#pragma once
// Rows for PostgreSQL's `COPY table (columns) FROM STDIN (FORMAT binary)` (PostgreSQL 15 docs,
// "COPY", Binary Format), sent over the QPSQL connection's own libpq handle so that they land
// in the transaction the caller has open. QPSQL binds every value by formatting it into the
// SQL text (bytea as escaped hex) and prepares, executes and deallocates each statement: for a
// push batch that was most of the PostgreSQL ingest time. Binary COPY sends the
// bytes as they are, in one stream.
#include "app/core/error.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

namespace Kiosk::Central {

class PgCopy
{
public:
    PgCopy(QString table, QStringList columns);

    // One row, a field per column in the order the constructor named them, each by its C++
    // type: QString text, qint64 bigint, QByteArray bytea, QDateTime timestamptz (no NULLs).
    template <typename... Fields>
    void addRow(const Fields &...fields)
    {
        Q_ASSERT(sizeof...(fields) == static_cast<size_t>(m_columns.size()));
        beginRow();
        (add(fields), ...);
    }

    [[nodiscard]] int rows() const { return m_rows; }

    // Sends the rows (nothing when there are none). `db` must be a QPSQL connection.
    // Errors: CENTRAL_DB (naming the table and the server's message).
    [[nodiscard]] Result<void> send(const QSqlDatabase &db) const;

private:
    void beginRow();
    void add(const QString &value);
    void add(qint64 value);
    void add(const QByteArray &value);
    void add(const QDateTime &value);
    void addField(const char *data, qint32 size);

    QString m_table;
    QStringList m_columns;
    QByteArray m_data;
    int m_rows = 0;
};

} // namespace Kiosk::Central
