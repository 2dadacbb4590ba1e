#include "sync/client/backoff.h"

#include <algorithm>

namespace Kiosk::Sync {

std::chrono::milliseconds backoffDelay(const BackoffPolicy &policy, int failures, QRandomGenerator &random)
{
    if (failures <= 0)
        return std::chrono::milliseconds(0);
    const int shift = std::min(failures - 1, 30);
    const qint64 ceiling = std::min<qint64>(policy.max.count(), policy.base.count() << shift);
    const qint64 half = ceiling / 2;
    return std::chrono::milliseconds(half + static_cast<qint64>(random.bounded(static_cast<quint64>(ceiling - half + 1))));
}

} // namespace Kiosk::Sync
