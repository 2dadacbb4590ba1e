#include "scanner/ocr/ocrjson.h"

#include "scanner/mrz/mrzjson.h"

#include <QJsonArray>

#include <cmath>

namespace Kiosk::Ocr {

QJsonObject toJson(const OcrResult &result, const QString &file)
{
    QJsonArray lines, confidence, quad;
    for (qsizetype i = 0; i < result.lines.size(); ++i) {
        lines.append(result.lines[i]);
        // Three decimals: enough to compare, short enough to read.
        confidence.append(std::round(double(result.minConfidence(i)) * 1000.0) / 1000.0);
    }
    for (const QPointF &p : result.quad)
        quad.append(QJsonArray{std::round(p.x() * 10.0) / 10.0, std::round(p.y() * 10.0) / 10.0});
    return QJsonObject{
        {QStringLiteral("file"), file},
        {QStringLiteral("found"), result.found},
        {QStringLiteral("lines"), lines},
        {QStringLiteral("confidence"), confidence},
        {QStringLiteral("quad"), quad},
        {QStringLiteral("mrz"), result.mrz ? QJsonValue(Mrz::toJson(*result.mrz)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("ms"), std::round(result.ms * 100.0) / 100.0},
    };
}

} // namespace Kiosk::Ocr
