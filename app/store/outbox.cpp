#include "app/store/outbox.h"

#include "app/store/database.h"

namespace Kiosk::Store {

Result<QList<StoredEvent>> Outbox::pending(int limit)
{
    auto q = m_db.exec(QStringLiteral(
        "SELECT e.sequence, e.event_id, e.kiosk_id, e.bytes, e.signature, e.hash, e.recorded_at, e.crossing_document FROM outbox o"
        " JOIN events e ON e.sequence = o.sequence WHERE o.rejected_reason IS NULL ORDER BY o.sequence LIMIT ?"), {limit});
    if (!q)
        return std::unexpected(q.error());
    QList<StoredEvent> out;
    while ((*q)->next())
        out.append(storedEventFromRow(**q));
    (*q)->finish();
    return out;
}

Result<void> Outbox::acknowledge(const QList<qint64> &sequences)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    for (qint64 s : sequences) {
        if (auto q = m_db.exec(QStringLiteral("DELETE FROM outbox WHERE sequence = ?"), {s}); !q)
            return std::unexpected(q.error());
    }
    return tx.commit();
}

Result<void> Outbox::reject(qint64 sequence, const QString &reason, const QString &detail)
{
    auto q = m_db.exec(QStringLiteral("UPDATE outbox SET rejected_reason = ?, rejected_detail = ? WHERE sequence = ?"), {reason, detail, sequence});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<void> Outbox::noteAttempt(const QList<qint64> &sequences, const QDateTime &at)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    for (qint64 s : sequences) {
        if (auto q = m_db.exec(QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE sequence = ?"),
                               {at.toUTC().toString(Qt::ISODate), s}); !q)
            return std::unexpected(q.error());
    }
    return tx.commit();
}

Result<qint64> Outbox::requeueRejected()
{
    auto q = m_db.exec(QStringLiteral("UPDATE outbox SET rejected_reason = NULL, rejected_detail = NULL WHERE rejected_reason IS NOT NULL"));
    if (!q)
        return std::unexpected(q.error());
    return (*q)->numRowsAffected();
}

Result<OutboxStatus> Outbox::status()
{
    auto q = m_db.exec(QStringLiteral(
        "SELECT SUM(o.rejected_reason IS NULL), SUM(o.rejected_reason IS NOT NULL),"
        " MIN(CASE WHEN o.rejected_reason IS NULL THEN e.recorded_at END)"
        " FROM outbox o JOIN events e ON e.sequence = o.sequence"));
    if (!q)
        return std::unexpected(q.error());
    OutboxStatus s;
    if ((*q)->next()) {
        s.pending = (*q)->value(0).toLongLong();
        s.rejected = (*q)->value(1).toLongLong();
        if (!(*q)->value(2).isNull())
            s.oldestPendingAt = QDateTime::fromString((*q)->value(2).toString(), Qt::ISODateWithMs);
    }
    (*q)->finish();
    return s;
}

Result<QList<RejectedEntry>> Outbox::rejected()
{
    auto q = m_db.exec(QStringLiteral(
        "SELECT o.sequence, e.event_id, o.rejected_reason, COALESCE(o.rejected_detail, '') FROM outbox o"
        " JOIN events e ON e.sequence = o.sequence WHERE o.rejected_reason IS NOT NULL ORDER BY o.sequence"));
    if (!q)
        return std::unexpected(q.error());
    QList<RejectedEntry> out;
    while ((*q)->next())
        out.append(RejectedEntry{(*q)->value(0).toLongLong(), (*q)->value(1).toString(), (*q)->value(2).toString(), (*q)->value(3).toString()});
    (*q)->finish();
    return out;
}

Result<void> Outbox::storeReference(const ReferenceBlob &blob, const QDateTime &fetchedAt)
{
    auto q = m_db.exec(QStringLiteral("INSERT OR REPLACE INTO reference_data (kind, version, body, signature, fetched_at) VALUES (?, ?, ?, ?, ?)"),
                       {blob.kind, blob.version, blob.body, blob.signature, fetchedAt.toUTC().toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<std::optional<ReferenceBlob>> Outbox::latestReference(const QString &kind)
{
    auto q = m_db.exec(QStringLiteral("SELECT version, body, signature FROM reference_data WHERE kind = ? ORDER BY version DESC LIMIT 1"), {kind});
    if (!q)
        return std::unexpected(q.error());
    std::optional<ReferenceBlob> out;
    if ((*q)->next())
        out = ReferenceBlob{kind, (*q)->value(0).toInt(), (*q)->value(1).toByteArray(), (*q)->value(2).toByteArray()};
    (*q)->finish();
    return out;
}

Result<std::optional<QDateTime>> Outbox::referenceFetchedAt(const QString &kind, int version)
{
    auto q = m_db.exec(QStringLiteral("SELECT fetched_at FROM reference_data WHERE kind = ? AND version = ?"), {kind, version});
    if (!q)
        return std::unexpected(q.error());
    std::optional<QDateTime> at;
    if ((*q)->next())
        at = QDateTime::fromString((*q)->value(0).toString(), Qt::ISODate);
    (*q)->finish();
    return at;
}

Result<std::optional<QString>> Outbox::state(const QString &key)
{
    auto q = m_db.exec(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), {key});
    if (!q)
        return std::unexpected(q.error());
    std::optional<QString> value;
    if ((*q)->next())
        value = (*q)->value(0).toString();
    (*q)->finish();
    return value;
}

Result<void> Outbox::setState(const QString &key, const QString &value)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"), {key, value});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

} // namespace Kiosk::Store
