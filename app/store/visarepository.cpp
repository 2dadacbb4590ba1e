#include "app/store/visarepository.h"

#include "app/store/database.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

Result<qint64> VisaRepository::add(qint64 personId, std::optional<qint64> documentId, const Visa &visa)
{
    if (!visa.validFrom.isValid() || !visa.validUntil.isValid() || visa.validFrom > visa.validUntil || visa.days < 0
        || visa.entries < 0)
        return fail(QStringLiteral("STORE_BAD_VISA"),
                    QStringLiteral("a visa needs valid_from <= valid_until and non-negative days and entries"));
    const QVariant doc = documentId ? QVariant(*documentId) : QVariant(QMetaType(QMetaType::LongLong));
    auto q = m_db.exec(QStringLiteral("INSERT INTO visas (person_id, document_id, number, valid_from, valid_until, days, "
                                      "entries, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                       {personId, doc, Sql::str(visa.number), Sql::date(visa.validFrom), Sql::date(visa.validUntil), visa.days,
                        visa.entries, visa.source.isEmpty() ? QStringLiteral("register") : visa.source});
    if (!q)
        return std::unexpected(q.error());
    return (*q)->lastInsertId().toLongLong();
}

Result<QList<Visa>> VisaRepository::visasOf(qint64 personId)
{
    auto q = m_db.exec(QStringLiteral("SELECT number, valid_from, valid_until, days, entries, source FROM visas "
                                      "WHERE person_id = ? ORDER BY valid_from, id"),
                       {personId});
    if (!q)
        return std::unexpected(q.error());
    QList<Visa> out;
    while ((*q)->next()) {
        Visa v;
        v.number = (*q)->value(0).toString();
        v.validFrom = Sql::toDate((*q)->value(1)).value_or(QDate());
        v.validUntil = Sql::toDate((*q)->value(2)).value_or(QDate());
        v.days = (*q)->value(3).toInt();
        v.entries = (*q)->value(4).toInt();
        v.source = (*q)->value(5).toString();
        out.append(v);
    }
    (*q)->finish();
    return out;
}

std::optional<Visa> VisaRepository::visaFor(const QList<Visa> &visas, const QDate &date)
{
    std::optional<Visa> valid;
    std::optional<Visa> lapsed;
    for (const Visa &v : visas) { // ordered by valid_from
        if (v.validFrom <= date && date <= v.validUntil)
            valid = v;
        else if (v.validUntil < date && (!lapsed || lapsed->validUntil <= v.validUntil))
            lapsed = v;
    }
    return valid ? valid : lapsed;
}

} // namespace Kiosk::Store
