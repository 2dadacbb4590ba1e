#pragma once
// ICAO 9303-3 §4.9: the check digit is the sum of the character values (0-9 = 0-9,
// A-Z = 10-35, '<' = 0) multiplied by the repeating weights 7, 3, 1, modulo 10.
#include <QStringView>

#include <optional>
#include <string_view>

namespace Kiosk::Mrz {

// Value of one MRZ character (ICAO 9303-3 §4.9), or -1 outside A-Z 0-9 '<'.
[[nodiscard]] constexpr int characterValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'A' && c <= u'Z')
        return c - u'A' + 10;
    if (c == u'<')
        return 0;
    return -1;
}

// The check digit (0-9) of `text`; empty when a character is outside A-Z 0-9 '<'.
[[nodiscard]] std::optional<int> checkDigit(QStringView text);
[[nodiscard]] std::optional<int> checkDigit(std::string_view text);

// Does `digit` (the printed check character) match `text`? A '<' never matches here; the
// TD3 empty-personal-number case is decided by the layout, not by this function.
[[nodiscard]] bool checkDigitMatches(QStringView text, QChar digit);

} // namespace Kiosk::Mrz
