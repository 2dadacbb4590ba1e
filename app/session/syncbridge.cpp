#include "app/session/syncbridge.h"

#include "app/session/checkpointsession.h"
#include "app/session/kioskpolicy.h"
#include "app/session/storebackend.h"
#include "app/store/outbox.h"
#include "sync/client/syncclient.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSyncBridge, "kiosk.session.sync")

namespace Kiosk::Session {

SyncStatus toSessionStatus(const Sync::SyncStatus &s, const QDateTime &now)
{
    SyncStatus out;
    out.online = s.online;
    out.answeringWrongly = !s.online && s.roundError && s.roundError->code == QLatin1String("SYNC_PROTOCOL");
    out.pendingEvents = static_cast<int>(s.pending);
    out.rejectedEvents = static_cast<int>(s.rejected);
    out.unverifiedPulls = static_cast<int>(s.unverifiedPulls);
    if (s.oldestPendingAt)
        out.oldestPendingSeconds = std::max<qint64>(0, s.oldestPendingAt->secsTo(now));
    if (s.lastSuccess)
        out.lastSuccess = *s.lastSuccess;
    out.lastError = s.lastError;
    if (s.roundError)
        out.roundError = s.roundError->code + QStringLiteral(": ") + s.roundError->message;
    return out;
}

SyncBridge::SyncBridge(CheckpointSession *session, Store::Database &db, Sync::SyncClient *client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_db(db)
    , m_client(client)
    , m_clock(clock)
{
    if (m_client)
        connect(m_client, &Sync::SyncClient::statusChanged, this,
                [this](const Sync::SyncStatus &s) {
                    m_session->updateSyncStatus(toSessionStatus(s, m_clock.now()));
                    (void)applyNewerPulledPolicy(); // a round may have pulled one
                });
    connect(m_session, &CheckpointSession::caseRecorded, this, &SyncBridge::refresh);
    connect(&m_watch, &QTimer::timeout, this, [this] {
        refresh();
        (void)applyNewerPulledPolicy();
    });
    refresh();
}

void SyncBridge::refresh()
{
    // Without a sync client (no central configured) what the database keeps: the outbox, the
    // kept-aside pulls, the last success and error of whoever synced it; offline.
    auto s = m_client ? m_client->status() : Sync::storedSyncStatus(m_db, false);
    if (s)
        m_session->updateSyncStatus(toSessionStatus(*s, m_clock.now()));
    else
        qCWarning(lcSyncBridge) << "sync status not readable:" << s.error().code;
}

int SyncBridge::storedPolicyVersion()
{
    auto stored = Store::Outbox(m_db).latestReference(QStringLiteral("policy"));
    if (!stored) {
        qCWarning(lcSyncBridge) << "pulled policy not readable:" << stored.error().code;
        return m_policyVersion;
    }
    return *stored ? (*stored)->version : 0;
}

void SyncBridge::followPulledPolicy(StoreBackend *backend, const Crypto::Ed25519PublicKey &anchor)
{
    m_backend = backend;
    m_anchor = anchor;
    m_policyVersion = storedPolicyVersion();
}

void SyncBridge::watchStore(std::chrono::milliseconds interval)
{
    m_watch.start(interval);
}

bool SyncBridge::applyNewerPulledPolicy()
{
    if (!m_backend || !m_anchor || storedPolicyVersion() <= m_policyVersion)
        return false;
    // Verified again here, as at start: never an unverified policy (kioskpolicy.h).
    auto pulled = pulledPolicy(m_db, *m_anchor);
    if (!pulled || !*pulled) {
        qCWarning(lcSyncBridge) << "pulled policy not applied:" << (pulled ? QStringLiteral("none") : pulled.error().code);
        return false;
    }
    m_policyVersion = storedPolicyVersion();
    m_backend->setPolicies(std::move((*pulled)->set), (*pulled)->datedAt);
    qCInfo(lcSyncBridge) << "policy reference version" << m_policyVersion << "in force";
    m_session->refreshReferenceStatus();
    return true;
}

} // namespace Kiosk::Session
