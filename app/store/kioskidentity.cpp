#include "app/store/kioskidentity.h"

#include "app/store/database.h"

namespace Kiosk::Store {

namespace {

Error mismatch(const QString &what)
{
    return Error{QStringLiteral("KIOSK_IDENTITY_MISMATCH"),
                 QStringLiteral("the database belongs to another kiosk: %1; refusing to switch identity "
                                "(use the database and key this kiosk was enrolled with)")
                     .arg(what)};
}

} // namespace

Result<std::optional<KioskIdentity>> readKioskIdentity(Database &db)
{
    auto q = db.exec(QStringLiteral("SELECT kiosk_id, checkpoint, public_key, enrolled_at FROM kiosk_identity WHERE singleton = 1"));
    if (!q)
        return std::unexpected(q.error());
    if (!(*q)->next())
        return std::optional<KioskIdentity>{};
    KioskIdentity id;
    id.kioskId = (*q)->value(0).toString();
    id.checkpoint = (*q)->value(1).toString();
    id.publicKey = QByteArray::fromHex((*q)->value(2).toString().toLatin1());
    id.enrolledAt = QDateTime::fromString((*q)->value(3).toString(), Qt::ISODate);
    return std::optional(id);
}

Result<void> checkKioskIdentity(Database &db, const QString &kioskId, const QString &checkpoint, const QByteArray &publicKey)
{
    auto stored = readKioskIdentity(db);
    if (!stored)
        return std::unexpected(stored.error());
    if (!*stored)
        return {};
    const KioskIdentity &s = **stored;
    // What the configuration does not say (`log verify --db PATH` alone) is not compared.
    if ((!kioskId.isEmpty() && s.kioskId != kioskId) || (!checkpoint.isEmpty() && s.checkpoint != checkpoint))
        return std::unexpected(mismatch(QStringLiteral("it is %1 at %2, the configuration says %3 at %4")
                                            .arg(s.kioskId, s.checkpoint, kioskId, checkpoint)));
    if (!publicKey.isEmpty() && s.publicKey != publicKey)
        return std::unexpected(mismatch(QStringLiteral("%1 was enrolled with another signing key than the one configured").arg(s.kioskId)));
    return {};
}

Result<void> bindKioskIdentity(Database &db, const KioskIdentity &identity)
{
    auto stored = readKioskIdentity(db);
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored)
        return checkKioskIdentity(db, identity.kioskId, identity.checkpoint, identity.publicKey);
    // The caller's clock, not one read here: the store keeps no clock of its own.
    if (!identity.enrolledAt.isValid())
        return fail(QStringLiteral("STORE_BAD_IDENTITY"), QStringLiteral("a kiosk identity is bound with the time of its enrolment"));
    auto q = db.exec(QStringLiteral("INSERT INTO kiosk_identity (singleton, kiosk_id, checkpoint, public_key, enrolled_at) VALUES (1, ?, ?, ?, ?)"),
                     {identity.kioskId, identity.checkpoint, QString::fromLatin1(identity.publicKey.toHex()),
                      identity.enrolledAt.toUTC().toString(Qt::ISODate)});
    if (!q)
        return std::unexpected(q.error());
    return {};
}

} // namespace Kiosk::Store
