#include "app/core/manualclock.h"

#include <algorithm>
#include <vector>

namespace Kiosk {

namespace {
class ManualTimer;
}

struct ManualClock::State
{
    QDateTime start;
    qint64 nowMs = 0;
    quint64 nextSerial = 0;
    bool advancing = false;
    std::vector<ManualTimer *> timers; // alive ones, registered by their constructor
};

namespace {

class ManualTimer final : public Timer
{
public:
    ManualTimer(std::shared_ptr<ManualClock::State> state, std::function<void()> onTimeout)
        : m_state(std::move(state)), m_onTimeout(std::move(onTimeout))
    {
        m_state->timers.push_back(this);
    }
    ~ManualTimer() override { std::erase(m_state->timers, this); }
    ManualTimer(const ManualTimer &) = delete;
    ManualTimer &operator=(const ManualTimer &) = delete;

    void start(std::chrono::milliseconds delay) override
    {
        m_active = true;
        m_dueMs = m_state->nowMs + std::max<qint64>(0, delay.count());
        m_serial = m_state->nextSerial++;
    }
    void stop() override { m_active = false; }
    [[nodiscard]] bool isActive() const override { return m_active; }

    [[nodiscard]] qint64 dueMs() const { return m_dueMs; }
    // Earlier due first; the same instant: started first.
    [[nodiscard]] bool before(const ManualTimer &other) const
    {
        return m_dueMs != other.m_dueMs ? m_dueMs < other.m_dueMs : m_serial < other.m_serial;
    }
    // Copied out first: the callback may destroy this timer (its owner stops, is deleted).
    [[nodiscard]] std::function<void()> fire()
    {
        m_active = false;
        return m_onTimeout;
    }

private:
    std::shared_ptr<ManualClock::State> m_state;
    std::function<void()> m_onTimeout;
    bool m_active = false;
    qint64 m_dueMs = 0;
    quint64 m_serial = 0;
};

ManualTimer *earliest(const ManualClock::State &state)
{
    ManualTimer *first = nullptr;
    for (ManualTimer *t : state.timers)
        if (t->isActive() && (!first || t->before(*first)))
            first = t;
    return first;
}

} // namespace

ManualClock::ManualClock(QDateTime start) : m_state(std::make_shared<State>())
{
    m_state->start = std::move(start);
}

ManualClock::~ManualClock() = default;

QDateTime ManualClock::now() const
{
    return m_state->start.addMSecs(m_state->nowMs);
}

qint64 ManualClock::monotonicMs() const
{
    return m_state->nowMs;
}

std::unique_ptr<Timer> ManualClock::makeTimer(std::function<void()> onTimeout)
{
    return std::make_unique<ManualTimer>(m_state, std::move(onTimeout));
}

void ManualClock::advance(std::chrono::milliseconds by)
{
    State &s = *m_state;
    if (s.advancing)
        qFatal("ManualClock::advance from inside a timer's callback");
    s.advancing = true;
    const qint64 target = s.nowMs + std::max<qint64>(0, by.count());
    // A callback that restarts its timer with no delay would never let time move: a bug in
    // the code under test, reported rather than hung on.
    int firedAtOneInstant = 0;
    while (ManualTimer *t = earliest(s)) {
        if (t->dueMs() > target)
            break;
        firedAtOneInstant = t->dueMs() == s.nowMs ? firedAtOneInstant + 1 : 0;
        if (firedAtOneInstant > 100000)
            qFatal("ManualClock: timers keep falling due at one instant");
        s.nowMs = t->dueMs();
        const std::function<void()> callback = t->fire();
        callback();
    }
    s.nowMs = target;
    s.advancing = false;
}

std::optional<std::chrono::milliseconds> ManualClock::nextDue() const
{
    if (const ManualTimer *t = earliest(*m_state))
        return std::chrono::milliseconds(t->dueMs() - m_state->nowMs);
    return std::nullopt;
}

int ManualClock::activeTimers() const
{
    return static_cast<int>(std::count_if(m_state->timers.cbegin(), m_state->timers.cend(), [](const ManualTimer *t) { return t->isActive(); }));
}

} // namespace Kiosk
