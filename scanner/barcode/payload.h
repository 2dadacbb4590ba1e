#pragma once
// What a symbol's bytes are: a boarding pass (IATA BCBP), a visible digital seal, other
// text, or binary; and the JSON kioskctl prints for each.
#include "scanner/barcode/vds/vdstruststore.h"

#include <QByteArray>
#include <QDate>
#include <QJsonObject>
#include <QString>

namespace Kiosk::Barcode {

enum class PayloadKind { Bcbp, Vds, Text, Binary };

// bcbp | vds | text | binary
[[nodiscard]] QString payloadKindToString(PayloadKind kind);

// A seal by its magic byte 0xDC (ICAO 9303-13 §2.2.1: never the first byte of text a
// person reads); a boarding pass when it parses as BCBP; text when it is valid UTF-8
// without control characters other than tab and line ends; binary otherwise.
[[nodiscard]] PayloadKind classifyPayload(QByteArrayView bytes);

// {"kind", "bytes_hex", and "bcbp" or "vds" (or "text")}. `today` places BCBP Julian
// days in a year; `store` verifies seals (null: nothing trusted).
[[nodiscard]] QJsonObject describePayload(QByteArrayView bytes, const QDate &today, const Vds::VdsTrustStore *store);

} // namespace Kiosk::Barcode
