#include "app/store/eventrepository.h"

#include "app/store/eventpacking_p.h"

#include "app/store/database.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

StoredEvent storedEventFromRow(const QSqlQuery &r)
{
    return StoredEvent{r.value(0).toLongLong(), r.value(1).toString(), r.value(2).toString(), r.value(3).toByteArray(),
                       r.value(4).toByteArray(), r.value(5).toByteArray(), QDateTime::fromString(r.value(6).toString(), Qt::ISODateWithMs),
                       r.value(7).toString()};
}

QString crossingDocumentKey(const QString &issuingState, const QString &number)
{
    return issuingState + u'/' + number;
}

Result<ChainHead> EventRepository::head()
{
    auto q = m_db.exec(QStringLiteral("SELECT sequence, hash FROM events ORDER BY sequence DESC LIMIT 1"));
    if (!q)
        return std::unexpected(q.error());
    ChainHead head;
    if ((*q)->next()) {
        head.sequence = (*q)->value(0).toLongLong();
        head.hash = (*q)->value(1).toByteArray();
    }
    (*q)->finish();
    return head;
}

Result<void> EventRepository::append(const StoredEvent &e)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    auto ins = m_db.exec(QStringLiteral("INSERT INTO events (sequence, event_id, kiosk_id, bytes, signature, hash, recorded_at, crossing_document) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                         {e.sequence, e.eventId, e.kioskId, e.bytes, e.signature, e.hash, e.recordedAt.toUTC().toString(Qt::ISODateWithMs),
                          Sql::text(e.crossingDocument)});
    if (!ins)
        return std::unexpected(ins.error());
    auto out = m_db.exec(QStringLiteral("INSERT INTO outbox (sequence) VALUES (?)"), {e.sequence});
    if (!out)
        return std::unexpected(out.error());
    return tx.commit();
}

Result<QList<StoredEvent>> EventRepository::events(qint64 after, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT sequence, event_id, kiosk_id, bytes, signature, hash, recorded_at, crossing_document FROM events WHERE sequence > ? ORDER BY sequence LIMIT ?"),
                       {after, limit});
    if (!q)
        return std::unexpected(q.error());
    QList<StoredEvent> out;
    while ((*q)->next())
        out.append(storedEventFromRow(**q));
    (*q)->finish();
    return out;
}

Result<bool> EventRepository::storeRemote(const RemoteEvent &e)
{
    const PackedEvent packed = packEventBytes(e.bytes);
    auto q = m_db.exec(QStringLiteral("INSERT OR IGNORE INTO remote_events (kiosk_id, sequence, event_id, bytes, signature, feed_id, "
                                      "crossing_document, encoding, keeps, local_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {e.kioskId, e.sequence, e.eventId, packed.data, e.signature, e.feedId, Sql::text(e.crossingDocument),
                        static_cast<int>(packed.encoding), e.keeps ? 1 : 0, Sql::date(e.localDate)});
    if (!q)
        return std::unexpected(q.error());
    return (*q)->numRowsAffected() > 0;
}

Result<void> EventRepository::keepPendingPull(const PendingPull &pull, const QDateTime &at)
{
    auto q = m_db.exec(QStringLiteral("INSERT INTO pull_pending (feed_id, bytes, signature, reason, first_seen) VALUES (?,?,?,?,?) "
                                      "ON CONFLICT (feed_id) DO UPDATE SET reason = excluded.reason, attempts = attempts + 1"),
                       {pull.feedId, pull.bytes, pull.signature, pull.reason, at.toUTC().toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<QList<PendingPull>> EventRepository::pendingPulls()
{
    auto q = m_db.exec(QStringLiteral("SELECT feed_id, bytes, signature, reason, attempts FROM pull_pending ORDER BY feed_id"));
    if (!q)
        return std::unexpected(q.error());
    QList<PendingPull> out;
    while ((*q)->next())
        out.append(PendingPull{(*q)->value(0).toLongLong(), (*q)->value(1).toByteArray(), (*q)->value(2).toByteArray(), (*q)->value(3).toString(),
                               (*q)->value(4).toInt()});
    (*q)->finish();
    return out;
}

Result<void> EventRepository::dropPendingPull(qint64 feedId)
{
    auto q = m_db.exec(QStringLiteral("DELETE FROM pull_pending WHERE feed_id = ?"), {feedId});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

Result<qint64> EventRepository::pendingPullCount()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM pull_pending"));
    if (!q)
        return std::unexpected(q.error());
    const qint64 n = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return n;
}

Result<void> EventRepository::replaceRegistry(const QList<RegistryEntry> &entries)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    if (auto d = m_db.exec(QStringLiteral("DELETE FROM kiosk_registry")); !d)
        return std::unexpected(d.error());
    for (const RegistryEntry &r : entries) {
        auto q = m_db.exec(QStringLiteral("INSERT INTO kiosk_registry (kiosk_id, checkpoint, public_key, revoked) VALUES (?, ?, ?, ?)"),
                           {r.kioskId, r.checkpoint, r.publicKey, r.revoked ? 1 : 0});
        if (!q)
            return std::unexpected(q.error());
    }
    return tx.commit();
}

Result<QList<RegistryEntry>> EventRepository::registry()
{
    auto q = m_db.exec(QStringLiteral("SELECT kiosk_id, checkpoint, public_key, revoked FROM kiosk_registry ORDER BY kiosk_id"));
    if (!q)
        return std::unexpected(q.error());
    QList<RegistryEntry> out;
    while ((*q)->next())
        out.append(RegistryEntry{(*q)->value(0).toString(), (*q)->value(1).toString(), (*q)->value(2).toByteArray(), (*q)->value(3).toInt() != 0});
    (*q)->finish();
    return out;
}

} // namespace Kiosk::Store
