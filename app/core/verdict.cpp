#include "app/core/verdict.h"

#include <algorithm>

namespace Kiosk {

QString directionToString(Direction d)
{
    return d == Direction::Entry ? QStringLiteral("entry") : QStringLiteral("exit");
}

std::optional<Direction> directionFromString(QStringView text)
{
    if (text == u"entry")
        return Direction::Entry;
    if (text == u"exit")
        return Direction::Exit;
    return std::nullopt;
}

QString verdictToString(VerdictKind v)
{
    switch (v) {
    case VerdictKind::Admit:
        return QStringLiteral("ADMIT");
    case VerdictKind::Refer:
        return QStringLiteral("REFER");
    case VerdictKind::Refuse:
        break;
    }
    return QStringLiteral("REFUSE");
}

std::optional<VerdictKind> verdictFromString(QStringView text)
{
    if (text == u"ADMIT")
        return VerdictKind::Admit;
    if (text == u"REFER")
        return VerdictKind::Refer;
    if (text == u"REFUSE")
        return VerdictKind::Refuse;
    return std::nullopt;
}

bool containsReason(const QList<Reason> &reasons, ReasonCode code)
{
    return std::ranges::any_of(reasons, [code](const Reason &r) { return r.code == code; });
}

} // namespace Kiosk
