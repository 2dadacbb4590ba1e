#pragma once
// The one place every program finds its read-only data files (policy, trust anchors, ...),
// by a name relative to the data folder ("policy/policy.json"), in this order:
//   1. the path configured for it (kiosk.ini, a command-line option), as given;
//   2. $KIOSK_RESOURCES_DIR/<name>, when that variable is set (an explicit override for
//      developers and tests, never needed by an installed kiosk);
//   3. the installed data folder (/usr/share/border-kiosk/<name>, KIOSK_INSTALLED_DATA_DIR);
//   4. the source tree's resources/<name> (KIOSK_SOURCE_RESOURCES_DIR), for a developer's build.
// Never the current folder: a program started from anywhere finds the same files.
#include "app/core/error.h"

#include <QString>
#include <QStringList>

namespace Kiosk {

// The folders of steps 2-4 that exist, in search order.
[[nodiscard]] QStringList resourceRoots();

// Errors: RESOURCE_NOT_FOUND (names `relative` and every folder looked in).
[[nodiscard]] Result<QString> locateResource(const QString &configured, const QString &relative);

} // namespace Kiosk
