#pragma once
// Recorded crossings: written against a person, read back as that person's
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
    QString kioskId;              // the signing kiosk; empty for imported history
    QString eventId;              // the signed event; empty for imported history
    QDateTime recordedAt;         // the instant, stored as UTC; invalid = unknown
    QString source = QStringLiteral("local"); // local | import | central
};

// A crossing row as a check reads it, with what binds it to its signed event:
// the store only fetches; the session compares (app/session/historybinding.h), since the
// store does not parse signed bytes.
struct BoundCrossing
{
    qint64 crossingId = 0;
    Crossing crossing;
    QString source;        // local | import | central
    QString eventId;       // empty: the row names no event
    QString kioskId;
    QString recordedAt;    // the column as stored (UTC, ISO 8601 with ms), empty when NULL
    QString documentKey;   // crossingDocumentKey() of the row's document; empty without one
    QByteArray eventBytes; // the named event's signed bytes (own or pulled); empty: not found
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

    // The same rows with their binding data, oldest first.
    [[nodiscard]] Result<QList<BoundCrossing>> boundHistory(qint64 personId);

    // The signed bytes of crossing events (own or pulled) of the person's documents that no
    // crossing row names: a row deleted, or its event id changed.
    [[nodiscard]] Result<QList<QByteArray>> unrecordedCrossingEvents(qint64 personId);

    // For `kioskctl log verify`: every row with id > afterId (at most `limit`, by id), and every
    // crossing event (own or pulled) that no row names, whoever's document it is.
    [[nodiscard]] Result<QList<BoundCrossing>> allBound(qint64 afterId, int limit);
    [[nodiscard]] Result<QList<QByteArray>> allUnrecordedCrossingEvents();

private:
    Database &m_db;
};

} // namespace Kiosk::Store
