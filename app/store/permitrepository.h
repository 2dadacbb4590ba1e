#pragma once
// Residence and work permits (domain-rules §1-3; §44, §126-133, grace period §63): they follow
// the person, whatever passport is shown.
#include "app/core/checkinputs.h"
#include "app/core/error.h"

#include <QList>

namespace Kiosk::Store {

class Database;

class PermitRepository
{
public:
    explicit PermitRepository(Database &db) : m_db(db) {}

    // Errors: STORE_BAD_PERMIT (dates), STORE_QUERY_FAILED.
    [[nodiscard]] Result<qint64> add(qint64 personId, const Permit &permit);

    // All the person's permits, earliest validity first; the rules judge validity and the
    // grace period against the check's date.
    [[nodiscard]] Result<QList<Permit>> permitsOf(qint64 personId);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
