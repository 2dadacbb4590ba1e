#pragma once
// Exponential backoff with jitter for the sync loop: after n consecutive
// failures wait a random time in [d/2, d] where d = min(max, base * 2^(n-1)) ("equal jitter":
// many kiosks coming back after an outage do not hit the central side in step).
#include <QRandomGenerator>
#include <chrono>

namespace Kiosk::Sync {

struct BackoffPolicy
{
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds max{300000};
};

[[nodiscard]] std::chrono::milliseconds backoffDelay(const BackoffPolicy &policy, int failures, QRandomGenerator &random);

} // namespace Kiosk::Sync
