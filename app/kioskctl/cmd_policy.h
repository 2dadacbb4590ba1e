#pragma once
// Policy files for kioskctl's commands (check, policy verify, and the store's --db check):
// where the shipped policy and the trust anchor live, and reading + verifying a signed
// policy. The file reading sits here, in the composition root; app/rules only sees bytes.
#include "app/core/error.h"
#include "app/rules/policy.h"

#include <QString>

namespace Kiosk::Ctl {

// The resources folder: $KIOSK_RESOURCES_DIR if set; else the first `resources` folder
// holding policy/policy.json found walking up from the executable's folder (build/bin ->
// the source tree); else "resources" in the current folder.
[[nodiscard]] QString resourcesDir();
[[nodiscard]] QString defaultPolicyPath();       // <resources>/policy/policy.json
[[nodiscard]] QString defaultTrustAnchorPath();  // <resources>/trust/policy-dev.pub.pem

// Reads POLICY, its detached signature POLICY.sig and the trust anchor (PEM), verifies the
// signature over the exact bytes and parses. Errors: POLICY_FILE_UNREADABLE,
// TRUST_ANCHOR_UNREADABLE, KEY_*, then those of Rules::PolicySet::loadSigned. Messages name
// the file.
[[nodiscard]] Result<Rules::PolicySet> loadSignedPolicyFile(const QString &policyPath, const QString &trustAnchorPath);

} // namespace Kiosk::Ctl
