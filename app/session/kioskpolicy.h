#pragma once
// What a configured kiosk trusts and syncs, for both composition roots (border-kiosk and the
// kioskctl commands), so the two cannot drift apart: where the shipped resources are, the
// policy trust anchor, the policy in force (the newest verified pull, else the shipped file),
// and the sync settings including the signed reference data to pull.
#include "app/crypto/ed25519.h"
#include "app/rules/policy.h"
#include "app/store/database.h"
#include "sync/client/kioskconfig.h"
#include "sync/client/syncclient.h"

#include <optional>

namespace Kiosk::Session {

// A shipped resource: the configured path, else resources/<relative> in the current folder or
// near the program (build/bin/../../resources in a build tree).
[[nodiscard]] QString locateResource(const QString &configured, const QString &relative);

// The policy signing trust anchor ([kiosk] trust, else the shipped one).
[[nodiscard]] Result<Crypto::Ed25519PublicKey> policyTrustAnchor(const Sync::KioskConfig &config);

// The policy in use: the newest version pulled from the central side (verified again now),
// else the configured/shipped file and its detached .sig. Never an unverified policy.
[[nodiscard]] Result<Rules::PolicySet> loadPolicy(const Sync::KioskConfig &config, Store::Database &db);

// The newest pulled policy, verified against `anchor`; nullopt when none was pulled yet.
[[nodiscard]] Result<std::optional<Rules::PolicySet>> pulledPolicy(Store::Database &db, const Crypto::Ed25519PublicKey &anchor);

// The sync settings of a configured kiosk: central, pinned CA, client certificate, and the
// reference data it pulls (policy, watchlist, permits, visas), each applied only when its
// detached signature verifies against `anchor` (and the policy parses). Without an anchor no
// reference data is applied.
[[nodiscard]] Sync::SyncSettings syncSettingsFor(const Sync::KioskConfig &config,
                                                 const std::optional<Crypto::Ed25519PublicKey> &anchor);

} // namespace Kiosk::Session
