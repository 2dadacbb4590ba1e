#include "app/crypto/sha256.h"

#include <openssl/sha.h>

namespace Kiosk::Crypto {

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(reinterpret_cast<const unsigned char *>(data.data()), static_cast<size_t>(data.size()),
           reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

} // namespace Kiosk::Crypto
