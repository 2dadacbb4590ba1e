#pragma once
// Byte strings in JSON bodies are base64 (the central API, both ways). A reader of outside
// input takes only a string that decodes strictly: anything else is "not bytes", never the
// bytes of whatever part of it happened to decode.
#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Kiosk {

[[nodiscard]] inline std::optional<QByteArray> base64Bytes(const QJsonValue &v)
{
    if (!v.isString())
        return std::nullopt;
    auto decoded = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

} // namespace Kiosk
