#pragma once
// A deployed kiosk's composition (not the demo): the settings of kiosk.ini (sync/client/
// kioskconfig.h: database, kiosk id, checkpoint, key file, central URL and CA), the operators
// file (app/session/operatordirectory.h), the signed policy of the one policy source
// (app/session/kioskpolicy.h: [kiosk] trust and policy, never the development anchor), and for
// the officer console the one-transaction recorder and, when a central URL is set, the sync
// client running continuously. The information screen (Role::Info) gets none of those three
// and no signing key: it reads policy and reference data through a read-only database handle.
#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/session/checkpointsession.h"
#include "app/core/kioskconfig.h"

#include <QObject>

#include <memory>

namespace Kiosk::Session {
class SyncBridge;
}
namespace Kiosk::Store {
class Database;
}

struct DeploymentOptions
{
    QString configPath;          // kiosk.ini; empty: $KIOSK_CONFIG or the default location
    QString operatorsPath;       // empty: operators.json beside kiosk.ini
    QString policyPath;          // empty: [kiosk] policy (a newer verified pull wins either way)
    Kiosk::Session::Role role = Kiosk::Session::Role::Console;
    int idleLockMinutes = 5;
};

class KioskDeployment : public QObject
{
    Q_OBJECT
public:
    // Errors: CONFIG_*, OPERATORS_*, TRUST_ANCHOR_* (TRUST_ANCHOR_DEVELOPMENT: the development
    // key), RESOURCE_NOT_FOUND, POLICY_*, STORE_* (the information screen: STORE_NOT_FOUND for
    // a kiosk not enrolled yet), KIOSK_IDENTITY_MISMATCH, the key's and the sync client's.
    [[nodiscard]] static Kiosk::Result<std::unique_ptr<KioskDeployment>> create(const Kiosk::Clock &clock,
                                                                                const DeploymentOptions &options);
    ~KioskDeployment() override;

    [[nodiscard]] Kiosk::Session::CheckpointSession *session() const;
    // The database handle the session reads (read-only for the information screen).
    [[nodiscard]] Kiosk::Store::Database &database() const;
    // Whether this composition can record a crossing / runs a sync client (the console only).
    [[nodiscard]] bool hasRecorder() const;
    [[nodiscard]] bool hasSyncClient() const;
    // The officer console's language from kiosk.ini ([console] language: az, ru or en);
    // empty when not set.
    [[nodiscard]] QString consoleLanguage() const;
    // kiosk.ini as read (the information screen's [info] settings come from here, and only here).
    [[nodiscard]] const Kiosk::KioskConfig &config() const;

private:
    KioskDeployment();
    struct Parts;
    std::unique_ptr<Parts> d;
};
