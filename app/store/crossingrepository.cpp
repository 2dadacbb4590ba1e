#include "app/store/crossingrepository.h"

#include "app/store/database.h"
#include "app/store/eventpacking_p.h"
#include "app/store/eventrepository.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

Result<qint64> CrossingRepository::record(const CrossingRecord &r)
{
    if (!r.crossing.date.isValid())
        return fail(QStringLiteral("STORE_BAD_CROSSING"), QStringLiteral("a crossing needs a valid local date"));
    const QVariant documentId = r.documentId ? QVariant(*r.documentId) : QVariant(QMetaType(QMetaType::LongLong));
    const QVariant recordedAt = r.recordedAt.isValid()
        ? QVariant(r.recordedAt.toUTC().toString(Qt::ISODateWithMs))
        : QVariant(QMetaType(QMetaType::QString));
    auto q = m_db.exec(QStringLiteral("INSERT INTO crossings (person_id, document_id, direction, local_date, checkpoint, "
                                      "kiosk_id, event_id, recorded_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {r.personId, documentId, directionToString(r.crossing.direction), Sql::date(r.crossing.date),
                        Sql::str(r.crossing.checkpoint), Sql::text(r.kioskId), Sql::text(r.eventId), recordedAt, r.source});
    if (!q)
        return std::unexpected(q.error());
    return (*q)->lastInsertId().toLongLong();
}

Result<QList<Crossing>> CrossingRepository::history(qint64 personId)
{
    auto q = m_db.exec(QStringLiteral("SELECT direction, local_date, checkpoint FROM crossings "
                                      "WHERE person_id = ? ORDER BY local_date, id"),
                       {personId});
    if (!q)
        return std::unexpected(q.error());
    QList<Crossing> out;
    while ((*q)->next()) {
        Crossing c;
        c.direction = directionFromString((*q)->value(0).toString()).value_or(Direction::Entry);
        c.date = Sql::toDate((*q)->value(1)).value_or(QDate());
        c.checkpoint = (*q)->value(2).toString();
        out.append(c);
    }
    (*q)->finish();
    return out;
}

namespace {

// The signed bytes from the columns (bytes, encoding) at `column`: own events are stored as they
// are (encoding NULL here), pulled ones packed (eventpacking_p.h). Empty when a row does not
// unpack: the binding check then reports the event as not found.
QByteArray eventBytes(const QSqlQuery &q, int column)
{
    const QVariant encoding = q.value(column + 1);
    if (encoding.isNull())
        return q.value(column).toByteArray();
    return unpackEventBytes(q.value(column).toByteArray(), encoding.toInt()).value_or(QByteArray());
}

// The columns boundRows() reads, in order; callers add WHERE and ORDER BY.
const QLatin1StringView kBoundSelect{
    "SELECT c.id, c.direction, c.local_date, c.checkpoint, c.source, c.event_id, c.kiosk_id, c.recorded_at, "
    "d.issuing_state, d.number, e.bytes, r.bytes, r.encoding FROM crossings c "
    "LEFT JOIN documents d ON d.id = c.document_id "
    "LEFT JOIN events e ON e.event_id = c.event_id "
    "LEFT JOIN remote_events r ON r.event_id = c.event_id "};

QList<BoundCrossing> boundRows(QSqlQuery &q)
{
    QList<BoundCrossing> out;
    while (q.next()) {
        BoundCrossing b;
        b.crossingId = q.value(0).toLongLong();
        // An unknown direction reads as entry here; the comparison with the event names it.
        b.crossing.direction = directionFromString(q.value(1).toString()).value_or(Direction::Entry);
        b.crossing.date = Sql::toDate(q.value(2)).value_or(QDate());
        b.crossing.checkpoint = q.value(3).toString();
        b.source = q.value(4).toString();
        b.eventId = q.value(5).toString();
        b.kioskId = q.value(6).toString();
        b.recordedAt = q.value(7).toString();
        if (!q.value(8).isNull())
            b.documentKey = crossingDocumentKey(q.value(8).toString(), q.value(9).toString());
        b.eventBytes = q.value(10).isNull() ? eventBytes(q, 11) : q.value(10).toByteArray();
        out.append(b);
    }
    q.finish();
    return out;
}

QList<QByteArray> firstColumnBytes(QSqlQuery &q)
{
    QList<QByteArray> out;
    while (q.next())
        out.append(eventBytes(q, 0));
    q.finish();
    return out;
}

} // namespace

Result<QList<BoundCrossing>> CrossingRepository::boundHistory(qint64 personId)
{
    // Two unique-index lookups per row beside the covering history index: an event id is in
    // the own chain or among the pulled events, never both.
    auto q = m_db.exec(QString(kBoundSelect) + QLatin1StringView("WHERE c.person_id = ? ORDER BY c.local_date, c.id"), {personId});
    if (!q)
        return std::unexpected(q.error());
    return boundRows(**q);
}

Result<QList<BoundCrossing>> CrossingRepository::allBound(qint64 afterId, int limit)
{
    auto q = m_db.exec(QString(kBoundSelect) + QLatin1StringView("WHERE c.id > ? ORDER BY c.id LIMIT ?"), {afterId, limit});
    if (!q)
        return std::unexpected(q.error());
    return boundRows(**q);
}

Result<QList<QByteArray>> CrossingRepository::allUnrecordedCrossingEvents()
{
    auto q = m_db.exec(QStringLiteral("SELECT e.bytes, NULL FROM events e WHERE e.crossing_document IS NOT NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = e.event_id) UNION ALL "
                                      "SELECT r.bytes, r.encoding FROM remote_events r WHERE r.crossing_document IS NOT NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = r.event_id)"));
    if (!q)
        return std::unexpected(q.error());
    return firstColumnBytes(**q);
}

Result<QList<QByteArray>> CrossingRepository::unrecordedCrossingEvents(qint64 personId)
{
    auto q = m_db.exec(QStringLiteral("SELECT e.bytes, NULL FROM documents d JOIN events e ON e.crossing_document = d.issuing_state || '/' || d.number "
                                      "WHERE d.person_id = ? AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = e.event_id) "
                                      "UNION ALL "
                                      "SELECT r.bytes, r.encoding FROM documents d JOIN remote_events r ON r.crossing_document = d.issuing_state || '/' || d.number "
                                      "WHERE d.person_id = ? AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.event_id = r.event_id)"),
                       {personId, personId});
    if (!q)
        return std::unexpected(q.error());
    return firstColumnBytes(**q);
}

} // namespace Kiosk::Store
