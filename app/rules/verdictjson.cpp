#include "app/rules/verdictjson.h"

#include <QJsonArray>

namespace Kiosk::Rules {

namespace {
QJsonValue orNull(const std::optional<qint64> &v)
{
    return v ? QJsonValue(static_cast<double>(*v)) : QJsonValue(QJsonValue::Null);
}
} // namespace

QJsonObject verdictToJson(const Verdict &verdict)
{
    QJsonArray codes;
    QJsonArray sentences;
    for (const Reason &r : verdict.reasons) {
        codes.append(reasonCodeToString(r.code));
        sentences.append(r.explanation);
    }
    const StayFigures &f = verdict.figures;
    return QJsonObject{
        {QStringLiteral("verdict"), verdictToString(verdict.kind)},
        {QStringLiteral("reasons"), codes},
        {QStringLiteral("allowed_until"),
         f.allowedUntil ? QJsonValue(f.allowedUntil->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("days_allowed"), orNull(f.daysAllowed)},
        {QStringLiteral("days_used"), orNull(f.daysUsed)},
        {QStringLiteral("days_remaining"), orNull(f.daysRemaining)},
        {QStringLiteral("overstay_days"), orNull(f.overstayDays)},
        {QStringLiteral("explanation"), sentences},
        {QStringLiteral("policy_version"), verdict.policyVersion},
    };
}

} // namespace Kiosk::Rules
