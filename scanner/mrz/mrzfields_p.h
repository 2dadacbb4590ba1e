#pragma once
// The steps of parse() after the layout is known: the fields of the grid as views, each read
// into the result with its errors and warnings, in the order the result lists them.
#include "scanner/mrz/mrzlayout_p.h"

#include <QDate>

#include <array>
#include <string_view>

namespace Kiosk::Mrz::detail {

void addIssue(QList<Issue> &list, const char *code, QString message);
[[nodiscard]] QString latin1(std::string_view v);
[[nodiscard]] std::string_view stripFillers(std::string_view v);

// Every row of the layout's table, one view each (the generic routine of all five layouts).
class FieldViews
{
public:
    explicit FieldViews(const Grid &grid);
    [[nodiscard]] std::string_view operator()(Field f) const { return m_view[static_cast<size_t>(f)]; }
    [[nodiscard]] const LayoutRow &row(Field f) const { return *m_row[static_cast<size_t>(f)]; }
    [[nodiscard]] bool has(Field f) const { return m_row[static_cast<size_t>(f)] != nullptr; }

private:
    std::array<std::string_view, kFieldCount> m_view{};
    std::array<const LayoutRow *, kFieldCount> m_row{};
};

void readDocumentCode(const FieldViews &v, const Layout &layout, MrzResult &result);
void readCountries(const FieldViews &v, MrzResult &result);
void readName(const FieldViews &v, MrzResult &result);
void readChecksAndNumbers(const Grid &grid, const FieldViews &v, MrzResult &result);
void readDates(const FieldViews &v, const QDate &referenceDate, MrzResult &result);
void readSex(const FieldViews &v, MrzResult &result);

} // namespace Kiosk::Mrz::detail
