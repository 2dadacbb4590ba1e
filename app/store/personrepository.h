#pragma once
// Persons and their documents: a history follows the PERSON, not the passport.
//
// find(document):
//   1. by document: issuing state + number of a document seen before;
//   2. by identity, when a new passport appears: same nationality and birth date (indexed), and
//      names that the shared matcher (app/core/namematch.h) calls the same or a variant;
//   3. possible same persons: other person records whose names match and whose birth date OR
//      nationality agrees (for a traveller not identified in 1-2: exactly one of them, e.g. a
//      new citizenship or a corrected birth date; for an identified one: the birth date, i.e.
//      a second record of the same identity). They are listed for POSSIBLE_SAME_PERSON (REFER)
//      and never merged: their crossings stay theirs. Names alone, with neither birth date nor
//      nationality agreeing, are namesakes (choice: otherwise every common surname would refer
//      every traveller who bears it).
#include "app/core/error.h"
#include "app/core/traveldocument.h"

#include <QList>
#include <optional>

namespace Kiosk::Store {

class Database;

struct PersonMatch
{
    enum class By { None, Document, Identity };
    std::optional<qint64> personId;      // whose history this traveller has
    std::optional<qint64> documentId;    // when the very document is known
    By by = By::None;
    QList<qint64> possibleSamePersons;   // other records: POSSIBLE_SAME_PERSON, not merged

    [[nodiscard]] bool possibleSamePerson() const { return !possibleSamePersons.isEmpty(); }
};

class PersonRepository
{
public:
    explicit PersonRepository(Database &db) : m_db(db) {}

    // Errors: STORE_QUERY_FAILED, STORE_PREPARE_FAILED.
    [[nodiscard]] Result<PersonMatch> find(const TravelDocument &document);

    // The person (and document id) to record something against: found as by find(), or
    // created. A document newly seen for a known person is added to that person. Never merges
    // possible same persons. `now` dates a person created (created_at), on the caller's clock.
    // Errors: STORE_BAD_DOCUMENT (no issuing state/number/nationality/surname),
    // STORE_QUERY_FAILED.
    struct Recorded
    {
        qint64 personId = 0;
        qint64 documentId = 0;
        PersonMatch match;
        bool createdPerson = false;
    };
    [[nodiscard]] Result<Recorded> findOrCreate(const TravelDocument &document, const QDateTime &now);

    // Canonical form of a document number: upper case, no filler or spaces (ICAO 9303-3 §4.2).
    [[nodiscard]] static QString normaliseDocumentNumber(QStringView number);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
