#pragma once
// The visa register (domain-rules §2: everyone outside the visa-free list needs a visa, §19,
// §127): visas attached to a person (and the passport they are in).
#include "app/core/checkinputs.h"
#include "app/core/error.h"

#include <QList>
#include <optional>

namespace Kiosk::Store {

class Database;

class VisaRepository
{
public:
    explicit VisaRepository(Database &db) : m_db(db) {}

    // Errors: STORE_BAD_VISA (dates), STORE_QUERY_FAILED.
    [[nodiscard]] Result<qint64> add(qint64 personId, std::optional<qint64> documentId, const Visa &visa);

    // All the person's visas, earliest validity first: the rules pick the one for the stay
    // (an exit after a visa lapsed still needs that visa to count the overstay).
    [[nodiscard]] Result<QList<Visa>> visasOf(qint64 personId);

    // The visa a check on `date` should use: the one valid on that date (latest start wins),
    // else the most recent one that ended before it, else none.
    [[nodiscard]] static std::optional<Visa> visaFor(const QList<Visa> &visas, const QDate &date);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
