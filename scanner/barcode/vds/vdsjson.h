#pragma once
// JSON for kioskctl and logs of tests: the three separate answers of a seal, never merged:
//   "decoded" (+ "error"), "header", "message" (named fields, unknown tags kept),
//   "signature" {"state", "signer", "detail"}, and "visa" when the visa profile parses.
#include "scanner/barcode/vds/vdstruststore.h"

#include <QJsonObject>

namespace Kiosk::Vds {

// `store` may be null: the signature state is then "unknown_signer" (nothing trusted).
[[nodiscard]] QJsonObject sealToJson(QByteArrayView bytes, const VdsTrustStore *store);

} // namespace Kiosk::Vds
