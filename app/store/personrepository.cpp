#include "app/store/personrepository.h"

#include "app/core/namematch.h"
#include "app/store/database.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

QString PersonRepository::normaliseDocumentNumber(QStringView number)
{
    QString out;
    out.reserve(number.size());
    for (const QChar c : number) {
        if (c == u'<' || c.isSpace())
            continue;
        out.append(c.toUpper());
    }
    return out;
}

Result<PersonMatch> PersonRepository::find(const TravelDocument &document)
{
    PersonMatch match;
    const QString number = normaliseDocumentNumber(document.documentNumber);

    // 1. The document itself.
    if (!document.issuingState.isEmpty() && !number.isEmpty()) {
        auto q = m_db.exec(QStringLiteral("SELECT id, person_id FROM documents WHERE issuing_state = ? AND number = ?"),
                           {document.issuingState.toString(), number});
        if (!q)
            return std::unexpected(q.error());
        if ((*q)->next()) {
            match.documentId = (*q)->value(0).toLongLong();
            match.personId = (*q)->value(1).toLongLong();
            match.by = PersonMatch::By::Document;
        }
        (*q)->finish();
    }

    // 2. Identity: nationality + birth date (indexed), then the shared name matcher.
    if (!match.personId && document.birthDate && !document.nationality.isEmpty()) {
        auto q = m_db.exec(QStringLiteral("SELECT id, surname, given_names FROM persons "
                                          "WHERE nationality = ? AND birth_date = ? ORDER BY id"),
                           {document.nationality.toString(), Sql::date(document.birthDate)});
        if (!q)
            return std::unexpected(q.error());
        while ((*q)->next()) {
            const qint64 id = (*q)->value(0).toLongLong();
            if (matchPersonNames(document.surname, document.givenNames, (*q)->value(1).toString(),
                                 (*q)->value(2).toString())
                == NameMatch::None)
                continue;
            if (!match.personId) {
                match.personId = id;
                match.by = PersonMatch::By::Identity;
            } else {
                match.possibleSamePersons.append(id); // two records fit: the officer decides
            }
        }
        (*q)->finish();
    }

    // 3. Possible same persons: names match, birth date or nationality agrees, not both.
    const QString surnameKey = nameKey(document.surname);
    if (!surnameKey.isEmpty()) {
        // Pre-filter in the index (004_check_indexes.sql): a candidate shares the birth date or
        // the nationality; the loop below applies the exact rule and the name matcher.
        auto q = m_db.exec(QStringLiteral("SELECT id, nationality, birth_date, surname, given_names FROM persons "
                                          "WHERE surname_key = ? AND (birth_date = ? OR nationality = ?) ORDER BY id"),
                           {surnameKey, Sql::date(document.birthDate), document.nationality.toString()});
        if (!q)
            return std::unexpected(q.error());
        while ((*q)->next()) {
            const qint64 id = (*q)->value(0).toLongLong();
            if (id == match.personId || match.possibleSamePersons.contains(id))
                continue;
            const bool sameNationality = (*q)->value(1).toString() == document.nationality.toString();
            const std::optional<QDate> birth = Sql::toDate((*q)->value(2));
            const bool sameBirth = birth && document.birthDate && *birth == *document.birthDate;
            // Unknown traveller: one of the two agreeing is enough (a corrected birth date, a
            // new citizenship). Known traveller: only records sharing the birth date (another
            // record of the same identity, or one under another nationality) are suspicious;
            // a namesake of the same nationality born on another day is not.
            const bool relevant = match.personId ? sameBirth : (sameNationality != sameBirth);
            if (!relevant)
                continue;
            if (matchPersonNames(document.surname, document.givenNames, (*q)->value(3).toString(),
                                 (*q)->value(4).toString())
                == NameMatch::None)
                continue;
            match.possibleSamePersons.append(id);
        }
        (*q)->finish();
    }
    return match;
}

Result<PersonRepository::Recorded> PersonRepository::findOrCreate(const TravelDocument &document, const QDateTime &now)
{
    const QString number = normaliseDocumentNumber(document.documentNumber);
    if (document.issuingState.isEmpty() || number.isEmpty() || document.nationality.isEmpty()
        || normaliseName(document.surname).isEmpty())
        return fail(QStringLiteral("STORE_BAD_DOCUMENT"),
                    QStringLiteral("a document needs issuing state, number, nationality and surname to be recorded"));

    Transaction tx(m_db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    auto found = find(document);
    if (!found)
        return std::unexpected(found.error());

    Recorded out;
    out.match = *found;
    if (found->personId) {
        out.personId = *found->personId;
    } else {
        auto q = m_db.exec(QStringLiteral("INSERT INTO persons (nationality, birth_date, surname, given_names, surname_key, created_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?)"),
                           {document.nationality.toString(), Sql::date(document.birthDate), document.surname,
                            Sql::str(document.givenNames), nameKey(document.surname), Sql::instant(now)});
        if (!q)
            return std::unexpected(q.error());
        out.personId = (*q)->lastInsertId().toLongLong();
        out.createdPerson = true;
    }
    if (found->documentId) {
        out.documentId = *found->documentId;
    } else {
        const QString code = document.documentCode.isEmpty() ? QStringLiteral("P") : document.documentCode;
        auto q = m_db.exec(QStringLiteral("INSERT INTO documents (person_id, issuing_state, number, document_code, expiry_date) "
                                          "VALUES (?, ?, ?, ?, ?)"),
                           {out.personId, document.issuingState.toString(), number, code, Sql::date(document.expiryDate)});
        if (!q)
            return std::unexpected(q.error());
        out.documentId = (*q)->lastInsertId().toLongLong();
    }
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    return out;
}

} // namespace Kiosk::Store
