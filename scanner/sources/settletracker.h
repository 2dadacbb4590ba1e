#pragma once
// Decides when a file a scanner is writing into the drop folder is complete: its size is
// non-zero and neither size nor modification time has changed for settleMs. Scanner drivers
// write large TIFF/JPEG files in chunks over a second or more; reading too early gives a
// truncated image and a failed read the officer cannot explain. Pure: the caller passes the
// folder's listing and the time.
#include <QHash>
#include <QString>
#include <QStringList>

namespace Kiosk::Sources {

struct FileSnapshot {
    qint64 size = 0;
    qint64 modifiedMs = 0; // modification time, ms since the epoch
    friend bool operator==(const FileSnapshot &, const FileSnapshot &) = default;
};

class SettleTracker
{
public:
    explicit SettleTracker(qint64 settleMs) : m_settleMs(settleMs) {}

    // The files present now (name -> snapshot). Returns the names that have just settled,
    // sorted; each name is returned once for as long as it stays in the folder (a file that
    // disappears and comes back is a new arrival).
    [[nodiscard]] QStringList observe(const QHash<QString, FileSnapshot> &present, qint64 nowMs);
    // Files already in the folder when watching begins: never reported.
    void ignore(const QHash<QString, FileSnapshot> &present);
    // Some file is still waiting to settle: the caller should look again soon.
    [[nodiscard]] bool pending() const;

private:
    struct Track {
        FileSnapshot snapshot;
        qint64 stableSinceMs = 0;
        bool reported = false;
    };
    qint64 m_settleMs;
    QHash<QString, Track> m_tracks;
};

} // namespace Kiosk::Sources
