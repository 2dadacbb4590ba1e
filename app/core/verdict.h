#pragma once
#include "app/core/reasoncode.h"

#include <QList>
#include <QString>
#include <optional>

namespace Kiosk {

enum class Direction { Entry, Exit };
[[nodiscard]] QString directionToString(Direction d); // "entry" | "exit"
[[nodiscard]] std::optional<Direction> directionFromString(QStringView text);

// Ordered by strength: when several reasons apply, the strongest verdict wins.
enum class VerdictKind { Admit = 0, Refer = 1, Refuse = 2 };
[[nodiscard]] QString verdictToString(VerdictKind v); // "ADMIT" | "REFER" | "REFUSE"
[[nodiscard]] std::optional<VerdictKind> verdictFromString(QStringView text);

// One reason a verdict was reached: its code (reasoncode.h: the wire string and the rule it
// applies), the paragraph of the source report (../shared/seed) it cites, and the verdict it
// calls for.
struct Reason
{
    ReasonCode code = ReasonCode::VisaFree;
    VerdictKind effect = VerdictKind::Admit;
    QString source;     // "§21", "§147-148", "domain-rules §2 (choice)"
    QString explanation; // one English sentence, citing the paragraph

    friend bool operator==(const Reason &, const Reason &) = default;
};

[[nodiscard]] bool containsReason(const QList<Reason> &reasons, ReasonCode code);

} // namespace Kiosk
