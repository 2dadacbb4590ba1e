#include "app/session/kioskpolicy.h"

#include "app/store/outbox.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Kiosk::Session {

QString locateResource(const QString &configured, const QString &relative)
{
    if (!configured.isEmpty())
        return configured;
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &base : {QDir::currentPath(), appDir + QStringLiteral("/../.."), appDir + QStringLiteral("/..")}) {
        const QString candidate = QDir::cleanPath(base + QStringLiteral("/resources/") + relative);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return QStringLiteral("resources/") + relative;
}

Result<Crypto::Ed25519PublicKey> policyTrustAnchor(const Sync::KioskConfig &config)
{
    return Crypto::Ed25519PublicKey::fromFile(locateResource(config.trustAnchor, QStringLiteral("trust/policy-dev.pub.pem")));
}

Result<std::optional<Rules::PolicySet>> pulledPolicy(Store::Database &db, const Crypto::Ed25519PublicKey &anchor)
{
    auto pulled = Store::Outbox(db).latestReference(QStringLiteral("policy"));
    if (!pulled)
        return std::unexpected(pulled.error());
    if (!*pulled)
        return std::optional<Rules::PolicySet>{};
    auto set = Rules::PolicySet::loadSigned((*pulled)->body, (*pulled)->signature, anchor);
    if (!set)
        return std::unexpected(set.error());
    return std::optional<Rules::PolicySet>(std::move(*set));
}

Result<Rules::PolicySet> loadPolicy(const Sync::KioskConfig &config, Store::Database &db)
{
    auto anchor = policyTrustAnchor(config);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto pulled = pulledPolicy(db, *anchor);
    if (!pulled)
        return std::unexpected(pulled.error());
    if (*pulled)
        return std::move(**pulled);
    const QString policyPath = locateResource(config.policyFile, QStringLiteral("policy/policy.json"));
    QFile policy(policyPath), signature(policyPath + QStringLiteral(".sig"));
    if (!policy.open(QIODevice::ReadOnly) || !signature.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("POLICY_NOT_FOUND"), QStringLiteral("cannot read %1 and its .sig").arg(policyPath));
    return Rules::PolicySet::loadSigned(policy.readAll(), signature.readAll(), *anchor);
}

Sync::SyncSettings syncSettingsFor(const Sync::KioskConfig &config, const std::optional<Crypto::Ed25519PublicKey> &anchor)
{
    Sync::SyncSettings settings;
    settings.central = QUrl(config.centralUrl);
    settings.caFile = config.caFile;
    settings.clientCertificate = config.clientCertificate;
    settings.clientKey = config.clientKey;
    settings.ownKioskId = config.kioskId;
    settings.checkpoint = config.checkpoint;
    // Reference data: the policy and the lists, each applied only when its detached signature
    // verifies against the kiosk's trust anchor (and the policy parses; the lists' rows are
    // checked by the importer in the sync client).
    settings.referenceKinds = {QStringLiteral("policy"), QStringLiteral("watchlist"), QStringLiteral("permits"), QStringLiteral("visas")};
    if (anchor) {
        settings.verifyReference = [anchor = *anchor](const QString &kind, const QByteArray &body, const QByteArray &signature) -> Result<void> {
            if (kind != QLatin1String("policy")) {
                auto sig = Rules::decodeDetachedSignature(signature);
                if (!sig)
                    return std::unexpected(sig.error());
                if (!anchor.verify(body, *sig))
                    return fail(QStringLiteral("REFERENCE_SIGNATURE_INVALID"), QStringLiteral("the %1 file's signature does not verify against the trust anchor").arg(kind));
                return {};
            }
            auto set = Rules::PolicySet::loadSigned(body, signature, anchor);
            if (!set)
                return std::unexpected(set.error());
            return {};
        };
    }
    return settings;
}

} // namespace Kiosk::Session
