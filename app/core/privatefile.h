#pragma once
// Files that hold secrets or traveller data (issue 12 §1/§2): the kiosk's signing key, its
// database, the operators file, kiosk.ini with the staff PIN hash. They are made owner-only
// from their first byte (never created with the process umask and narrowed afterwards), and
// replaced atomically, so a crash leaves the old file or the new one, never half of either.
#include "app/core/error.h"

#include <QByteArray>
#include <QString>

namespace Kiosk {

// Creates `path` with mode 0600 and writes `bytes`, fsynced. Refuses an existing file.
// Errors: FILE_EXISTS, FILE_UNWRITABLE (both name the path).
[[nodiscard]] Result<void> writeNewPrivateFile(const QString &path, const QByteArray &bytes);

// Creates an empty 0600 file at `path` when nothing is there (a database SQLite will then fill,
// so its -wal and -shm files get the same mode). An existing file is left as it is.
// Errors: FILE_UNWRITABLE.
[[nodiscard]] Result<void> ensurePrivateFile(const QString &path);

// Replaces `path` atomically (write beside it, fsync, rename) with `bytes`. An existing file
// keeps its mode, owner and group; a new one gets `modeForNew` (e.g. 0640 for a configuration
// file a service group reads). Errors: FILE_UNWRITABLE.
[[nodiscard]] Result<void> replaceFile(const QString &path, const QByteArray &bytes, unsigned modeForNew);

// Every file created here by root in a folder of a service user (/var/lib/border-kiosk, or
// /etc/border-kiosk of group border-kiosk) takes the folder's owner and group, so that the
// kiosk's own user can read what `sudo kioskctl enroll` made for it.

// True when the file's group or others may read it (a private file that leaks).
[[nodiscard]] bool isReadableByOthers(const QString &path);

} // namespace Kiosk
