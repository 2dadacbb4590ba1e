// Matching a watchlist entry against a travel document: the document by issuing state and
// number, the holder by names, birth date and nationality.
#include "app/rules/engine.h"

#include "app/core/namematch.h"

namespace Kiosk::Rules {

namespace {

// Letters and digits only, in upper case: "ab 123-4" and "AB1234" are one number.
QString normalisedDocumentNumber(QStringView number)
{
    QString out;
    for (const QChar c : number) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}

} // namespace

bool watchlistMatches(const WatchlistEntry &entry, const TravelDocument &document)
{
    // Documents: issuing state + number (§169-170).
    const QString listed = normalisedDocumentNumber(entry.documentNumber);
    if (!listed.isEmpty() && listed == normalisedDocumentNumber(document.documentNumber)
        && (!entry.issuingState || *entry.issuingState == document.issuingState))
        return true;
    // Persons: names tolerant of transliteration, then birth date and nationality where given.
    if (entry.surname.trimmed().isEmpty())
        return false;
    if (matchPersonNames(entry.surname, entry.givenNames, document.surname, document.givenNames) == NameMatch::None)
        return false;
    // A document whose birth date is partly unknown ("<<") cannot rule the entry out.
    if (entry.birthDate && document.birthDate && *entry.birthDate != *document.birthDate)
        return false;
    if (entry.nationality && *entry.nationality != document.nationality)
        return false;
    return true;
}

} // namespace Kiosk::Rules
