#include "app/core/resourcelocator.h"

#include <QDir>
#include <QFileInfo>

namespace Kiosk {

QStringList resourceRoots()
{
    QStringList roots;
    const QString fromEnv = qEnvironmentVariable("KIOSK_RESOURCES_DIR");
    for (const QString &root : {fromEnv, QStringLiteral(KIOSK_INSTALLED_DATA_DIR), QStringLiteral(KIOSK_SOURCE_RESOURCES_DIR)})
        if (!root.isEmpty() && QFileInfo(root).isDir())
            roots.append(QDir::cleanPath(root));
    return roots;
}

Result<QString> locateResource(const QString &configured, const QString &relative)
{
    if (!configured.isEmpty())
        return configured;
    const QStringList roots = resourceRoots();
    for (const QString &root : roots) {
        const QString candidate = root + u'/' + relative;
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return fail(QStringLiteral("RESOURCE_NOT_FOUND"),
                QStringLiteral("%1 is not in any data folder (looked in: %2)")
                    .arg(relative, roots.isEmpty() ? QStringLiteral("none exists") : roots.join(QStringLiteral(", "))));
}

} // namespace Kiosk
