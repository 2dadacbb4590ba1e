#pragma once
// The parser's working state over the layouts of mrzlayout.h: the grid of one document's
// characters and the check-digit plan of its layout. One generic routine (mrzparser.cpp)
// reads every layout with them, and the correction (mrzcorrection.cpp) walks them.
#include "scanner/mrz/mrzlayout.h"

#include <cstdint>

namespace Kiosk::Mrz::detail {

// The text of one document after hygiene: ASCII, at most 3 lines of at most 44 characters.
struct Grid
{
    char cells[kMaxLines][kMaxWidth];
    const Layout *layout = nullptr;

    [[nodiscard]] char &at(int line, int position) { return cells[line - 1][position - 1]; }
    [[nodiscard]] char at(int line, int position) const { return cells[line - 1][position - 1]; }
    [[nodiscard]] const char *ptr(int line, int position) const { return &cells[line - 1][position - 1]; }
};

// 0-based index into the grid.
struct Cell
{
    std::uint8_t line;     // 1-based
    std::uint8_t position; // 1-based
};

// A value with its check digit: one stretch of a line, or two for a TD1/TD2 number that
// overflows into the optional data (9303-5/-6 note j). The same routine checks them all, and
// the correction walks them character by character.
struct CheckedField
{
    Field value;
    Field check;
    LayoutSpan spans[2];
    FieldKind kinds[2];
    std::uint8_t spanCount = 0;
    Cell checkCell;
    bool fillerCheckAllowed = false; // '<' check digit accepted when every character is '<'

    [[nodiscard]] int count() const
    {
        int n = 0;
        for (int s = 0; s < spanCount; ++s)
            n += spans[s].length;
        return n;
    }
    // The i-th character of the value (0-based) and its class.
    [[nodiscard]] Cell cell(int i) const
    {
        for (int s = 0; s < spanCount; ++s) {
            if (i < spans[s].length)
                return Cell{spans[s].line, static_cast<std::uint8_t>(spans[s].position + i)};
            i -= spans[s].length;
        }
        return Cell{0, 0};
    }
    [[nodiscard]] FieldKind kind(int i) const
    {
        for (int s = 0; s < spanCount; ++s) {
            if (i < spans[s].length)
                return kinds[s];
            i -= spans[s].length;
        }
        return FieldKind::AlphaNumeric;
    }
};

// Field checks of a layout on a grid (document number, birth, expiry, optional data) and
// the composite; `overflowError` is set when a TD1 overflow is announced but not there.
struct CheckPlan
{
    CheckedField fields[4];
    int fieldCount = 0;
    bool overflow = false;
    bool overflowError = false;
    int overflowLength = 0; // characters of optional data the number and its check take
};

[[nodiscard]] CheckPlan planChecks(const Grid &grid);
[[nodiscard]] bool passes(const Grid &grid, const CheckedField &field);
[[nodiscard]] bool compositePasses(const Grid &grid);

} // namespace Kiosk::Mrz::detail
