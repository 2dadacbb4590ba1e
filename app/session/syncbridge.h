#pragma once
// Keeps the session's sync status current (the console's status bar): from the sync client's
// status signal, and at once after each recorded case (the outbox grew). Without a sync
// client (no central configured) it still reports the outbox, offline.
// With followPulledPolicy() it also puts a policy the sync client pulled while the kiosk runs
// into force at once: the verdicts and every face (the information screen's regime lines)
// then use it, not only after a restart.
#include "app/core/clock.h"
#include "app/crypto/ed25519.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Kiosk::Store {
class Database;
}
namespace Kiosk::Sync {
class SyncClient;
struct SyncStatus;
}

namespace Kiosk::Session {

class CheckpointSession;
class StoreBackend;
struct SyncStatus;

[[nodiscard]] SyncStatus toSessionStatus(const Sync::SyncStatus &s, const QDateTime &now);

class SyncBridge : public QObject
{
    Q_OBJECT
public:
    SyncBridge(CheckpointSession *session, Store::Database &db, Sync::SyncClient *client, const Clock &clock,
               QObject *parent = nullptr);

    void refresh();

    // From now on, a newer policy in the store's reference data (a sync pull) that verifies
    // against `anchor` replaces `backend`'s policies and the session re-reads its reference
    // status (referenceStatusChanged). `backend` is the session's own. The version stored now
    // is taken as the one already in force (the composition root loaded it at start).
    void followPulledPolicy(StoreBackend *backend, const Crypto::Ed25519PublicKey &anchor);
    // Applies a newer pulled policy, if any; true when one was applied. Called on each sync
    // status change; errors are logged and leave the policy in force as it is.
    bool applyNewerPulledPolicy();
    // For a program without a sync client (the information screen): every `interval`, refresh
    // and apply a newer policy that another program (the console, kioskctl sync) pulled into
    // the database.
    void watchStore(std::chrono::milliseconds interval);

private:
    [[nodiscard]] int storedPolicyVersion();


    CheckpointSession *m_session;
    Store::Database &m_db;
    Sync::SyncClient *m_client;
    const Clock &m_clock;
    StoreBackend *m_backend = nullptr;
    std::optional<Crypto::Ed25519PublicKey> m_anchor;
    int m_policyVersion = 0; // the reference version in force
    QTimer m_watch;
};

} // namespace Kiosk::Session
