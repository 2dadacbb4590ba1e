#pragma once
// The one policy source of every program (border-kiosk's two faces through the session,
// kioskctl, the demo): the trust anchor, the signed policy file, the newest verified pulled
// version over that file, and the policy's age. Files are found by the one resource locator
// (app/core/resourcelocator.h).
//
// The development anchor (resources/trust/policy-dev.pub.pem, whose private half is in the
// repository) is recognised by its fingerprint. AnchorUse::Deployment refuses it: border-kiosk
// outside --demo, and the kioskctl commands that act as the deployed kiosk (record, sync).
// AnchorUse::Development accepts it: the demo, and kioskctl's tools that check a policy or a
// scenario against an anchor the caller names (check, policy verify).
#include "app/crypto/ed25519.h"
#include "app/rules/policy.h"
#include "app/store/database.h"
#include "app/core/kioskconfig.h"
#include "sync/client/syncclient.h"

#include <QDateTime>

#include <optional>

namespace Kiosk::Session {

// Lower-case hex SHA-256 of the anchor's DER SubjectPublicKeyInfo: what
// `openssl pkey -pubin -in resources/trust/policy-dev.pub.pem -outform DER | sha256sum` prints.
inline constexpr QLatin1StringView kDevelopmentAnchorFingerprint{"d959c828f19d0a842df8be2a00d8220f539cb0e81c321ef9b0310daaf32c3a22"};

enum class AnchorUse { Deployment, Development };

struct TrustAnchor
{
    Crypto::Ed25519PublicKey key;
    QString path;
    QString fingerprint; // see kDevelopmentAnchorFingerprint
    [[nodiscard]] bool isDevelopment() const { return fingerprint == kDevelopmentAnchorFingerprint; }
};

// As kDevelopmentAnchorFingerprint is computed, for any anchor.
[[nodiscard]] QString anchorFingerprint(const Crypto::Ed25519PublicKey &key);

// Reads a trust anchor (PEM) and logs its fingerprint (kiosk.session.policy). Errors:
// TRUST_ANCHOR_UNREADABLE, KEY_* (both name the file), TRUST_ANCHOR_DEVELOPMENT (Deployment
// use of the development anchor).
[[nodiscard]] Result<TrustAnchor> readTrustAnchor(const QString &path, AnchorUse use);
// The kiosk's anchor: [kiosk] trust, else trust/policy-dev.pub.pem found by the locator
// (which AnchorUse::Deployment then refuses). Errors: RESOURCE_NOT_FOUND, then readTrustAnchor's.
[[nodiscard]] Result<TrustAnchor> policyTrustAnchor(const KioskConfig &config, AnchorUse use);

// A verified policy and the day its copy dates from: a pulled version's is when this kiosk
// stored it, a file's is its signed `issued` day, else its newest version's effective_from.
struct LoadedPolicy
{
    Rules::PolicySet set;
    QDateTime datedAt;        // UTC
    int referenceVersion = 0; // the pulled version; 0 for a file
    QString source;           // the file, or "reference data version N"
};

// POLICY, its detached POLICY.sig, verified against `anchor` then parsed. Errors:
// POLICY_FILE_UNREADABLE (names the file), then those of Rules::PolicySet::loadSigned
// (prefixed with the file).
[[nodiscard]] Result<LoadedPolicy> loadSignedPolicyFile(const QString &policyPath, const Crypto::Ed25519PublicKey &anchor);

// The newest pulled policy, verified against `anchor`; nullopt when none was pulled yet.
[[nodiscard]] Result<std::optional<LoadedPolicy>> pulledPolicy(Store::Database &db, const Crypto::Ed25519PublicKey &anchor);

// The policy in force on a kiosk: the newest pulled version (verified again now), else the
// policy file (`policyOverride`, else [kiosk] policy, else policy/policy.json found by the
// locator). Never an unverified policy.
[[nodiscard]] Result<LoadedPolicy> loadPolicy(const KioskConfig &config, Store::Database &db,
                                              const Crypto::Ed25519PublicKey &anchor, const QString &policyOverride = {});

// Whole days from the policy's date to `now` (POLICY_STALE); nullopt when the date is unknown.
[[nodiscard]] std::optional<int> policyAgeDays(const QDateTime &datedAt, const QDateTime &now);

// The sync settings of a configured kiosk: central, pinned CA, client certificate, and the
// reference data it pulls (policy, watchlist, permits, visas), each applied only when its
// detached signature verifies against `anchor` (and the policy parses). Without an anchor no
// reference data is applied.
[[nodiscard]] Sync::SyncSettings syncSettingsFor(const KioskConfig &config,
                                                 const std::optional<Crypto::Ed25519PublicKey> &anchor);

} // namespace Kiosk::Session
