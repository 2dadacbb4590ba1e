#pragma once
// The one throttle of every PIN the session checks (an officer's sign-in and unlock, staff
// leaving the information screen): after N wrong PINs in a row the next attempt waits, which
// makes guessing a 4-6 digit PIN slow even before the KDF's cost. Times are the session's
// injected clock, so a test decides when the wait is over.
#include <QDateTime>

#include <optional>

namespace Kiosk::Session {

class PinThrottle
{
public:
    PinThrottle(int attemptsBeforeDelay, int delaySeconds);

    // Seconds left to wait at `now`; nullopt: a PIN may be tried.
    [[nodiscard]] std::optional<int> waitAt(const QDateTime &now) const;
    void recordFailure(const QDateTime &now);
    void recordSuccess();

private:
    int m_attemptsBeforeDelay;
    int m_delaySeconds;
    int m_failures = 0;
    QDateTime m_delayedUntil;
};

} // namespace Kiosk::Session
