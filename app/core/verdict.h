#pragma once
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

// One reason a verdict was reached: a stable code, the rule it applies, the paragraph of
// the source report (../shared/seed) it comes from, and the verdict it calls for.
struct Reason
{
    QString code;       // "VISA_FREE", "OVERSTAY", ... (stable: scripts depend on it)
    VerdictKind effect = VerdictKind::Admit;
    QString rule;       // short rule name, e.g. "visa-free stay"
    QString source;     // "§21", "§147-148", "domain-rules §2 (choice)"
    QString explanation; // one English sentence, citing the paragraph

    friend bool operator==(const Reason &, const Reason &) = default;
};

} // namespace Kiosk
