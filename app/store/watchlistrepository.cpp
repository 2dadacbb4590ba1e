#include "app/store/watchlistrepository.h"

#include "app/core/namematch.h"
#include "app/store/database.h"
#include "app/store/personrepository.h"
#include "app/store/sqlvalue_p.h"

#include <QSqlQuery>

namespace Kiosk::Store {

namespace {

// One column list for both tables, so one reader builds the entries; the last column says
// whether the row was found by the document (then it matches as such) or by the person
// pre-filters (then the name matcher decides).
QString watchlistSelect(bool byDocument)
{
    return QStringLiteral("SELECT kind, entry_id, surname, given_names, birth_date, nationality, issuing_state, "
                          "document_number, basis, NULL, NULL, %1 FROM watchlist_entries ")
        .arg(byDocument ? 1 : 0);
}
QString restrictionSelect(bool byDocument)
{
    return QStringLiteral("SELECT 'exit_restriction', entry_id, surname, given_names, birth_date, nationality, "
                          "issuing_state, document_number, basis, valid_from, valid_until, %1 FROM exit_restrictions ")
        .arg(byDocument ? 1 : 0);
}

struct Row
{
    WatchlistEntry entry;
    std::optional<QDate> validFrom;
    std::optional<QDate> validUntil;
};

Row readRow(const QSqlQuery &q)
{
    Row r;
    r.entry.kind = watchlistKindFromString(q.value(0).toString()).value_or(WatchlistKind::EntryBan);
    r.entry.id = q.value(1).toString();
    r.entry.surname = q.value(2).toString();
    r.entry.givenNames = q.value(3).toString();
    r.entry.birthDate = Sql::toDate(q.value(4));
    r.entry.nationality = Sql::toCode(q.value(5));
    r.entry.issuingState = Sql::toCode(q.value(6));
    r.entry.documentNumber = q.value(7).toString();
    r.entry.basis = q.value(8).toString();
    r.validFrom = Sql::toDate(q.value(9));
    r.validUntil = Sql::toDate(q.value(10));
    return r;
}

bool activeOn(const Row &r, const QDate &date)
{
    return (!r.validFrom || *r.validFrom <= date) && (!r.validUntil || date <= *r.validUntil);
}

} // namespace

bool WatchlistRepository::personMatches(const WatchlistEntry &entry, const TravelDocument &document)
{
    if (entry.surname.isEmpty())
        return false;
    if (entry.nationality && !entry.nationality->isEmpty() && *entry.nationality != document.nationality)
        return false;
    // Both birth dates known: they must agree. One unknown: the names decide (the officer
    // sees the hit and the entry's basis).
    if (entry.birthDate && document.birthDate && *entry.birthDate != *document.birthDate)
        return false;
    return matchPersonNames(document.surname, document.givenNames, entry.surname, entry.givenNames) != NameMatch::None;
}

Result<qint64> WatchlistRepository::add(const WatchlistEntry &entry, const QDateTime &importedAt, const QString &listVersion,
                                        const Validity &validity)
{
    const QString number = PersonRepository::normaliseDocumentNumber(entry.documentNumber);
    const bool hasDocument = entry.issuingState && !entry.issuingState->isEmpty() && !number.isEmpty();
    const bool hasPerson = !normaliseName(entry.surname).isEmpty();
    if (entry.id.isEmpty() || (!hasDocument && !hasPerson))
        return fail(QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"),
                    QStringLiteral("a watchlist entry needs an id and a document (issuing state + number) or a surname"));
    if (entry.kind == WatchlistKind::StolenDocument && !hasDocument)
        return fail(QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"),
                    QStringLiteral("a stolen_document entry needs issuing state and document number"));
    const QVariant docNumber = hasDocument ? QVariant(number) : QVariant(QMetaType(QMetaType::QString));
    const QVariant docState = hasDocument ? Sql::code(entry.issuingState) : QVariant(QMetaType(QMetaType::QString));
    Result<QSqlQuery *> q;
    if (entry.kind == WatchlistKind::ExitRestriction) {
        if (!hasPerson)
            return fail(QStringLiteral("STORE_BAD_WATCHLIST_ENTRY"), QStringLiteral("an exit restriction needs a surname"));
        q = m_db.exec(QStringLiteral("INSERT INTO exit_restrictions (entry_id, surname, given_names, surname_key, birth_date, "
                                     "nationality, issuing_state, document_number, basis, valid_from, valid_until) "
                                     "VALUES (?, ?, ?, ?, ?, coalesce(?, 'AZE'), ?, ?, ?, ?, ?)"),
                      {entry.id, entry.surname, Sql::str(entry.givenNames), nameKey(entry.surname), Sql::date(entry.birthDate),
                       Sql::code(entry.nationality), docState, docNumber, Sql::str(entry.basis), Sql::date(validity.from),
                       Sql::date(validity.until)});
    } else {
        q = m_db.exec(QStringLiteral("INSERT INTO watchlist_entries (entry_id, kind, surname, given_names, surname_key, "
                                     "birth_date, nationality, issuing_state, document_number, basis, list_version, imported_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {entry.id, watchlistKindToString(entry.kind), Sql::str(entry.surname), Sql::str(entry.givenNames),
                       Sql::str(hasPerson ? nameKey(entry.surname) : QString()), Sql::date(entry.birthDate),
                       Sql::code(entry.nationality), docState, docNumber, Sql::str(entry.basis), Sql::str(listVersion),
                       Sql::instant(importedAt)});
    }
    if (!q)
        return std::unexpected(q.error());
    return (*q)->lastInsertId().toLongLong();
}

Result<void> WatchlistRepository::clear()
{
    for (const QString &sql : {QStringLiteral("DELETE FROM watchlist_entries"), QStringLiteral("DELETE FROM exit_restrictions")}) {
        if (auto q = m_db.exec(sql); !q)
            return std::unexpected(q.error());
    }
    return {};
}

Result<QList<WatchlistEntry>> WatchlistRepository::hitsFor(const TravelDocument &document, const QDate &date)
{
    // Every pre-filter of both tables in ONE statement (UNION ALL of indexed lookups): a check
    // pays one round trip through QtSql, not six (tests/bench/bench_store.cpp).
    const QString number = PersonRepository::normaliseDocumentNumber(document.documentNumber);
    const QString surnameKey = nameKey(document.surname);
    QStringList parts;
    QVariantList binds;
    for (const bool restrictions : {false, true}) {
        const auto select = restrictions ? restrictionSelect : watchlistSelect;
        if (!document.issuingState.isEmpty() && !number.isEmpty()) {
            parts.append(select(true) + QStringLiteral("WHERE issuing_state = ? AND document_number = ?"));
            binds << document.issuingState.toString() << number;
        }
        if (document.birthDate) {
            parts.append(select(false) + QStringLiteral("WHERE birth_date = ?"));
            binds << Sql::date(document.birthDate);
        }
        if (!surnameKey.isEmpty()) {
            // Entries without a birth date; or every entry of that surname when the traveller's
            // MRZ gives no full birth date.
            parts.append(select(false)
                         + (document.birthDate ? QStringLiteral("WHERE surname_key = ? AND birth_date IS NULL AND surname <> ''")
                                               : QStringLiteral("WHERE surname_key = ? AND surname <> ''")));
            binds << surnameKey;
        }
    }
    QList<WatchlistEntry> hits;
    if (parts.isEmpty())
        return hits;
    auto q = m_db.exec(parts.join(QStringLiteral(" UNION ALL ")), binds);
    if (!q)
        return std::unexpected(q.error());
    while ((*q)->next()) {
        const Row r = readRow(**q);
        const bool byDocument = (*q)->value(11).toInt() == 1;
        // An entry found by two pre-filters is kept once.
        if (!activeOn(r, date) || hits.contains(r.entry))
            continue;
        if (byDocument || personMatches(r.entry, document))
            hits.append(r.entry);
    }
    (*q)->finish();
    return hits;
}

Result<std::optional<QDateTime>> WatchlistRepository::lastImportedAt()
{
    auto q = m_db.exec(QStringLiteral("SELECT max(imported_at) FROM list_imports WHERE kind = 'watchlist'"));
    if (!q)
        return std::unexpected(q.error());
    std::optional<QDateTime> out;
    if ((*q)->next() && !(*q)->value(0).isNull()) {
        QDateTime t = QDateTime::fromString((*q)->value(0).toString(), Qt::ISODate);
        if (t.isValid())
            out = t;
    }
    (*q)->finish();
    return out;
}

} // namespace Kiosk::Store
