#include "app/store/crossingrepository.h"

#include "app/store/database.h"
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

} // namespace Kiosk::Store
