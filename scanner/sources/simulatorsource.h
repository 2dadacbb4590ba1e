#pragma once
// Plays a list of sample documents as if a reader had read them: for the demo and the UI
// tests. Each entry is delivered through the same signals a real source uses (MRZ text as a
// document reader sends it, image files as the scanner folder reports them), so the session
// cannot tell the difference. Entries play on a timer or one at a time with next().
#include "scanner/sources/documentsource.h"
#include "scanner/sources/simulatorplaylist.h"

#include <QTimer>

namespace Kiosk::Sources {

struct SimulatorSettings {
    QString playlistPath; // read at start(); empty: use setPlaylist()
    int intervalMs = 0;   // 0: only next() plays
    bool loop = true;
};

class SimulatorSource final : public DocumentSource
{
    Q_OBJECT
public:
    explicit SimulatorSource(SimulatorSettings settings, QObject *parent = nullptr);

    [[nodiscard]] SourceInfo info() const override;
    void start() override;
    void stop() override;

    // Replaces the playlist (and rewinds); used when no playlistPath is set.
    void setPlaylist(QList<PlaylistEntry> entries);
    [[nodiscard]] const QList<PlaylistEntry> &playlist() const { return m_entries; }
    // Index of the entry next() will play.
    [[nodiscard]] qsizetype position() const { return m_position; }

public Q_SLOTS:
    // Plays the next entry. False when stopped or when a non-looping playlist is done.
    bool next();
    void rewind();

private:
    SimulatorSettings m_settings;
    QList<PlaylistEntry> m_entries;
    qsizetype m_position = 0;
    QTimer m_timer;
};

} // namespace Kiosk::Sources
