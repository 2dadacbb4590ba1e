#include "app/store/permitrepository.h"

#include "app/store/database.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

Result<qint64> PermitRepository::add(qint64 personId, const Permit &permit)
{
    if (!permit.validFrom.isValid() || !permit.validUntil.isValid() || permit.validFrom > permit.validUntil)
        return fail(QStringLiteral("STORE_BAD_PERMIT"), QStringLiteral("a permit needs valid_from <= valid_until"));
    auto q = m_db.exec(QStringLiteral("INSERT INTO permits (person_id, kind, number, valid_from, valid_until) "
                                      "VALUES (?, ?, ?, ?, ?)"),
                       {personId, permitKindToString(permit.kind), Sql::str(permit.number), Sql::date(permit.validFrom),
                        Sql::date(permit.validUntil)});
    if (!q)
        return std::unexpected(q.error());
    return (*q)->lastInsertId().toLongLong();
}

Result<QList<Permit>> PermitRepository::permitsOf(qint64 personId)
{
    auto q = m_db.exec(QStringLiteral("SELECT kind, number, valid_from, valid_until FROM permits "
                                      "WHERE person_id = ? ORDER BY valid_from, id"),
                       {personId});
    if (!q)
        return std::unexpected(q.error());
    QList<Permit> out;
    while ((*q)->next()) {
        Permit p;
        p.kind = permitKindFromString((*q)->value(0).toString()).value_or(PermitKind::TemporaryResidence);
        p.number = (*q)->value(1).toString();
        p.validFrom = Sql::toDate((*q)->value(2)).value_or(QDate());
        p.validUntil = Sql::toDate((*q)->value(3)).value_or(QDate());
        out.append(p);
    }
    (*q)->finish();
    return out;
}

} // namespace Kiosk::Store
