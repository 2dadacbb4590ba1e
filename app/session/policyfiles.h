#pragma once
// Loading the signed policy from files: the policy JSON, its detached signature and the trust
// anchor. The shipped ones are compiled in (":/kiosk/policy/...", ":/kiosk/trust/...") so the
// demo runs with no configuration; a deployment points at its own files.
#include "app/core/error.h"
#include "app/rules/policy.h"

#include <QString>

namespace Kiosk::Session {

inline const QString kShippedPolicy = QStringLiteral(":/kiosk/policy/policy.json");
inline const QString kShippedPolicySignature = QStringLiteral(":/kiosk/policy/policy.json.sig");
inline const QString kShippedTrustAnchor = QStringLiteral(":/kiosk/trust/policy-dev.pub.pem");

// Errors: POLICY_FILE_UNREADABLE (names the file), then those of Rules::PolicySet::loadSigned.
[[nodiscard]] Result<Rules::PolicySet> loadSignedPolicy(const QString &policyPath = kShippedPolicy,
                                                        const QString &signaturePath = kShippedPolicySignature,
                                                        const QString &trustAnchorPath = kShippedTrustAnchor);

} // namespace Kiosk::Session
