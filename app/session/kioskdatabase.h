#pragma once
// The kiosk's database as every composition root opens it (border-kiosk, kioskctl record, sync,
// log verify): the file the configuration names, created 0600 if new, and checked
// against the identity `kioskctl enroll` stored in it, so that an INI copied from another kiosk
// or a database moved between kiosks is a clear error, never a silent switch of identity.
#include "app/core/error.h"
#include "app/store/database.h"
#include "app/core/kioskconfig.h"

#include <QByteArray>

namespace Kiosk::Session {

// Write: the recording and syncing roots (console, record, sync --once), which migrate the
// schema. ReadOnly: the roots that only read (the information screen, log verify,
// sync --status): never created, never migrated, works on a full disk (Database::Options).
enum class DatabaseAccess { Write, ReadOnly };

// `publicKey` (raw 32 bytes): the configured signing key's public half, compared with the
// enrolled one when given. Errors: the store's, KIOSK_IDENTITY_MISMATCH.
[[nodiscard]] Result<Store::Database> openKioskDatabase(const KioskConfig &config, const QByteArray &publicKey = {},
                                                        DatabaseAccess access = DatabaseAccess::Write);

} // namespace Kiosk::Session
