#include "scanner/sources/settletracker.h"

#include <algorithm>

namespace Kiosk::Sources {

QStringList SettleTracker::observe(const QHash<QString, FileSnapshot> &present, qint64 nowMs)
{
    // Gone files are forgotten, so a later file of the same name counts as new.
    for (auto it = m_tracks.begin(); it != m_tracks.end();) {
        if (!present.contains(it.key()))
            it = m_tracks.erase(it);
        else
            ++it;
    }
    QStringList settled;
    for (auto it = present.cbegin(); it != present.cend(); ++it) {
        auto track = m_tracks.find(it.key());
        if (track == m_tracks.end()) {
            m_tracks.insert(it.key(), Track{it.value(), nowMs, false});
            continue; // even a complete-looking file is checked once more after settleMs
        }
        if (track->reported)
            continue;
        if (!(track->snapshot == it.value())) {
            track->snapshot = it.value();
            track->stableSinceMs = nowMs;
            continue;
        }
        if (track->snapshot.size > 0 && nowMs - track->stableSinceMs >= m_settleMs) {
            track->reported = true;
            settled.append(it.key());
        }
    }
    std::sort(settled.begin(), settled.end());
    return settled;
}

void SettleTracker::ignore(const QHash<QString, FileSnapshot> &present)
{
    for (auto it = present.cbegin(); it != present.cend(); ++it)
        m_tracks.insert(it.key(), Track{it.value(), 0, true});
}

bool SettleTracker::pending() const
{
    return std::any_of(m_tracks.cbegin(), m_tracks.cend(), [](const Track &t) { return !t.reported; });
}

} // namespace Kiosk::Sources
