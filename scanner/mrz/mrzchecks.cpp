// The check digits of a layout on a grid (ICAO 9303-3 §4.9): the plan of which stretches each
// check digit covers (with the TD1/TD2 document-number overflow), and the checks themselves.
#include "scanner/mrz/checkdigit.h"
#include "scanner/mrz/mrzlayout_p.h"

#include <algorithm>
#include <array>

namespace Kiosk::Mrz {

const char *fieldName(Field field)
{
    switch (field) {
    case Field::DocumentCode:
        return "document_code";
    case Field::IssuingState:
        return "issuing_state";
    case Field::Name:
        return "name";
    case Field::DocumentNumber:
        return "document_number";
    case Field::DocumentNumberCheck:
        return "document_number_check";
    case Field::Nationality:
        return "nationality";
    case Field::BirthDate:
        return "birth_date";
    case Field::BirthDateCheck:
        return "birth_date_check";
    case Field::Sex:
        return "sex";
    case Field::ExpiryDate:
        return "expiry_date";
    case Field::ExpiryDateCheck:
        return "expiry_date_check";
    case Field::OptionalData:
        return "optional_data";
    case Field::OptionalDataCheck:
        return "optional_data_check";
    case Field::OptionalData2:
        return "optional_data_2";
    case Field::CompositeCheck:
        return "composite_check";
    case Field::Count:
        break;
    }
    return "";
}

namespace detail {

namespace {

void addSpan(CheckedField &cf, const LayoutRow &row, int from, int count, FieldKind kind)
{
    if (count <= 0)
        return;
    cf.spans[cf.spanCount] = LayoutSpan{row.line, static_cast<std::uint8_t>(row.position + from), static_cast<std::uint8_t>(count)};
    cf.kinds[cf.spanCount] = kind;
    ++cf.spanCount;
}

// ICAO 9303-3 §4.9 character values as a table: the check digits are the hot path.
constexpr auto kValues = [] {
    std::array<std::int8_t, 256> t{};
    for (size_t c = 0; c < t.size(); ++c)
        t[c] = static_cast<std::int8_t>(characterValue(static_cast<char16_t>(c)));
    return t;
}();
constexpr int kWeights[3] = {7, 3, 1};

// Adds the weighted values of `length` characters to `sum`, continuing the 7-3-1 cycle at
// `w`. Returns false on a character outside A-Z 0-9 '<'.
bool weigh(const char *p, int length, int &w, int &sum)
{
    int bad = 0;
    for (int i = 0; i < length; ++i) {
        const int v = kValues[static_cast<unsigned char>(p[i])];
        bad |= v;
        sum += v * kWeights[w];
        w = w == 2 ? 0 : w + 1;
    }
    return bad >= 0;
}

} // namespace

CheckPlan planChecks(const Grid &grid)
{
    const Layout &layout = *grid.layout;
    CheckPlan plan;
    for (const auto &[value, check] : kCheckedFields) {
        const LayoutRow *valueRow = findRow(layout, value);
        const LayoutRow *checkRow = findRow(layout, check);
        if (!valueRow || !checkRow)
            continue;
        CheckedField &cf = plan.fields[plan.fieldCount++];
        cf.value = value;
        cf.check = check;
        addSpan(cf, *valueRow, 0, valueRow->length, valueRow->kind);
        cf.checkCell = Cell{checkRow->line, checkRow->position};
        cf.fillerCheckAllowed = value == Field::OptionalData && layout.fillerCheckForEmptyOptionalData;

        // 9303-5 §4.2.2 / 9303-6 note j: '<' in the document-number check position means the
        // number continues in the optional data, followed by its check digit and a filler.
        if (value == Field::DocumentNumber && layout.documentNumberOverflow
            && grid.at(checkRow->line, checkRow->position) == '<') {
            plan.overflow = true;
            const LayoutRow *opt = findRow(layout, Field::OptionalData);
            if (!opt)
                continue;
            int k = 0;
            while (k < opt->length && grid.at(opt->line, opt->position + k) != '<')
                ++k;
            if (k == 0) {
                plan.overflowError = true;
                continue;
            }
            addSpan(cf, *opt, 0, k - 1, FieldKind::AlphaNumeric);
            cf.checkCell = Cell{opt->line, static_cast<std::uint8_t>(opt->position + k - 1)};
            plan.overflowLength = std::min<int>(k + 1, opt->length);
        }
    }
    return plan;
}

bool passes(const Grid &grid, const CheckedField &field)
{
    const char c = grid.at(field.checkCell.line, field.checkCell.position);
    if (c == '<') {
        if (!field.fillerCheckAllowed)
            return false;
        for (int s = 0; s < field.spanCount; ++s) {
            const char *p = grid.ptr(field.spans[s].line, field.spans[s].position);
            for (int i = 0; i < field.spans[s].length; ++i) {
                if (p[i] != '<')
                    return false;
            }
        }
        return true; // 9303-4: empty personal number, '<' as its check digit
    }
    if (c < '0' || c > '9')
        return false;
    int sum = 0;
    int w = 0;
    for (int s = 0; s < field.spanCount; ++s) {
        if (!weigh(grid.ptr(field.spans[s].line, field.spans[s].position), field.spans[s].length, w, sum))
            return false;
    }
    return sum % 10 == c - '0';
}

bool compositePasses(const Grid &grid)
{
    const Layout &layout = *grid.layout;
    const LayoutRow *checkRow = findRow(layout, Field::CompositeCheck);
    if (!checkRow)
        return false;
    const char c = grid.at(checkRow->line, checkRow->position);
    if (c < '0' || c > '9')
        return false;
    int sum = 0;
    int w = 0;
    for (const LayoutSpan &span : layout.composite) {
        if (!weigh(grid.ptr(span.line, span.position), span.length, w, sum))
            return false;
    }
    return sum % 10 == c - '0';
}

} // namespace detail

} // namespace Kiosk::Mrz
