#pragma once
// Recorded crossings (issue 3 §3): written against a person, read back as that person's
// history in date order (what the rules count days on).
#include "app/core/crossing.h"
#include "app/core/error.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Kiosk::Store {

class Database;

struct CrossingRecord
{
    qint64 personId = 0;
    std::optional<qint64> documentId;
    Crossing crossing;            // direction, local date (checkpoint's time zone), checkpoint
    QString kioskId;              // issue 4: the signing kiosk; empty for imported history
    QString eventId;              // issue 4: the signed event; empty for imported history
    QDateTime recordedAt;         // the instant, stored as UTC; invalid = unknown
    QString source = QStringLiteral("local"); // local | import | central
};

class CrossingRepository
{
public:
    explicit CrossingRepository(Database &db) : m_db(db) {}

    // Returns the new row id. Joins the caller's transaction if one is open (the crossing and
    // its outbox entry are one transaction: architecture.md). Errors: STORE_QUERY_FAILED
    // (unknown person, duplicate event id, ...).
    [[nodiscard]] Result<qint64> record(const CrossingRecord &record);

    // The person's crossings, oldest first (ties in insertion order).
    [[nodiscard]] Result<QList<Crossing>> history(qint64 personId);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
