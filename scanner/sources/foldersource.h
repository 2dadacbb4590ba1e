#pragma once
// A folder where a flatbed scanner (or its driver software) drops page images. New image
// files are reported once each, only when complete (SettleTracker); other files, hidden
// files and the scanner's temporary names (scan.jpg.part, ~scan.tmp) are ignored.
// QFileSystemWatcher gives prompt notice; a poll timer runs while files are settling and
// while the folder is missing (a USB disk or network share that comes back).
#include "scanner/sources/documentsource.h"
#include "scanner/sources/settletracker.h"

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QTimer>

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
    explicit FolderSource(FolderSettings settings, QObject *parent = nullptr);

    [[nodiscard]] SourceInfo info() const override;
    void start() override;
    void stop() override;

    [[nodiscard]] const FolderSettings &settings() const { return m_settings; }

private:
    [[nodiscard]] QHash<QString, FileSnapshot> listImages() const;
    void scan();
    void watchFolder();

    FolderSettings m_settings;
    QFileSystemWatcher m_watcher;
    QTimer m_pollTimer;
    QElapsedTimer m_monotonic;
    SettleTracker m_tracker;
    bool m_wanted = false;
};

} // namespace Kiosk::Sources
