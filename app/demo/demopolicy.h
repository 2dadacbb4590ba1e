#pragma once
// The demo's policy: the shipped signed file and the development trust anchor, compiled into
// the demo library alone, so the demo needs no configuration and no installed file.
#include "app/core/error.h"
#include "app/session/kioskpolicy.h"

#include <QString>

namespace Kiosk::Session {

inline const QString kDemoPolicy = QStringLiteral(":/kiosk/demo/policy/policy.json");
inline const QString kDemoTrustAnchor = QStringLiteral(":/kiosk/demo/trust/policy-dev.pub.pem");

// kDemoPolicy verified against kDemoTrustAnchor (AnchorUse::Development).
[[nodiscard]] Result<Rules::PolicySet> demoPolicy();

} // namespace Kiosk::Session
