#pragma once
// The central service's logic, plain and testable: the kiosk registry, ingest of
// signed events (authenticate, verify, deduplicate, detect forks, gaps and broken links, store),
// the feed other kiosks pull, reference data, and statistics. Works the same over SQLite and
// PostgreSQL; on PostgreSQL ingest batches are serialised by an advisory lock so that several
// instances can share one database and the feed order equals the commit order.
#include "app/core/error.h"
#include "sync/central/centraldatabase.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <functional>

namespace Kiosk::Central {

struct KioskRecord
{
    QString id;
    QString checkpoint;
    QByteArray publicKey; // 32 raw Ed25519 bytes
    bool revoked = false;
};

struct IncomingEvent
{
    QByteArray bytes;
    QByteArray signature;
};

enum class IngestStatus { Stored, Duplicate, Rejected };
[[nodiscard]] QString ingestStatusToString(IngestStatus s); // "stored" | "duplicate" | "rejected"

// Rejection reasons (stable, the kiosk keeps and reports them):
//   MALFORMED        bytes not a canonical event
//   UNKNOWN_KIOSK    no such kiosk enrolled
//   KIOSK_REVOKED    the kiosk's key was revoked
//   WRONG_KIOSK      the event names a kiosk other than the authenticated sender
//   BAD_SIGNATURE    signature does not verify with the enrolled key
//   FORK             the sequence is stored with other bytes (reported in stats)
//   CHAIN_BROKEN     prevHash does not match the stored neighbour
//   EVENT_ID_REUSED  the event id is stored under another (kiosk, sequence)
struct IngestResult
{
    IngestStatus status = IngestStatus::Rejected;
    QString eventId;
    QString kioskId;
    qint64 sequence = 0;
    QString reason;   // empty unless rejected
    QString detail;
    bool gap = false; // stored, but an earlier sequence is still missing
};

// The newest event the central side holds from one kiosk: the highest sequence stored (gaps
// below it may still be filled) and its hash. sequence 0: none yet.
struct KioskHead
{
    qint64 sequence = 0;
    QByteArray hash; // SHA-256 of the signed bytes
};

struct FeedEntry
{
    qint64 feedId = 0;
    QByteArray bytes;
    QByteArray signature;
};

struct ReferenceBlob
{
    QString kind;
    int version = 0;
    QByteArray body;
    QByteArray signature;
};

class CentralService
{
public:
    using Now = std::function<QDateTime()>;
    explicit CentralService(CentralDatabase &db, Now now = &QDateTime::currentDateTimeUtc);

    // Errors: CENTRAL_KIOSK_EXISTS, CENTRAL_KEY_INVALID, CENTRAL_DB.
    [[nodiscard]] Result<void> addKiosk(const KioskRecord &kiosk);
    // Errors: CENTRAL_KIOSK_UNKNOWN, CENTRAL_DB.
    [[nodiscard]] Result<void> revokeKiosk(const QString &id);
    [[nodiscard]] Result<QList<KioskRecord>> kiosks();
    // One kiosk by id (every authenticated request asks); nullopt when not enrolled.
    [[nodiscard]] Result<std::optional<KioskRecord>> kiosk(const QString &id);

    // One answer per event, in order. `sender` (from a client certificate), when set, must
    // be the kiosk every event names. Errors (the whole batch; the kiosk retries): CENTRAL_DB.
    [[nodiscard]] Result<QList<IngestResult>> ingest(const QList<IncomingEvent> &events, const QString &sender = {});

    // What a kiosk asks each round so that it never signs a sequence the central side already
    // holds (sync/client/chaintail.h). Errors: CENTRAL_DB.
    [[nodiscard]] Result<KioskHead> kioskHead(const QString &kioskId);

    // The replay record of signed requests (requestauth.h), one for every instance on the
    // database: true when (kioskId, nonce) was not seen and is now remembered until
    // `forgetAfter` (Unix seconds of the central clock), false when it is there already (the
    // table's key decides, so two instances cannot both accept it). Errors: CENTRAL_DB.
    [[nodiscard]] Result<bool> rememberNonce(const QString &kioskId, const QByteArray &nonce, qint64 forgetAfter);
    // Deletes the nonces to forget before `now` (Unix seconds). Errors: CENTRAL_DB.
    [[nodiscard]] Result<void> forgetNoncesBefore(qint64 now);

    // Events with feed id > `after`, ascending, at most `limit`.
    [[nodiscard]] Result<QList<FeedEntry>> feed(qint64 after, int limit);

    [[nodiscard]] Result<void> publishReference(const ReferenceBlob &blob);
    // `version` < 0: the latest. Errors: CENTRAL_NOT_FOUND, CENTRAL_DB.
    [[nodiscard]] Result<ReferenceBlob> reference(const QString &kind, int version);

    // {"kiosks":[{id, checkpoint, revoked, events, maxSequence, gaps:[[from,to]...],
    //   rejections:{REASON:n}}], "events":n, "rejections":n, "forks":n, "gaps":n}
    [[nodiscard]] Result<QJsonObject> stats();

    // Time spent in Ed25519 verification since construction (for bench_sync).
    [[nodiscard]] qint64 verifyNanoseconds() const { return m_verifyNs; }

private:
    Result<void> ensurePartition(const QDateTime &at);

    CentralDatabase &m_db;
    Now m_now;
    QSet<QString> m_partitions;     // monthly partitions known to exist (committed)
    QString m_pendingPartition;     // made by the open ingest transaction
    qint64 m_verifyNs = 0;
};

} // namespace Kiosk::Central
