#pragma once
// The sync client: pushes the outbox to the central service in batches over
// HTTPS with the central CA pinned (TLS 1.2+, optional client certificate), applies the
// per-event answers (stored/duplicate leave the outbox, rejected stay with their reason),
// pulls the kiosk registry and, after a cursor, the events recorded at other checkpoints
// (each signature verified against that registry) into the local store. runOnce() is one
// round (`kioskctl sync --once`); start() runs rounds continuously with exponential backoff
// and jitter, and retries at once when the network comes back (the GUI).
#include "app/core/clock.h"
#include "app/core/scheduler.h"
#include "app/crypto/ed25519.h"
#include "app/store/database.h"
#include "sync/client/backoff.h"
#include "sync/client/centralreplies.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Kiosk::Sync {

struct SyncSettings
{
    QUrl central;                 // https://host:port
    QString caFile;               // PEM; the only CA trusted for the central side
    QString clientCertificate;    // PEM, optional
    QString clientKey;            // PEM, optional
    QString ownKioskId;           // our events are not pulled back; the id requests are signed as
    // The kiosk's Ed25519 key: every request is signed with it (sync/eventlog/requestsignature.h);
    // border-central refuses unsigned requests unless it runs --insecure-demo.
    std::shared_ptr<const Crypto::Ed25519PrivateKey> requestKey;
    QString checkpoint;           // ours (pulled crossings keep their own)
    // The central mark beside the kiosk's key (sync/client/chaintail.h: kioskCentralMarkFile):
    // each round first asks the central side for this kiosk's newest stored event and stops
    // (CHAIN_BEHIND_CENTRAL / CHAIN_DIVERGES_FROM_CENTRAL, nothing pushed) when the local log
    // does not reach it; acknowledged pushes raise it. Empty: not kept (tests, the demo).
    QString centralMarkFile;
    // The kiosk's working set (app/store/workingset.h): once per local day at the checkpoint,
    // after a round that succeeded, the pulled crossings that no check from that day on reads
    // are pruned with their events. The days the policy in force looks back
    // (Rules::PolicySet::lookBackDays); 0 keeps everything pulled.
    int workingSetDays = 0;
    int batchSize = 500;
    int feedPageSize = 1000;
    int requestTimeoutMs = 15000;
    std::chrono::milliseconds interval{30000}; // between successful rounds (continuous mode)
    // Reference data kinds to pull ("policy", ...), and the check a new version must pass
    // before it is stored (the central side's signature, verified by the caller's trust
    // anchor: sync/client does not know the formats). A kind without a check is not applied.
    // "watchlist", "permits", "visas": a verified version is a JSON file in the format of
    // `kioskctl import` (app/store/importer.h), applied with the reference_data row in ONE
    // transaction; a file with any bad row is refused (REFERENCE_BAD_ROW / REFERENCE_BAD_FILE)
    // and nothing changes. A watchlist version REPLACES the list (and dates it for
    // WATCHLIST_STALE); permits and visas versions are ADDED to what the store holds (the
    // register and local imports stay), so the central side publishes each grant once, in the
    // version after the previous one; a kiosk applies every version it pulls exactly once.
    QStringList referenceKinds;
    std::function<Result<void>(const QString &kind, const QByteArray &body, const QByteArray &signature)> verifyReference;
    BackoffPolicy backoff;
};

struct SyncStatus
{
    bool online = false;
    qint64 pending = 0;
    qint64 rejected = 0;
    std::optional<QDateTime> oldestPendingAt;
    std::optional<QDateTime> lastSuccess;
    QString lastError;          // the last failure ever ("CODE: message"), kept in the database
    qint64 unverifiedPulls = 0; // feed events kept aside because they did not verify (yet)
    // This client's last round, when it failed (in memory, cleared by a round that succeeds):
    // what is wrong now, where lastError may be an old failure. SYNC_PROTOCOL there with
    // online false: the central side answered, but not as the protocol says.
    std::optional<Error> roundError;
};

struct RoundReport
{
    qint64 stored = 0;
    qint64 duplicate = 0;
    qint64 rejected = 0;
    qint64 pulled = 0;         // remote events newly stored
    qint64 pullRejected = 0;   // feed entries whose signature/kiosk did not verify: kept aside
    qint64 pullRecovered = 0;  // kept-aside entries of earlier rounds that verified this time
    QStringList rejections;    // "SEQ REASON" per rejected event
    QStringList referenceApplied; // "KIND VERSION" stored after verifying
    QStringList referenceRefused; // "KIND VERSION CODE" that did not verify
    qint64 pruned = 0;         // pulled crossings pruned from the working set this round
};

class SyncClient : public QObject
{
    Q_OBJECT
public:
    // One clock: `clock` dates the requests' signatures, the outbox's attempts,
    // the kept-aside pulls, the reference data (and the watchlist's import, for its age) and
    // the last success; `scheduler` runs the continuous loop's rounds and backoff. The programs
    // pass the system ones, tests a ManualClock for both. Both must outlive the client.
    // Errors: SYNC_CONFIG (no central URL, unreadable CA/client certificate).
    [[nodiscard]] static Result<std::unique_ptr<SyncClient>> create(Store::Database &db, SyncSettings settings, const Clock &clock,
                                                                    Scheduler &scheduler, QObject *parent = nullptr);
    ~SyncClient() override;

    // One round: push everything pending, then pull registry and feed. Blocks (a local event
    // loop). Errors: SYNC_NETWORK, SYNC_HTTP, SYNC_PROTOCOL, STORE_*, CHAIN_BEHIND_CENTRAL,
    // CHAIN_DIVERGES_FROM_CENTRAL (centralMarkFile).
    [[nodiscard]] Result<RoundReport> runOnce();

    // Continuous mode: rounds every `interval`, backoff after failures.
    void start();
    void stop();
    // Connectivity as the platform reports it (QNetworkInformation, connected by start()): back
    // online means try now rather than wait out the backoff. Public so that tests can drive it
    // where no network-information backend loads (containers, CI).
    void networkReachabilityChanged(bool online);

    [[nodiscard]] Result<SyncStatus> status();
    // A quick GET /v1/health (for `sync --status`).
    [[nodiscard]] bool probe(int timeoutMs);

signals:
    void statusChanged(const Kiosk::Sync::SyncStatus &status);
    // The continuous loop's next round is due in `delayMs` (interval, backoff or 0): lets the
    // UI show "retrying in ..." and tests check the backoff schedule without waiting it out.
    void nextRoundScheduled(qint64 delayMs);

private:
    SyncClient(Store::Database &db, SyncSettings settings, QSslConfiguration tls, const Clock &clock, Scheduler &scheduler, QObject *parent);
    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
    };
    // Any HTTP answer (check httpStatus); errors only when no answer came (SYNC_NETWORK).
    Result<Reply> exchange(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs);
    // HTTP 200 or SYNC_HTTP.
    Result<Reply> request(const QByteArray &method, const QString &path, const QByteArray &body, int timeoutMs);
    Result<void> pullReference(RoundReport &report);
    Result<void> push(RoundReport &report);
    Result<void> checkCentralHead();
    Result<void> pull(RoundReport &report);
    // The day's working-set prune (SyncSettings::workingSetDays), at most once per local day.
    Result<void> pruneWorkingSet(RoundReport &report);
    using RegistryKeys = QHash<QString, std::pair<Crypto::Ed25519PublicKey, bool>>;
    // One feed event: stored when it verifies against `keys` (true), else kept aside in
    // pull_pending (false); inside the caller's transaction.
    Result<bool> takeFeedItem(const FeedItem &item, const RegistryKeys &keys, RoundReport &report);
    Result<void> retryPendingPulls(const RegistryKeys &keys, RoundReport &report);
    void scheduleNext(std::chrono::milliseconds delay);
    void onTimer();
    void recordOutcome(const Result<RoundReport> &outcome);

    Store::Database &m_db;
    SyncSettings m_settings;
    QSslConfiguration m_tls;
    std::unique_ptr<QNetworkAccessManager> m_network;
    const Clock &m_clock;
    std::unique_ptr<Timer> m_timer; // the next round (single shot)
    int m_failures = 0;
    bool m_online = false;
    std::optional<Error> m_roundError; // SyncStatus::roundError
    // Continuous mode on (start() until stop()): a round ending after stop() (stop() from a
    // statusChanged slot, inside the round) or connectivity coming back after it must not
    // schedule another round.
    bool m_running = false;
    bool m_watchingNetwork = false;
    // A round is under way (its requests spin a local event loop, in which the timer can fire
    // again when connectivity returns): no second round inside it; one follows at once instead.
    bool m_inRound = false;
    bool m_roundRequested = false;
};

// The status as the database keeps it (outbox counts, last success and error), for a kiosk
// with or without a central service configured.
[[nodiscard]] Result<SyncStatus> storedSyncStatus(Store::Database &db, bool online);

} // namespace Kiosk::Sync
