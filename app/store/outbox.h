#pragma once
// The outbox: the kiosk's events the central side has not acknowledged. An
// entry leaves only on "stored" or "duplicate"; a "rejected" one stays, with its reason, and
// is no longer pushed until an operator re-queues it. Also the small sync state (feed cursor,
// last success, last error) the status report needs.
#include "app/core/error.h"
#include "app/store/eventrepository.h"

#include <optional>

namespace Kiosk::Store {

struct OutboxStatus
{
    qint64 pending = 0;                      // not yet acknowledged, not rejected
    qint64 rejected = 0;
    std::optional<QDateTime> oldestPendingAt; // recorded_at of the oldest pending event (UTC)
};

struct ReferenceBlob
{
    QString kind;      // "policy", "watchlist", ...
    int version = 0;
    QByteArray body;   // exactly as signed
    QByteArray signature;
};

struct RejectedEntry
{
    qint64 sequence = 0;
    QString eventId;
    QString reason;
    QString detail;
};

class Outbox
{
public:
    explicit Outbox(Database &db) : m_db(db) {}

    // The oldest pending events, ascending by sequence.
    [[nodiscard]] Result<QList<StoredEvent>> pending(int limit);
    // Removes acknowledged entries (one transaction; joins the caller's).
    [[nodiscard]] Result<void> acknowledge(const QList<qint64> &sequences);
    [[nodiscard]] Result<void> reject(qint64 sequence, const QString &reason, const QString &detail);
    [[nodiscard]] Result<void> noteAttempt(const QList<qint64> &sequences, const QDateTime &at);
    [[nodiscard]] Result<qint64> requeueRejected();
    [[nodiscard]] Result<OutboxStatus> status();
    [[nodiscard]] Result<QList<RejectedEntry>> rejected();

    // Reference data the sync client verified (table reference_data, migration 003).
    [[nodiscard]] Result<void> storeReference(const ReferenceBlob &blob, const QDateTime &fetchedAt);
    [[nodiscard]] Result<std::optional<ReferenceBlob>> latestReference(const QString &kind);
    // When this kiosk verified and stored that version (UTC); nullopt when it is not stored.
    [[nodiscard]] Result<std::optional<QDateTime>> referenceFetchedAt(const QString &kind, int version);

    [[nodiscard]] Result<std::optional<QString>> state(const QString &key);
    [[nodiscard]] Result<void> setState(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace Kiosk::Store
