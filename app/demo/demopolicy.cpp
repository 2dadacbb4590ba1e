#include "app/demo/demopolicy.h"

namespace Kiosk::Session {

Result<Rules::PolicySet> demoPolicy()
{
    auto anchor = readTrustAnchor(kDemoTrustAnchor, AnchorUse::Development);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto loaded = loadSignedPolicyFile(kDemoPolicy, anchor->key);
    if (!loaded)
        return std::unexpected(loaded.error());
    return std::move(loaded->set);
}

} // namespace Kiosk::Session
