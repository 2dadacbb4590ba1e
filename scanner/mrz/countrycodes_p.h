#pragma once
// For the parser's hot path: the table's own copy of a known code, so that a result shares
// it (implicit sharing) instead of allocating a new string per document.
#include <QString>

#include <string_view>

namespace Kiosk::Mrz::detail {

// The code without trailing fillers ("D<<" -> "D"), or nullptr when it is not in the list.
[[nodiscard]] const QString *internedCountryCode(std::string_view code);

} // namespace Kiosk::Mrz::detail
