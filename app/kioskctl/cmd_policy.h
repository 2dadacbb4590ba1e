#pragma once
// The policy for kioskctl's tools that judge files rather than act as the kiosk (check,
// policy verify): POLICY verified against TRUST, through the one policy source
// (app/session/kioskpolicy.h). These accept the development anchor, which `record` and
// `sync` refuse: they answer "is this file signed by that key", and the caller names both.
#include "app/core/error.h"
#include "app/session/kioskpolicy.h"

#include <QString>

namespace Kiosk::Ctl {

// `policyPath` empty: policy/policy.json found by the resource locator; `trustPath` empty:
// trust/policy-dev.pub.pem found by it. Errors: RESOURCE_NOT_FOUND, then those of
// Session::readTrustAnchor and Session::loadSignedPolicyFile.
[[nodiscard]] Result<Session::LoadedPolicy> loadToolPolicy(const QString &policyPath, const QString &trustPath);

} // namespace Kiosk::Ctl
