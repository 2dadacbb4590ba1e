#pragma once
// The simulator's playlist: a small text format, so a demo or a UI test is a file anyone can
// edit (resources/samples/simulator/README.md describes it).
//
//   kiosk-simulator-playlist 1          <- header, the first line that is not a comment
//   # comment
//   mrz P<UTO...<<<  L898902C36...      <- 2 or 3 MRZ lines, separated by blanks
//   mrzfile ../passports.mrz            <- every document of a file (blocks split by blank lines)
//   image pages/td3-clean.png           <- a data-page image
//   barcode passes/bcbp.png             <- an image holding a barcode
//   removed                             <- the document is taken away (no value)
//
// Paths are relative to the playlist's folder. Files are checked when the playlist is read,
// so a broken demo fails at start with the line that is wrong, not in front of an audience.
#include "app/core/error.h"

#include <QDir>
#include <QList>
#include <QString>

namespace Kiosk::Sources {

struct PlaylistEntry {
    enum class Kind { Mrz, Image, Barcode, Removed };
    Kind kind = Kind::Mrz;
    QString value;   // MRZ lines joined by '\n', or an absolute file path; empty for Removed
    QString origin;  // "demo.playlist:7" (or "passports.mrz:12"), for messages
    friend bool operator==(const PlaylistEntry &, const PlaylistEntry &) = default;
};

// Errors: SOURCE_PLAYLIST_UNREADABLE (a file cannot be read), SOURCE_PLAYLIST_INVALID
// (header, kind, MRZ shape or a missing file; the message names file and line).
[[nodiscard]] Result<QList<PlaylistEntry>> parsePlaylist(QStringView text, const QDir &base, const QString &name);
[[nodiscard]] Result<QList<PlaylistEntry>> loadPlaylist(const QString &path);
// MRZ documents separated by blank lines (the format of resources/samples/passports.mrz).
[[nodiscard]] Result<QList<PlaylistEntry>> loadMrzFile(const QString &path);

} // namespace Kiosk::Sources
