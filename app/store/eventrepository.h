#pragma once
// The kiosk's signed event log as stored: its own hash chain with the outbox
// entry of each event, the events pulled from other checkpoints, and the kiosk registry the
// central side publishes. Bytes and signatures are opaque here (sync/eventlog makes and
// checks them): the store keeps them exactly as they came.
#include "app/core/error.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QString>

namespace Kiosk::Store {

class Database;

struct StoredEvent
{
    qint64 sequence = 0;
    QString eventId;
    QString kioskId;
    QByteArray bytes;      // canonical bytes, as signed
    QByteArray signature;  // Ed25519, 64 bytes
    QByteArray hash;       // SHA-256 of bytes
    QDateTime recordedAt;  // UTC
    // "<issuing state>/<number>" of a crossing event's document (crossingDocumentKey()), empty
    // for events that record no crossing: how a check finds a person's signed crossings.
    QString crossingDocument;
};

struct ChainHead
{
    qint64 sequence = 0;   // 0: no event yet
    QByteArray hash;       // hash of the last event; empty when none
};

struct RemoteEvent
{
    QString kioskId;
    qint64 sequence = 0;
    QString eventId;
    QByteArray bytes;
    QByteArray signature;
    qint64 feedId = 0;
    QString crossingDocument; // as StoredEvent::crossingDocument
    QDate localDate;          // recordedAt's date at its checkpoint
    bool keeps = false;       // a reason keeps it whatever its age (keepsWorkingSet, workingset.h)
};

struct RegistryEntry
{
    QString kioskId;
    QString checkpoint;
    QByteArray publicKey; // 32 raw bytes
    bool revoked = false;
};

// The key events.crossing_document holds for a crossing of this document.
[[nodiscard]] QString crossingDocumentKey(const QString &issuingState, const QString &number);

// Reads the columns sequence, event_id, kiosk_id, bytes, signature, hash, recorded_at,
// crossing_document (in that order) of the current row.
[[nodiscard]] StoredEvent storedEventFromRow(const QSqlQuery &row);

// A feed event kept aside because it did not verify yet (resources/sql/007_pull_pending.sql).
struct PendingPull
{
    qint64 feedId = 0;
    QByteArray bytes;
    QByteArray signature;
    QString reason;
    int attempts = 0;
};

class EventRepository
{
public:
    explicit EventRepository(Database &db) : m_db(db) {}

    // The last event of the kiosk's own chain.
    [[nodiscard]] Result<ChainHead> head();

    // Appends the event and its outbox entry. Joins the caller's transaction (the crossing,
    // its event and its outbox entry are ONE transaction: architecture.md). Errors:
    // STORE_QUERY_FAILED (e.g. the sequence or event id exists).
    [[nodiscard]] Result<void> append(const StoredEvent &event);

    // Own events with sequence > `after`, ascending by the stored sequence column, at most `limit`.
    [[nodiscard]] Result<QList<StoredEvent>> events(qint64 after, int limit);

    // A pulled event; false when it was already there (same kiosk and sequence). Its signed
    // bytes are kept packed (eventpacking_p.h); every reader gets them back exactly.
    [[nodiscard]] Result<bool> storeRemote(const RemoteEvent &event);

    // Feed events that did not verify yet: kept (a second keep of the same feed id counts an
    // attempt), listed oldest first, dropped once stored, counted for the status.
    [[nodiscard]] Result<void> keepPendingPull(const PendingPull &pull, const QDateTime &at);
    [[nodiscard]] Result<QList<PendingPull>> pendingPulls();
    [[nodiscard]] Result<void> dropPendingPull(qint64 feedId);
    [[nodiscard]] Result<qint64> pendingPullCount();

    [[nodiscard]] Result<void> replaceRegistry(const QList<RegistryEntry> &entries);
    [[nodiscard]] Result<QList<RegistryEntry>> registry();

private:
    Database &m_db;
};

} // namespace Kiosk::Store
