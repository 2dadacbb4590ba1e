#pragma once
// The five MRZ layouts of ICAO Doc 9303 as tables, the one description of them that the
// parser, its check-digit-guided correction and the OCR (scanner/ocr) all read. Lines and
// positions are 1-based, exactly as the data-structure tables of the spec print them, so each
// row can be checked against its clause by eye.
#include "scanner/mrz/mrzparser.h"

#include <array>
#include <cstdint>
#include <iterator>
#include <span>
#include <string_view>
#include <utility>

namespace Kiosk::Mrz {

enum class Field : std::uint8_t {
    DocumentCode,
    IssuingState,
    Name,
    DocumentNumber,
    DocumentNumberCheck,
    Nationality,
    BirthDate,
    BirthDateCheck,
    Sex,
    ExpiryDate,
    ExpiryDateCheck,
    OptionalData,
    OptionalDataCheck,
    OptionalData2,
    CompositeCheck,
    Count
};
inline constexpr int kFieldCount = static_cast<int>(Field::Count);

// The character class a field admits (9303-3 §4.1 and the parts' tables); it also decides
// which OCR confusions the correction may undo.
enum class FieldKind : std::uint8_t {
    Alpha,        // A-Z and filler: codes, country codes
    Name,         // A-Z and filler: the name field
    AlphaNumeric, // A-Z 0-9 filler: document number, optional data
    Numeric,      // 0-9 (birth dates also '<' for unknown parts, 9303-3 §4.7)
    CheckDigit,   // 0-9; '<' only where a layout allows it
    Sex,          // M F X '<' (9303-4 note: '<' = unspecified)
};

struct LayoutRow
{
    Field field;
    std::uint8_t line;     // 1-based
    std::uint8_t position; // 1-based, as printed in the spec's table
    std::uint8_t length;
    FieldKind kind;
};

// A stretch of one line that the composite check digit covers.
struct LayoutSpan
{
    std::uint8_t line;
    std::uint8_t position;
    std::uint8_t length;
};

struct Layout
{
    Format format;
    std::uint8_t lineCount;
    std::uint8_t lineLength;
    std::span<const LayoutRow> rows;
    std::span<const LayoutSpan> composite; // empty: no composite check digit (visas)
    // The letters the document code may start with (9303-4 §4.2.2: P; 9303-5/-6: A, C, I;
    // 9303-7: V).
    std::string_view documentCodeFirst;
    // 9303-5 §4.2.2 note j (TD1) and 9303-6 note j (TD2): a document number longer than 9
    // characters continues in the optional data; the check-digit position then holds '<'.
    bool documentNumberOverflow;
    // 9303-4 §4.2.2 note: the personal-number check digit may be '<' when the field is empty.
    bool fillerCheckForEmptyOptionalData;
};

// The fields that have a check digit of their own (9303-3 §4.9), value and check, in the
// order the parser reports them; a layout has those whose both rows it has.
inline constexpr std::pair<Field, Field> kCheckedFields[] = {
    {Field::DocumentNumber, Field::DocumentNumberCheck},
    {Field::BirthDate, Field::BirthDateCheck},
    {Field::ExpiryDate, Field::ExpiryDateCheck},
    {Field::OptionalData, Field::OptionalDataCheck},
};

namespace layouttables {

using F = Field;
using K = FieldKind;

// ICAO 9303-4 §4.2.2 (TD3, machine readable passports), 2 lines of 44.
inline constexpr LayoutRow kTd3Rows[] = {
    {F::DocumentCode, 1, 1, 2, K::Alpha},          // positions 1-2
    {F::IssuingState, 1, 3, 3, K::Alpha},          // 3-5
    {F::Name, 1, 6, 39, K::Name},                  // 6-44
    {F::DocumentNumber, 2, 1, 9, K::AlphaNumeric}, // 1-9
    {F::DocumentNumberCheck, 2, 10, 1, K::CheckDigit},
    {F::Nationality, 2, 11, 3, K::Alpha},          // 11-13
    {F::BirthDate, 2, 14, 6, K::Numeric},          // 14-19
    {F::BirthDateCheck, 2, 20, 1, K::CheckDigit},
    {F::Sex, 2, 21, 1, K::Sex},
    {F::ExpiryDate, 2, 22, 6, K::Numeric},         // 22-27
    {F::ExpiryDateCheck, 2, 28, 1, K::CheckDigit},
    {F::OptionalData, 2, 29, 14, K::AlphaNumeric}, // 29-42, personal number
    {F::OptionalDataCheck, 2, 43, 1, K::CheckDigit},
    {F::CompositeCheck, 2, 44, 1, K::CheckDigit},
};
// 9303-4 §4.2.2: composite over positions 1-10, 14-20, 22-43 of line 2.
inline constexpr LayoutSpan kTd3Composite[] = {{2, 1, 10}, {2, 14, 7}, {2, 22, 22}};

// ICAO 9303-5 §4.2.2 (TD1, cards), 3 lines of 30.
inline constexpr LayoutRow kTd1Rows[] = {
    {F::DocumentCode, 1, 1, 2, K::Alpha},
    {F::IssuingState, 1, 3, 3, K::Alpha},
    {F::DocumentNumber, 1, 6, 9, K::AlphaNumeric},  // 6-14
    {F::DocumentNumberCheck, 1, 15, 1, K::CheckDigit},
    {F::OptionalData, 1, 16, 15, K::AlphaNumeric},  // 16-30
    {F::BirthDate, 2, 1, 6, K::Numeric},            // 1-6
    {F::BirthDateCheck, 2, 7, 1, K::CheckDigit},
    {F::Sex, 2, 8, 1, K::Sex},
    {F::ExpiryDate, 2, 9, 6, K::Numeric},           // 9-14
    {F::ExpiryDateCheck, 2, 15, 1, K::CheckDigit},
    {F::Nationality, 2, 16, 3, K::Alpha},           // 16-18
    {F::OptionalData2, 2, 19, 11, K::AlphaNumeric}, // 19-29
    {F::CompositeCheck, 2, 30, 1, K::CheckDigit},
    {F::Name, 3, 1, 30, K::Name},                   // line 3, 1-30
};
// 9303-5 §4.2.2: composite over line 1 positions 6-30, line 2 positions 1-7, 9-15, 19-29.
inline constexpr LayoutSpan kTd1Composite[] = {{1, 6, 25}, {2, 1, 7}, {2, 9, 7}, {2, 19, 11}};

// ICAO 9303-6 §4.2.2 (TD2), 2 lines of 36.
inline constexpr LayoutRow kTd2Rows[] = {
    {F::DocumentCode, 1, 1, 2, K::Alpha},
    {F::IssuingState, 1, 3, 3, K::Alpha},
    {F::Name, 1, 6, 31, K::Name},                  // 6-36
    {F::DocumentNumber, 2, 1, 9, K::AlphaNumeric},
    {F::DocumentNumberCheck, 2, 10, 1, K::CheckDigit},
    {F::Nationality, 2, 11, 3, K::Alpha},
    {F::BirthDate, 2, 14, 6, K::Numeric},
    {F::BirthDateCheck, 2, 20, 1, K::CheckDigit},
    {F::Sex, 2, 21, 1, K::Sex},
    {F::ExpiryDate, 2, 22, 6, K::Numeric},
    {F::ExpiryDateCheck, 2, 28, 1, K::CheckDigit},
    {F::OptionalData, 2, 29, 7, K::AlphaNumeric},  // 29-35
    {F::CompositeCheck, 2, 36, 1, K::CheckDigit},
};
// 9303-6 §4.2.2: composite over positions 1-10, 14-20, 22-35 of line 2.
inline constexpr LayoutSpan kTd2Composite[] = {{2, 1, 10}, {2, 14, 7}, {2, 22, 14}};

// ICAO 9303-7 §4.2.2.1 (MRV-A, full-page visa), 2 lines of 44; no composite.
inline constexpr LayoutRow kMrvaRows[] = {
    {F::DocumentCode, 1, 1, 2, K::Alpha},
    {F::IssuingState, 1, 3, 3, K::Alpha},
    {F::Name, 1, 6, 39, K::Name},
    {F::DocumentNumber, 2, 1, 9, K::AlphaNumeric},
    {F::DocumentNumberCheck, 2, 10, 1, K::CheckDigit},
    {F::Nationality, 2, 11, 3, K::Alpha},
    {F::BirthDate, 2, 14, 6, K::Numeric},
    {F::BirthDateCheck, 2, 20, 1, K::CheckDigit},
    {F::Sex, 2, 21, 1, K::Sex},
    {F::ExpiryDate, 2, 22, 6, K::Numeric},         // "valid until"
    {F::ExpiryDateCheck, 2, 28, 1, K::CheckDigit},
    {F::OptionalData, 2, 29, 16, K::AlphaNumeric}, // 29-44
};

// ICAO 9303-7 §4.2.2.2 (MRV-B, smaller visa), 2 lines of 36; no composite.
inline constexpr LayoutRow kMrvbRows[] = {
    {F::DocumentCode, 1, 1, 2, K::Alpha},
    {F::IssuingState, 1, 3, 3, K::Alpha},
    {F::Name, 1, 6, 31, K::Name},
    {F::DocumentNumber, 2, 1, 9, K::AlphaNumeric},
    {F::DocumentNumberCheck, 2, 10, 1, K::CheckDigit},
    {F::Nationality, 2, 11, 3, K::Alpha},
    {F::BirthDate, 2, 14, 6, K::Numeric},
    {F::BirthDateCheck, 2, 20, 1, K::CheckDigit},
    {F::Sex, 2, 21, 1, K::Sex},
    {F::ExpiryDate, 2, 22, 6, K::Numeric},
    {F::ExpiryDateCheck, 2, 28, 1, K::CheckDigit},
    {F::OptionalData, 2, 29, 8, K::AlphaNumeric},  // 29-36
};

} // namespace layouttables

// Indexed by Format.
inline constexpr Layout kLayouts[] = {
    {Format::TD1, 3, 30, layouttables::kTd1Rows, layouttables::kTd1Composite, "IAC", true, false},
    {Format::TD2, 2, 36, layouttables::kTd2Rows, layouttables::kTd2Composite, "IAC", true, false},
    {Format::TD3, 2, 44, layouttables::kTd3Rows, layouttables::kTd3Composite, "P", false, true},
    {Format::MRVA, 2, 44, layouttables::kMrvaRows, {}, "V", false, false},
    {Format::MRVB, 2, 36, layouttables::kMrvbRows, {}, "V", false, false},
};
inline constexpr int kMaxLines = 3;
inline constexpr int kMaxWidth = 44;

[[nodiscard]] constexpr const Layout &layoutOf(Format format)
{
    return kLayouts[static_cast<int>(format)];
}

// Row of each field in each layout, computed at compile time (-1: the layout has none).
inline constexpr auto kRowIndex = [] {
    std::array<std::array<std::int8_t, kFieldCount>, std::size(kLayouts)> index{};
    for (size_t l = 0; l < std::size(kLayouts); ++l) {
        index[l].fill(-1);
        for (size_t r = 0; r < kLayouts[l].rows.size(); ++r)
            index[l][static_cast<size_t>(kLayouts[l].rows[r].field)] = static_cast<std::int8_t>(r);
    }
    return index;
}();

[[nodiscard]] constexpr const LayoutRow *findRow(const Layout &layout, Field field)
{
    const int r = kRowIndex[static_cast<size_t>(layout.format)][static_cast<size_t>(field)];
    return r < 0 ? nullptr : &layout.rows[static_cast<size_t>(r)];
}

// The JSON name of a field ("document_number_check"), used in corrections.
[[nodiscard]] const char *fieldName(Field field);

} // namespace Kiosk::Mrz
