#pragma once
// The verdict as `kioskctl check` prints it: one JSON object with `verdict`,
// `reasons` (codes), the figures (null where they do not apply) and `explanation` (one
// English sentence per reason, citing its paragraph, in the order of `reasons`). Shared by
// the scenario and the database forms of the command, and by anything else that reports a
// verdict as JSON.
#include "app/rules/engine.h"

#include <QJsonObject>

namespace Kiosk::Rules {

[[nodiscard]] QJsonObject verdictToJson(const Verdict &verdict);

} // namespace Kiosk::Rules
