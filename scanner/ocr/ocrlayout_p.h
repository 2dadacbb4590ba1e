#pragma once
// The recognizer's view of the five MRZ layouts, derived at compile time from the one table
// (scanner/mrz/mrzlayout.h): per position the characters a cell may be read as and whether a
// check digit covers it, the fields with a check digit and the spans of the composite, all
// as 0-based lines and positions.
#include "scanner/mrz/mrzlayout.h"

#include <array>
#include <string_view>

namespace Kiosk::Ocr::detail {

// The characters a position admits, as the recognizer restricts its reading.
enum class CellKind : char {
    Letter,        // letters and '<' (codes, states, names); no check digit covers them
    Digit,         // a digit (dates, check digits)
    DigitOrFiller, // a check digit that may be '<' (9303-4/-5/-6 notes)
    Any,           // letters, digits, '<', covered by a check digit
    AnyUnchecked,  // letters, digits, '<', no check digit covers it (MRV optional data)
    Sex,           // M F X '<'; no check digit covers it
};

[[nodiscard]] constexpr bool allowed(CellKind kind, char c)
{
    const bool letter = c >= 'A' && c <= 'Z';
    const bool digit = c >= '0' && c <= '9';
    switch (kind) {
    case CellKind::Letter: return letter || c == '<';
    case CellKind::Digit: return digit;
    case CellKind::DigitOrFiller: return digit || c == '<';
    case CellKind::Sex: return c == 'M' || c == 'F' || c == 'X' || c == '<';
    case CellKind::Any:
    case CellKind::AnyUnchecked: return true;
    }
    return true;
}

// A position no check digit covers: the acceptance needs confidence there.
[[nodiscard]] constexpr bool unchecked(CellKind kind)
{
    return kind == CellKind::Letter || kind == CellKind::Sex || kind == CellKind::AnyUnchecked;
}

// A field with its own check digit, on one line.
struct CheckedSpan
{
    int line = 0;  // 0-based
    int start = 0; // 0-based
    int length = 0;
    int checkAt = 0; // position of the check digit on `line`
};

// A stretch the composite check digit covers (ICAO 9303-3 §4.9 and the layout parts).
struct CompositeSpan
{
    int line = 0, start = 0, length = 0;
};

struct OcrLayout
{
    Mrz::Format format = Mrz::Format::TD3;
    int lineCount = 0;
    int lineLength = 0;
    std::string_view documentCodeFirst; // the letters the document code starts with
    std::array<std::array<CellKind, Mrz::kMaxWidth>, Mrz::kMaxLines> kinds{};
    std::array<CheckedSpan, std::size(Mrz::kCheckedFields)> fields{}; // length 0 = unused
    std::array<CompositeSpan, 4> composite{};                           // length 0 = unused
    int compositeLine = -1, compositeAt = -1;                           // -1: no composite (visas)
    int nameLine = 0, nameStart = 0, nameLength = 0;                    // the name field (9303-3 §4.6)

    [[nodiscard]] constexpr CellKind kind(int line, int position) const
    {
        return kinds[static_cast<std::size_t>(line)][static_cast<std::size_t>(position)];
    }
};

// A CheckedSpan has one line: in every layout a checked field and its check digit share it.
static_assert([] {
    for (const Mrz::Layout &layout : Mrz::kLayouts)
        for (const auto &[value, check] : Mrz::kCheckedFields) {
            const Mrz::LayoutRow *v = Mrz::findRow(layout, value);
            const Mrz::LayoutRow *c = Mrz::findRow(layout, check);
            if (v && c && v->line != c->line)
                return false;
        }
    return true;
}());

[[nodiscard]] constexpr OcrLayout ocrLayoutOf(const Mrz::Layout &layout)
{
    OcrLayout out;
    out.format = layout.format;
    out.lineCount = layout.lineCount;
    out.lineLength = layout.lineLength;
    out.documentCodeFirst = layout.documentCodeFirst;
    std::array<std::array<bool, Mrz::kMaxWidth>, Mrz::kMaxLines> covered{}; // by a check digit
    const auto cover = [&covered](int line, int from, int length) {
        for (int i = from; i < from + length; ++i)
            covered[static_cast<std::size_t>(line)][static_cast<std::size_t>(i)] = true;
    };
    std::size_t f = 0;
    for (const auto &[value, check] : Mrz::kCheckedFields) {
        const Mrz::LayoutRow *v = Mrz::findRow(layout, value);
        const Mrz::LayoutRow *c = Mrz::findRow(layout, check);
        if (!v || !c)
            continue;
        out.fields[f++] = CheckedSpan{v->line - 1, v->position - 1, v->length, c->position - 1};
        cover(v->line - 1, v->position - 1, v->length);
    }
    std::size_t s = 0;
    for (const Mrz::LayoutSpan &span : layout.composite) {
        out.composite[s++] = CompositeSpan{span.line - 1, span.position - 1, span.length};
        cover(span.line - 1, span.position - 1, span.length);
    }
    if (const Mrz::LayoutRow *c = Mrz::findRow(layout, Mrz::Field::CompositeCheck)) {
        out.compositeLine = c->line - 1;
        out.compositeAt = c->position - 1;
    }
    for (const Mrz::LayoutRow &row : layout.rows) {
        // A check digit that may be '<': the number continued in the optional data, or the
        // personal number left empty.
        const bool fillerCheck = (row.field == Mrz::Field::DocumentNumberCheck && layout.documentNumberOverflow)
                                 || (row.field == Mrz::Field::OptionalDataCheck && layout.fillerCheckForEmptyOptionalData);
        for (int i = 0; i < row.length; ++i) {
            const int line = row.line - 1, at = row.position - 1 + i;
            CellKind kind = CellKind::Any;
            switch (row.kind) {
            case Mrz::FieldKind::Alpha:
            case Mrz::FieldKind::Name: kind = CellKind::Letter; break;
            case Mrz::FieldKind::Numeric: kind = CellKind::Digit; break;
            case Mrz::FieldKind::CheckDigit: kind = fillerCheck ? CellKind::DigitOrFiller : CellKind::Digit; break;
            case Mrz::FieldKind::Sex: kind = CellKind::Sex; break;
            case Mrz::FieldKind::AlphaNumeric:
                kind = covered[static_cast<std::size_t>(line)][static_cast<std::size_t>(at)] ? CellKind::Any : CellKind::AnyUnchecked;
                break;
            }
            out.kinds[static_cast<std::size_t>(line)][static_cast<std::size_t>(at)] = kind;
        }
        if (row.field == Mrz::Field::Name) {
            out.nameLine = row.line - 1;
            out.nameStart = row.position - 1;
            out.nameLength = row.length;
        }
    }
    return out;
}

// The layouts in the order the segmentation tries them: the longest lines first, and of two
// layouts with one geometry (TD3 and MRV-A, TD2 and MRV-B) the one decode() starts from
// before the document code's first letter decides. On an equal fit the earlier one wins.
inline constexpr std::array<OcrLayout, 5> kOcrLayouts{
    ocrLayoutOf(Mrz::layoutOf(Mrz::Format::TD3)),  ocrLayoutOf(Mrz::layoutOf(Mrz::Format::MRVA)),
    ocrLayoutOf(Mrz::layoutOf(Mrz::Format::TD2)),  ocrLayoutOf(Mrz::layoutOf(Mrz::Format::MRVB)),
    ocrLayoutOf(Mrz::layoutOf(Mrz::Format::TD1)),
};

} // namespace Kiosk::Ocr::detail
