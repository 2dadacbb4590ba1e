#include "app/session/pinthrottle.h"

#include <algorithm>

namespace Kiosk::Session {

PinThrottle::PinThrottle(int attemptsBeforeDelay, int delaySeconds)
    : m_attemptsBeforeDelay(std::max(1, attemptsBeforeDelay))
    , m_delaySeconds(std::max(0, delaySeconds))
{
}

std::optional<int> PinThrottle::waitAt(const QDateTime &now) const
{
    if (m_delayedUntil.isValid() && now < m_delayedUntil)
        return static_cast<int>(std::max<qint64>(1, now.secsTo(m_delayedUntil)));
    return std::nullopt;
}

void PinThrottle::recordFailure(const QDateTime &now)
{
    if (++m_failures >= m_attemptsBeforeDelay) {
        m_delayedUntil = now.addSecs(m_delaySeconds);
        m_failures = 0;
    }
}

void PinThrottle::recordSuccess()
{
    m_failures = 0;
}

} // namespace Kiosk::Session
