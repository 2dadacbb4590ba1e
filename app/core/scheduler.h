#pragma once
// The one seam through which timed behaviour runs: the sync loop's rounds and
// backoff, the scanner folder's settle polls. Production code asks a Scheduler for timers and
// for monotonic time instead of owning a QTimer or a QElapsedTimer, so that a test can drive
// time by hand (ManualClock, app/core/manualclock.h) and assert what happens at each step
// instead of sleeping and hoping the machine was not loaded.
#include <QElapsedTimer>
#include <QtGlobal>

#include <chrono>
#include <functional>
#include <memory>

namespace Kiosk {

// A single-shot timer made by a Scheduler. Destroying it cancels it.
class Timer
{
public:
    virtual ~Timer() = default;
    // (Re)starts it: the callback runs once, `delay` from now; a pending run is replaced.
    virtual void start(std::chrono::milliseconds delay) = 0;
    virtual void stop() = 0;
    [[nodiscard]] virtual bool isActive() const = 0;
};

class Scheduler
{
public:
    virtual ~Scheduler() = default;
    // Monotonic milliseconds from an arbitrary origin: for intervals, never for dates (dates
    // come from a Clock).
    [[nodiscard]] virtual qint64 monotonicMs() const = 0;
    // A timer whose callback runs on the calling thread (its event loop, for the system one).
    [[nodiscard]] virtual std::unique_ptr<Timer> makeTimer(std::function<void()> onTimeout) = 0;
};

// QTimer and QElapsedTimer: what the programs use.
class SystemScheduler final : public Scheduler
{
public:
    SystemScheduler();
    [[nodiscard]] qint64 monotonicMs() const override;
    [[nodiscard]] std::unique_ptr<Timer> makeTimer(std::function<void()> onTimeout) override;

private:
    QElapsedTimer m_origin;
};

// One for the process (it holds no state a caller could disturb).
[[nodiscard]] Scheduler &systemScheduler();

} // namespace Kiosk
