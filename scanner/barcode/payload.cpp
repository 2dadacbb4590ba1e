#include "scanner/barcode/payload.h"
#include "scanner/barcode/bcbp/bcbpparser.h"
#include "scanner/barcode/vds/vdsjson.h"
#include "scanner/barcode/vds/vdsseal.h"

#include <QStringDecoder>

namespace Kiosk::Barcode {

QString payloadKindToString(PayloadKind kind)
{
    switch (kind) {
    case PayloadKind::Bcbp: return QStringLiteral("bcbp");
    case PayloadKind::Vds: return QStringLiteral("vds");
    case PayloadKind::Text: return QStringLiteral("text");
    case PayloadKind::Binary: return QStringLiteral("binary");
    }
    return QStringLiteral("binary");
}

PayloadKind classifyPayload(QByteArrayView bytes)
{
    if (!bytes.isEmpty() && static_cast<unsigned char>(bytes[0]) == Vds::kMagic)
        return PayloadKind::Vds;
    if (Bcbp::looksLikeBcbp(bytes) && Bcbp::parseBcbp(bytes))
        return PayloadKind::Bcbp;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return PayloadKind::Binary;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    return utf8.hasError() ? PayloadKind::Binary : PayloadKind::Text;
}

QJsonObject describePayload(QByteArrayView bytes, const QDate &today, const Vds::VdsTrustStore *store)
{
    const PayloadKind kind = classifyPayload(bytes);
    QJsonObject out{{QStringLiteral("kind"), payloadKindToString(kind)},
                    {QStringLiteral("bytes_hex"), QString::fromLatin1(bytes.toByteArray().toHex())}};
    switch (kind) {
    case PayloadKind::Vds:
        out.insert(QStringLiteral("vds"), Vds::sealToJson(bytes, store));
        break;
    case PayloadKind::Bcbp:
        out.insert(QStringLiteral("bcbp"), Bcbp::boardingPassToJson(*Bcbp::parseBcbp(bytes), today));
        break;
    case PayloadKind::Text:
        out.insert(QStringLiteral("text"), QString::fromUtf8(bytes));
        break;
    case PayloadKind::Binary:
        break;
    }
    return out;
}

} // namespace Kiosk::Barcode
