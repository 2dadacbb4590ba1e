#include "scanner/sources/simulatorsource.h"

#include "scanner/sources/logging_p.h"

namespace Kiosk::Sources {

SimulatorSource::SimulatorSource(SimulatorSettings settings, QObject *parent)
    : DocumentSource(parent), m_settings(std::move(settings))
{
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)next(); });
}

SourceInfo SimulatorSource::info() const
{
    return {SourceKind::Simulator, QStringLiteral("simulator"), QStringLiteral("Document simulator")};
}

void SimulatorSource::setPlaylist(QList<PlaylistEntry> entries)
{
    m_entries = std::move(entries);
    m_position = 0;
}

void SimulatorSource::start()
{
    if (status() == SourceStatus::Running)
        return;
    clearError();
    if (!m_settings.playlistPath.isEmpty()) {
        auto loaded = loadPlaylist(m_settings.playlistPath);
        if (!loaded) {
            reportError(loaded.error().code, loaded.error().message);
            setStatus(SourceStatus::Unavailable);
            return;
        }
        setPlaylist(std::move(*loaded));
    }
    if (m_entries.isEmpty()) {
        reportError(QStringLiteral("SOURCE_PLAYLIST_EMPTY"), QStringLiteral("the simulator has nothing to play"));
        setStatus(SourceStatus::Unavailable);
        return;
    }
    m_position = 0;
    setStatus(SourceStatus::Running);
    if (m_settings.intervalMs > 0)
        m_timer.start(m_settings.intervalMs);
}

void SimulatorSource::stop()
{
    m_timer.stop();
    setStatus(SourceStatus::Stopped);
}

void SimulatorSource::rewind()
{
    m_position = 0;
    if (status() == SourceStatus::Finished) {
        setStatus(SourceStatus::Running);
        if (m_settings.intervalMs > 0)
            m_timer.start(m_settings.intervalMs);
    }
}

bool SimulatorSource::next()
{
    if (status() != SourceStatus::Running || m_entries.isEmpty())
        return false;
    if (m_position >= m_entries.size())
        m_position = 0; // only reached when looping
    const PlaylistEntry &entry = m_entries[m_position++];
    qCDebug(lcSources).noquote() << "simulator plays" << entry.origin;
    switch (entry.kind) {
    case PlaylistEntry::Kind::Mrz:
        Q_EMIT mrzTextRead(entry.value, info());
        break;
    case PlaylistEntry::Kind::Image:
        Q_EMIT imageFileArrived(entry.value, ImageContent::DataPage, info());
        break;
    case PlaylistEntry::Kind::Barcode:
        Q_EMIT imageFileArrived(entry.value, ImageContent::Barcode, info());
        break;
    case PlaylistEntry::Kind::Removed:
        Q_EMIT documentRemoved(info());
        break;
    }
    // A slot connected to the signal may have stopped us; only a still-running, non-looping
    // simulator finishes here.
    if (!m_settings.loop && m_position >= m_entries.size() && status() == SourceStatus::Running) {
        m_timer.stop();
        setStatus(SourceStatus::Finished);
    }
    return true;
}

} // namespace Kiosk::Sources
