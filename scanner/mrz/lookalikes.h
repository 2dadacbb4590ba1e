#pragma once
// The OCR-B letter/digit look-alikes (ISO 1073-2, the MRZ font of ICAO 9303-3 §4.2): pairs the
// font keeps apart mainly by height or by one stroke. The one table for the parser's
// check-digit-guided correction and for the OCR's doubt about a glyph.
#include "scanner/mrz/checkdigit.h"


namespace Kiosk::Mrz {

struct LookAlike
{
    char letter;
    char digit;
};

// The commoner confusion of a character first: a letter read where only a digit may stand
// becomes the digit of its first pair (S -> 5), a digit where only a letter may stand the
// letter of its first pair (0 -> O, 8 -> B).
inline constexpr LookAlike kLookAlikes[] = {
    {'O', '0'}, {'D', '0'}, {'Q', '0'}, {'I', '1'}, {'Z', '2'},
    {'S', '5'}, {'G', '6'}, {'B', '8'}, {'S', '8'},
};

// True when the two characters' values differ by a multiple of 10 (G/6: 16 and 6, S/8: 28
// and 8): under every weight 7, 3, 1 the swap leaves every check digit unchanged
// (9303-3 §4.9), so no check digit can tell them apart.
[[nodiscard]] constexpr bool checkDigitBlind(LookAlike pair)
{
    return (characterValue(static_cast<char16_t>(pair.letter)) - characterValue(static_cast<char16_t>(pair.digit))) % 10 == 0;
}

// The digit look-alike of a letter (its first pair), or 0.
[[nodiscard]] constexpr char digitLookAlike(char letter)
{
    for (const LookAlike &pair : kLookAlikes)
        if (pair.letter == letter)
            return pair.digit;
    return 0;
}

// The letter look-alike of a digit (its first pair), or 0.
[[nodiscard]] constexpr char letterLookAlike(char digit)
{
    for (const LookAlike &pair : kLookAlikes)
        if (pair.digit == digit)
            return pair.letter;
    return 0;
}

// The character on the other side of `pair` from `c`, or 0 when `c` is in neither place.
[[nodiscard]] constexpr char partnerIn(LookAlike pair, char c)
{
    return c == pair.letter ? pair.digit : c == pair.digit ? pair.letter : 0;
}

static_assert(digitLookAlike('S') == '5' && letterLookAlike('8') == 'B' && letterLookAlike('0') == 'O');
static_assert(checkDigitBlind({'G', '6'}) && checkDigitBlind({'S', '8'}) && !checkDigitBlind({'B', '8'}));

} // namespace Kiosk::Mrz
