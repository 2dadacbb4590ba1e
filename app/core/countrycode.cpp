#include "app/core/countrycode.h"

namespace Kiosk {

std::optional<CountryCode> CountryCode::fromString(QStringView text)
{
    qsizetype end = text.size();
    while (end > 0 && text[end - 1] == u'<')
        --end;
    const QStringView code = text.first(end);
    if (code.isEmpty() || code.size() > 3)
        return std::nullopt;
    for (const QChar c : code) {
        if (c < u'A' || c > u'Z')
            return std::nullopt;
    }
    return CountryCode(code.toString());
}

} // namespace Kiosk
