#pragma once
// Everything `border-kiosk --demo` and `kioskctl demo` run, with no configuration:
// a temporary store seeded with synthetic travellers, the shipped signed policy, a fresh kiosk
// signing key, the one-transaction event recorder, an embedded border-central on loopback
// (SQLite, HTTPS with a demo-only certificate) with the sync client pushing to it, and the
// simulator cycling through the sample documents. Both programs build the same session here,
// so the headless run prints exactly what the console shows.
#include "app/core/clock.h"
#include "app/core/error.h"
#include "app/session/checkpointsession.h"
#include "app/demo/demoseed.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace Kiosk::Store {
class Database;
}
namespace Kiosk::Sources {
class SimulatorSource;
}

namespace Kiosk::Session {

struct DemoOptions
{
    Role role = Role::Console;
    int simulatorIntervalMs = 6000;  // 0: only playNext() plays
    bool embeddedCentral = true;     // false: recording works, sync stays offline
    int backgroundTravellers = 300;
    int idleLockMinutes = 5;
    int kdfIterations = 200'000;     // the demo operator's PIN hash (start-up cost)
    std::chrono::milliseconds syncInterval{5000};
};

class DemoEnvironment : public QObject
{
    Q_OBJECT
public:
    // The demo's operator (synthetic, printed on the sign-in screen of the demo only).
    static inline const QString kOperatorId = QStringLiteral("OF-1001");
    static inline const QString kOperatorPin = QStringLiteral("2468");

    // Errors: those of the store, the policy, the key, the central service; all at start-up,
    // so a broken demo fails before the window opens.
    [[nodiscard]] static Result<std::unique_ptr<DemoEnvironment>> create(const Clock &clock, const DemoOptions &options,
                                                                         QObject *parent = nullptr);
    ~DemoEnvironment() override;

    [[nodiscard]] CheckpointSession *session() const;
    [[nodiscard]] Sources::SimulatorSource *simulator() const;
    [[nodiscard]] Store::Database &database() const;
    [[nodiscard]] const QList<DemoDocument> &documents() const;
    [[nodiscard]] QString centralUrl() const; // empty without the embedded central

    // One sync round now (push the outbox, pull the feed); updates the session's status.
    Result<void> syncNow();
    // Plays the next sample document through the simulator (as the timer would).
    bool playNext();
    // Stops / restarts the embedded central's HTTPS listener on the same port: the sync client
    // then really fails (offline) and recovers (online). Errors: CENTRAL_LISTEN, DEMO_NO_CENTRAL.
    Result<void> setCentralRunning(bool running);

private:
    explicit DemoEnvironment(QObject *parent);
    void refreshSyncStatus();
    struct Parts;
    std::unique_ptr<Parts> d;
};

} // namespace Kiosk::Session
