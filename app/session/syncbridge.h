#pragma once
// Keeps the session's sync status current (issue 7 §2 status bar): from the sync client's
// status signal, and at once after each recorded case (the outbox grew). Without a sync
// client (no central configured) it still reports the outbox, offline.
#include "app/core/clock.h"

#include <QObject>

namespace Kiosk::Store {
class Database;
}
namespace Kiosk::Sync {
class SyncClient;
struct SyncStatus;
}

namespace Kiosk::Session {

class CheckpointSession;
struct SyncStatus;

[[nodiscard]] SyncStatus toSessionStatus(const Sync::SyncStatus &s, const QDateTime &now);

class SyncBridge : public QObject
{
    Q_OBJECT
public:
    SyncBridge(CheckpointSession *session, Store::Database &db, Sync::SyncClient *client, const Clock &clock,
               QObject *parent = nullptr);

    void refresh();

private:
    CheckpointSession *m_session;
    Store::Database &m_db;
    Sync::SyncClient *m_client;
    const Clock &m_clock;
};

} // namespace Kiosk::Session
