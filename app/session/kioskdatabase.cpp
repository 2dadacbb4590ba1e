#include "app/session/kioskdatabase.h"

#include "app/store/kioskidentity.h"

namespace Kiosk::Session {

Result<Store::Database> openKioskDatabase(const KioskConfig &config, const QByteArray &publicKey, DatabaseAccess access)
{
    Store::Database::Options options;
    options.readOnly = access == DatabaseAccess::ReadOnly;
    auto db = Store::Database::open(config.databasePath, options);
    if (!db)
        return std::unexpected(db.error());
    if (auto same = Store::checkKioskIdentity(*db, config.kioskId, config.checkpoint, publicKey); !same)
        return std::unexpected(Error{same.error().code, QStringLiteral("%1 (database %2, configuration %3)")
                                                            .arg(same.error().message, config.databasePath,
                                                                 config.sourceFile.isEmpty() ? QStringLiteral("none") : config.sourceFile)});
    return db;
}

} // namespace Kiosk::Session
