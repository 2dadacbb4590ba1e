#pragma once
// Reading a new PIN for `kioskctl operator add` and `operator staff-pin`: twice,
// without echo, from the terminal; from standard input's first two lines when it is not a
// terminal (provisioning scripts). The PIN itself is never printed or logged.
#include <QString>

#include <optional>

namespace Kiosk::Ctl {

// 6 to 12 digits: the console's and the screen's PIN pads have digits only, and with a
// 600,000-iteration hash six digits cost an offline guesser days, four only an hour.
inline constexpr int kMinimumPinDigits = 6;
inline constexpr int kMaximumPinDigits = 12;

// Empty when the PIN is acceptable, else why not.
[[nodiscard]] QString pinProblem(const QString &pin);

// Prompts `what` on stderr and reads the PIN twice. nullopt (after printing why) when the two
// differ, input ends, or the PIN breaks the rules.
[[nodiscard]] std::optional<QString> readNewPin(const QString &what);

} // namespace Kiosk::Ctl
