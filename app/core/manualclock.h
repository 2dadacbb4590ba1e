#pragma once
// For tests: a Clock and a Scheduler (app/core/scheduler.h) whose time moves only when the test
// says so. advance(d) runs every timer that falls due within d, earliest first (timers due at
// the same instant in the order they were started), each with the clock standing at its due
// time; a timer started by one of those callbacks runs too if it falls due within d (a zero
// delay: at once). Then the clock stands at now + d. A test asserts what happened at each step
// ("after 99 ms no round, after 100 ms one"), never how long the machine took.
#include "app/core/clock.h"
#include "app/core/scheduler.h"

#include <optional>

namespace Kiosk {

class ManualClock final : public Clock, public Scheduler
{
public:
    // `start`: what now() says before the first advance().
    explicit ManualClock(QDateTime start);
    ~ManualClock() override;
    ManualClock(const ManualClock &) = delete;
    ManualClock &operator=(const ManualClock &) = delete;

    [[nodiscard]] QDateTime now() const override;
    [[nodiscard]] qint64 monotonicMs() const override; // ms advanced since construction
    [[nodiscard]] std::unique_ptr<Timer> makeTimer(std::function<void()> onTimeout) override;

    // Not from inside a timer's callback.
    void advance(std::chrono::milliseconds by);
    // Until the earliest active timer falls due; none when no timer is active.
    [[nodiscard]] std::optional<std::chrono::milliseconds> nextDue() const;
    [[nodiscard]] int activeTimers() const;

    struct State; // shared with the timers, which may outlive the clock (or not)

private:
    std::shared_ptr<State> m_state;
};

} // namespace Kiosk
