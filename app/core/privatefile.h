#pragma once
// Files that hold secrets or traveller data: the kiosk's signing key, its
// database, the operators file, kiosk.ini with the staff PIN hash. They are made owner-only
// from their first byte (never created with the process umask and narrowed afterwards), and
// replaced atomically, so a crash leaves the old file or the new one, never half of either.
#include "app/core/error.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kiosk {

// Creates `path` with mode 0600 and writes `bytes`, fsynced. Refuses an existing file.
// Errors: FILE_EXISTS, FILE_UNWRITABLE (both name the path).
[[nodiscard]] Result<void> writeNewPrivateFile(const QString &path, const QByteArray &bytes);

// Creates an empty 0600 file at `path` when nothing is there (a database SQLite will then fill,
// so its -wal and -shm files get the same mode), in a 0700 folder made for it if there is none
// (ensurePrivateFolder). An existing file is left as it is.
// Errors: FILE_UNWRITABLE.
[[nodiscard]] Result<void> ensurePrivateFile(const QString &path);

// Makes `folder` (and any missing folder above it) with mode 0700 whatever the umask, the
// folder a database or key is created in. An existing folder is left as it is (config check
// reports a looser one). Errors: FILE_UNWRITABLE.
[[nodiscard]] Result<void> ensurePrivateFolder(const QString &folder);

// Replaces `path` atomically (write beside it, fsync, rename) with `bytes`. An existing file
// keeps its mode, owner and group; a new one gets `modeForNew` (e.g. 0640 for a configuration
// file a service group reads). Errors: FILE_UNWRITABLE.
[[nodiscard]] Result<void> replaceFile(const QString &path, const QByteArray &bytes, unsigned modeForNew);

// Every file created here by root in a folder of a service user (/var/lib/border-kiosk, or
// /etc/border-kiosk of group border-kiosk) takes the folder's owner and group, so that the
// kiosk's own user can read what `sudo kioskctl enroll` made for it.

// The permission bits of `path` (e.g. 0644) when it grants anything beyond `allowed` (0600 for
// a private file, 0700 for its folder); nothing when it does not or cannot be read.
[[nodiscard]] std::optional<unsigned> looserMode(const QString &path, unsigned allowed);

// "0644": a mode as an operator writes it.
[[nodiscard]] QString octalMode(unsigned mode);

} // namespace Kiosk
