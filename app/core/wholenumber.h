#pragma once
// JSON numbers arrive as doubles. Casting one that is out of an integer type's range is
// undefined behaviour (fuzz_policy found 3.8e118), so every reader of a whole number from
// outside input goes through this one check.
#include <QtGlobal>

#include <cmath>
#include <optional>

namespace Kiosk {

// `d` as an integer when it is finite, has no fractional part and lies in [min, max]
// (both within ±2^53, where every integer is exactly representable); otherwise nullopt.
[[nodiscard]] inline std::optional<qint64> wholeNumber(double d, qint64 min = -(qint64(1) << 53),
                                                       qint64 max = qint64(1) << 53)
{
    if (!std::isfinite(d) || d < static_cast<double>(min) || d > static_cast<double>(max) || d != std::trunc(d))
        return std::nullopt;
    return static_cast<qint64>(d);
}

} // namespace Kiosk
