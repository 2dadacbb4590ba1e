#include "scanner/mrz/checkdigit.h"

namespace Kiosk::Mrz {

namespace {
// ICAO 9303-3 §4.9: weights 7, 3, 1 repeating from the first character.
constexpr int kWeights[3] = {7, 3, 1};

template <typename Char>
std::optional<int> computeCheckDigit(const Char *data, qsizetype size)
{
    int sum = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const int value = characterValue(static_cast<char16_t>(data[i]));
        if (value < 0)
            return std::nullopt;
        sum += value * kWeights[i % 3];
    }
    return sum % 10;
}
} // namespace

std::optional<int> checkDigit(QStringView text)
{
    return computeCheckDigit(text.utf16(), text.size());
}

std::optional<int> checkDigit(std::string_view text)
{
    // unsigned char: a byte >= 0x80 must not turn into a negative char16_t lookalike.
    return computeCheckDigit(reinterpret_cast<const unsigned char *>(text.data()), static_cast<qsizetype>(text.size()));
}

bool checkDigitMatches(QStringView text, QChar digit)
{
    if (digit < u'0' || digit > u'9')
        return false;
    const std::optional<int> expected = checkDigit(text);
    return expected && *expected == digit.unicode() - u'0';
}

} // namespace Kiosk::Mrz
