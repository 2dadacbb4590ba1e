#pragma once
// A folder where a flatbed scanner (or its driver software) drops page images. New image
// files are reported once each, only when complete (SettleTracker); other files, hidden
// files and the scanner's temporary names (scan.jpg.part, ~scan.tmp) are ignored.
// QFileSystemWatcher gives prompt notice; a poll timer runs while files are settling and
// while the folder is missing (a USB disk or network share that comes back). The poll timer
// and the settle time go through a Scheduler (app/core/scheduler.h): the system one in the
// programs, a ManualClock in tests, which step the settle rule without sleeping.
#include "app/core/scheduler.h"
#include "scanner/sources/documentsource.h"
#include "scanner/sources/settletracker.h"

#include <QFileSystemWatcher>

#include <memory>

namespace Kiosk::Sources {

struct FolderSettings {
    QString path;
    int settleMs = 500;        // unchanged this long = complete
    int missingRetryMs = 2000; // how often a missing folder is looked for
    QStringList extensions{QStringLiteral("png"), QStringLiteral("jpg"), QStringLiteral("jpeg"),
                           QStringLiteral("tif"), QStringLiteral("tiff"), QStringLiteral("bmp")};
    bool reportExisting = false; // files already there at start(): old scans, not new documents
};

class FolderSource final : public DocumentSource
{
    Q_OBJECT
public:
    // `scheduler` must outlive the source.
    FolderSource(FolderSettings settings, Scheduler &scheduler, QObject *parent = nullptr);

    [[nodiscard]] SourceInfo info() const override;
    void start() override;
    void stop() override;

    [[nodiscard]] const FolderSettings &settings() const { return m_settings; }

    // The folder changed: look now (what the file system watcher's notice does). Public so that
    // a test can make the source look at a moment it chooses, rather than whenever the
    // platform's notice arrives.
    void folderChanged();

private:
    [[nodiscard]] QHash<QString, FileSnapshot> listImages() const;
    void scan();
    void watchFolder();

    FolderSettings m_settings;
    QFileSystemWatcher m_watcher;
    Scheduler &m_scheduler; // the settle clock
    std::unique_ptr<Timer> m_pollTimer;
    SettleTracker m_tracker;
    bool m_wanted = false;
};

} // namespace Kiosk::Sources
