#pragma once
#include <QByteArray>

namespace Kiosk::Crypto {

// SHA-256 (FIPS 180-4) of `data`: 32 raw bytes.
[[nodiscard]] QByteArray sha256(QByteArrayView data);

} // namespace Kiosk::Crypto
