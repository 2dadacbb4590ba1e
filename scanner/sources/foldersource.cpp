#include "scanner/sources/foldersource.h"

#include "scanner/sources/logging_p.h"

#include <QDir>
#include <QFileInfo>

namespace Kiosk::Sources {

FolderSource::FolderSource(FolderSettings settings, Scheduler &scheduler, QObject *parent)
    : DocumentSource(parent), m_settings(std::move(settings)), m_scheduler(scheduler),
      m_pollTimer(scheduler.makeTimer([this] { scan(); })), m_tracker(m_settings.settleMs)
{
    for (QString &ext : m_settings.extensions)
        ext = ext.toLower().remove(u'.');
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &FolderSource::folderChanged);
}

void FolderSource::folderChanged()
{
    scan();
}

SourceInfo FolderSource::info() const
{
    return {SourceKind::Folder, QStringLiteral("folder:") + m_settings.path,
            QStringLiteral("Scanner folder %1").arg(m_settings.path)};
}

void FolderSource::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    clearError();
    m_tracker = SettleTracker(m_settings.settleMs);
    if (m_settings.path.isEmpty() || !QFileInfo(m_settings.path).isDir()) {
        reportError(QStringLiteral("SOURCE_FOLDER_MISSING"),
                    QStringLiteral("scanner folder '%1' does not exist or is not a folder").arg(m_settings.path));
        setStatus(SourceStatus::Unavailable);
        m_wanted = false;
        return;
    }
    if (!m_settings.reportExisting)
        m_tracker.ignore(listImages());
    watchFolder();
    setStatus(SourceStatus::Running);
    scan();
}

void FolderSource::stop()
{
    m_wanted = false;
    m_pollTimer->stop();
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    setStatus(SourceStatus::Stopped);
}

void FolderSource::watchFolder()
{
    if (!m_watcher.directories().contains(m_settings.path) && !m_watcher.addPath(m_settings.path))
        qCWarning(lcSources) << "folder source: cannot watch the folder, polling only";
}

QHash<QString, FileSnapshot> FolderSource::listImages() const
{
    QHash<QString, FileSnapshot> images;
    // QDir::Files without QDir::Hidden: the dot-files some drivers write first are skipped.
    const QDir dir(m_settings.path);
    for (const QFileInfo &fi : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot | QDir::Readable)) {
        if (!m_settings.extensions.contains(fi.suffix().toLower()))
            continue;
        images.insert(fi.fileName(), FileSnapshot{fi.size(), fi.lastModified().toMSecsSinceEpoch()});
    }
    return images;
}

void FolderSource::scan()
{
    if (!m_wanted)
        return;
    if (!QFileInfo(m_settings.path).isDir()) {
        if (status() != SourceStatus::Reconnecting) {
            reportError(QStringLiteral("SOURCE_FOLDER_LOST"),
                        QStringLiteral("scanner folder '%1' has gone; waiting for it").arg(m_settings.path));
            setStatus(SourceStatus::Reconnecting);
        }
        m_pollTimer->start(std::chrono::milliseconds(m_settings.missingRetryMs));
        return;
    }
    if (status() == SourceStatus::Reconnecting) {
        // Back again: what is in it now was dropped while we could not look, so it counts.
        watchFolder();
        setStatus(SourceStatus::Running);
    }
    const QStringList settled = m_tracker.observe(listImages(), m_scheduler.monotonicMs());
    const QDir dir(m_settings.path);
    for (const QString &name : settled) {
        qCDebug(lcSources) << "folder source: image file complete";
        Q_EMIT imageFileArrived(dir.absoluteFilePath(name), ImageContent::Unknown, info());
    }
    // Settling needs a second look even when the folder stays quiet (the watcher only fires
    // on changes); poll at a fraction of the settle time while anything is pending.
    if (m_tracker.pending())
        m_pollTimer->start(std::chrono::milliseconds(std::max(20, m_settings.settleMs / 4)));
    else
        m_pollTimer->stop();
}

} // namespace Kiosk::Sources
