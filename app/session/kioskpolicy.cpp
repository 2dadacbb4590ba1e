#include "app/session/kioskpolicy.h"

#include "app/core/resourcelocator.h"
#include "app/crypto/sha256.h"
#include "app/store/outbox.h"
#include "sync/client/chaintail.h"

#include <QFile>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcPolicy, "kiosk.session.policy")

namespace Kiosk::Session {

namespace {

const QString kPolicyKind = QStringLiteral("policy");

Result<QByteArray> readFile(const QString &path, const QString &code)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(code, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

// The day a policy file's copy dates from: its signed `issued`, else its newest version.
QDateTime fileDate(const Rules::PolicySet &set)
{
    QDate day = set.issued();
    if (!day.isValid() && !set.isEmpty())
        day = set.versions().back().effectiveFrom;
    return day.isValid() ? day.startOfDay(Qt::UTC) : QDateTime();
}

} // namespace

QString anchorFingerprint(const Crypto::Ed25519PublicKey &key)
{
    // RFC 8410 §4: an Ed25519 SubjectPublicKeyInfo is this fixed DER prefix and the 32 key bytes.
    static const QByteArray spkiPrefix = QByteArray::fromHex("302a300506032b6570032100");
    return QString::fromLatin1(Crypto::sha256(spkiPrefix + key.raw()).toHex());
}

Result<TrustAnchor> readTrustAnchor(const QString &path, AnchorUse use)
{
    auto pem = readFile(path, QStringLiteral("TRUST_ANCHOR_UNREADABLE"));
    if (!pem)
        return std::unexpected(pem.error());
    auto key = Crypto::Ed25519PublicKey::fromPem(*pem);
    if (!key)
        return fail(key.error().code, QStringLiteral("trust anchor %1: %2").arg(path, key.error().message));
    TrustAnchor anchor{*key, path, anchorFingerprint(*key)};
    if (use == AnchorUse::Deployment && anchor.isDevelopment())
        return fail(QStringLiteral("TRUST_ANCHOR_DEVELOPMENT"),
                    QStringLiteral("the trust anchor %1 is the development key (sha256 %2), whose private half is public; "
                                   "set [kiosk] trust= to your policy signing key's public half (only --demo uses the development key)")
                        .arg(path, anchor.fingerprint));
    qCInfo(lcPolicy).noquote() << "policy trust anchor sha256" << anchor.fingerprint
                               << (anchor.isDevelopment() ? "(the development key: demo and tests only)" : "");
    return anchor;
}

Result<TrustAnchor> policyTrustAnchor(const KioskConfig &config, AnchorUse use)
{
    auto path = locateResource(config.trustAnchor, QStringLiteral("trust/policy-dev.pub.pem"));
    if (!path)
        return std::unexpected(path.error());
    return readTrustAnchor(*path, use);
}

Result<LoadedPolicy> loadSignedPolicyFile(const QString &policyPath, const Crypto::Ed25519PublicKey &anchor)
{
    auto bytes = readFile(policyPath, QStringLiteral("POLICY_FILE_UNREADABLE"));
    if (!bytes)
        return std::unexpected(bytes.error());
    auto signature = readFile(policyPath + QStringLiteral(".sig"), QStringLiteral("POLICY_FILE_UNREADABLE"));
    if (!signature)
        return std::unexpected(signature.error());
    auto set = Rules::PolicySet::loadSigned(*bytes, *signature, anchor);
    if (!set)
        return fail(set.error().code, QStringLiteral("%1: %2").arg(policyPath, set.error().message));
    const QDateTime datedAt = fileDate(*set);
    return LoadedPolicy{std::move(*set), datedAt, 0, policyPath};
}

Result<std::optional<LoadedPolicy>> pulledPolicy(Store::Database &db, const Crypto::Ed25519PublicKey &anchor)
{
    Store::Outbox outbox(db);
    auto pulled = outbox.latestReference(kPolicyKind);
    if (!pulled)
        return std::unexpected(pulled.error());
    if (!*pulled)
        return std::optional<LoadedPolicy>{};
    auto set = Rules::PolicySet::loadSigned((*pulled)->body, (*pulled)->signature, anchor);
    if (!set)
        return std::unexpected(set.error());
    auto fetchedAt = outbox.referenceFetchedAt(kPolicyKind, (*pulled)->version);
    if (!fetchedAt)
        return std::unexpected(fetchedAt.error());
    return std::optional<LoadedPolicy>(LoadedPolicy{std::move(*set), fetchedAt->value_or(QDateTime()), (*pulled)->version,
                                                    QStringLiteral("reference data version %1").arg((*pulled)->version)});
}

Result<LoadedPolicy> loadPolicy(const KioskConfig &config, Store::Database &db, const Crypto::Ed25519PublicKey &anchor,
                                const QString &policyOverride)
{
    auto pulled = pulledPolicy(db, anchor);
    if (!pulled)
        return std::unexpected(pulled.error());
    if (*pulled)
        return std::move(**pulled);
    auto path = locateResource(policyOverride.isEmpty() ? config.policyFile : policyOverride, QStringLiteral("policy/policy.json"));
    if (!path)
        return std::unexpected(path.error());
    return loadSignedPolicyFile(*path, anchor);
}

std::optional<int> policyAgeDays(const QDateTime &datedAt, const QDateTime &now)
{
    if (!datedAt.isValid() || !now.isValid())
        return std::nullopt;
    return static_cast<int>(datedAt.daysTo(now));
}

Sync::SyncSettings syncSettingsFor(const KioskConfig &config, const std::optional<Crypto::Ed25519PublicKey> &anchor)
{
    Sync::SyncSettings settings;
    settings.central = QUrl(config.centralUrl);
    settings.caFile = config.caFile;
    settings.clientCertificate = config.clientCertificate;
    settings.clientKey = config.clientKey;
    settings.ownKioskId = config.kioskId;
    settings.checkpoint = config.checkpoint;
    settings.centralMarkFile = Sync::kioskCentralMarkFile(config.keyFile);
    // Every request is signed with the kiosk's own key (an unreadable key file leaves requests
    // unsigned: the central side then refuses them with 401, which the status shows).
    if (auto key = Crypto::Ed25519PrivateKey::fromFile(config.keyFile))
        settings.requestKey = std::make_shared<const Crypto::Ed25519PrivateKey>(std::move(*key));
    else if (!config.keyFile.isEmpty())
        qCWarning(lcPolicy) << "sync requests go unsigned: the kiosk key" << config.keyFile << "cannot be read:" << key.error().code;
    // Reference data: the policy and the lists, each applied only when its detached signature
    // verifies against the kiosk's trust anchor (and the policy parses; the lists' rows are
    // checked by the importer in the sync client).
    settings.referenceKinds = {kPolicyKind, QStringLiteral("watchlist"), QStringLiteral("permits"), QStringLiteral("visas")};
    if (anchor) {
        settings.verifyReference = [anchor = *anchor](const QString &kind, const QByteArray &body, const QByteArray &signature) -> Result<void> {
            if (kind != kPolicyKind) {
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
