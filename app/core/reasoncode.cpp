#include "app/core/reasoncode.h"

namespace Kiosk {

namespace {
QString text(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}
} // namespace

QString reasonCodeToString(ReasonCode code)
{
    return text(reasonCodeInfo(code).name);
}

std::optional<ReasonCode> reasonCodeFromString(QStringView s)
{
    for (const ReasonCodeInfo &row : kReasonCodes) {
        if (s == QLatin1StringView(row.name.data(), static_cast<qsizetype>(row.name.size())))
            return row.code;
    }
    return std::nullopt;
}

QString reasonRule(ReasonCode code)
{
    return text(reasonCodeInfo(code).rule);
}

QString reasonSource(ReasonCode code)
{
    return text(reasonCodeInfo(code).source);
}

bool operator==(ReasonCode code, QStringView s)
{
    return reasonCodeFromString(s) == code;
}

} // namespace Kiosk
