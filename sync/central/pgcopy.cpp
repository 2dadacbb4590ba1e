#include "sync/central/pgcopy.h"

#include <QSqlDriver>
#include <QtEndian>

#include <libpq-fe.h>

#include <memory>

namespace Kiosk::Central {

namespace {

// PostgreSQL 15 docs, COPY, "Binary Format": the 11-byte signature, then a 32-bit flags field
// (no OIDs) and a 32-bit header extension length (none).
constexpr char Signature[] = "PGCOPY\n\377\r\n";
// timestamptz travels as microseconds since 2000-01-01 00:00:00 UTC (integer datetimes).
constexpr qint64 PgEpochMsecs = 946684800000;

struct PgResultFree
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultFree>;

template <typename T>
void appendBigEndian(QByteArray &out, T value)
{
    char raw[sizeof(T)];
    qToBigEndian(value, raw);
    out.append(raw, sizeof(T));
}

Error copyError(const QString &table, const QString &what)
{
    return Error{QStringLiteral("CENTRAL_DB"), QStringLiteral("COPY %1: %2").arg(table, what.trimmed())};
}

} // namespace

PgCopy::PgCopy(QString table, QStringList columns) : m_table(std::move(table)), m_columns(std::move(columns))
{
    m_data.append(Signature, sizeof(Signature)); // with its terminating NUL, as the format has it
    appendBigEndian<qint32>(m_data, 0);
    appendBigEndian<qint32>(m_data, 0);
}

void PgCopy::beginRow()
{
    appendBigEndian(m_data, static_cast<qint16>(m_columns.size()));
    ++m_rows;
}

void PgCopy::addField(const char *data, qint32 size)
{
    appendBigEndian(m_data, size);
    m_data.append(data, size);
}

void PgCopy::add(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    addField(utf8.constData(), static_cast<qint32>(utf8.size()));
}

void PgCopy::add(qint64 value)
{
    appendBigEndian<qint32>(m_data, 8);
    appendBigEndian(m_data, value);
}

void PgCopy::add(const QByteArray &value)
{
    addField(value.constData(), static_cast<qint32>(value.size()));
}

void PgCopy::add(const QDateTime &value)
{
    add((value.toMSecsSinceEpoch() - PgEpochMsecs) * 1000);
}

Result<void> PgCopy::send(const QSqlDatabase &db) const
{
    if (m_rows == 0)
        return {};
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // QPSQL hands out its PGconn; the metatype names the struct behind the typedef.
    if (!handle.isValid() || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return std::unexpected(copyError(m_table, QStringLiteral("not a PostgreSQL connection")));
    PGconn *const conn = *static_cast<PGconn *const *>(handle.constData());
    const QByteArray sql = QStringLiteral("COPY %1 (%2) FROM STDIN (FORMAT binary)").arg(m_table, m_columns.join(u',')).toUtf8();
    {
        const PgResultPtr start(PQexec(conn, sql.constData()));
        if (PQresultStatus(start.get()) != PGRES_COPY_IN)
            return std::unexpected(copyError(m_table, QString::fromUtf8(PQerrorMessage(conn))));
    }
    QByteArray data = m_data;
    appendBigEndian<qint16>(data, -1); // the file trailer
    const bool sent = PQputCopyData(conn, data.constData(), static_cast<int>(data.size())) == 1;
    const bool ended = PQputCopyEnd(conn, sent ? nullptr : "client could not send the rows") == 1;
    // Every result of the COPY is read, so that QPSQL finds the connection idle again.
    QString failure = sent && ended ? QString() : QString::fromUtf8(PQerrorMessage(conn));
    while (PGresult *raw = PQgetResult(conn)) {
        const PgResultPtr r(raw);
        if (PQresultStatus(raw) != PGRES_COMMAND_OK && failure.isEmpty())
            failure = QString::fromUtf8(PQresultErrorMessage(raw));
    }
    if (!failure.isEmpty())
        return std::unexpected(copyError(m_table, failure));
    return {};
}

} // namespace Kiosk::Central
