#pragma once
// ECDSA (FIPS 186-4) through OpenSSL 3, with the raw r||s signature form of visible digital
// seals (ICAO 9303-13 Annex B: r and s, each as long as the group order, concatenated) and
// its conversion to and from the DER SEQUENCE { INTEGER r, INTEGER s } OpenSSL expects.
#include "app/core/error.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace Kiosk::Crypto {

namespace detail {
struct Access;
}

class Certificate;

enum class EcCurve { P256, P384, BrainpoolP224r1, BrainpoolP256r1 };

// The hash that goes with a group order of `orderBits` bits: the digest no shorter than
// the order (BSI TR-03116-2 pairs brainpoolP224r1 with SHA-224, P-256 with SHA-256, ...).
// Returns "SHA224", "SHA256", "SHA384" or "SHA512".
[[nodiscard]] QString ecdsaHashNameForOrderBits(int orderBits);

// r||s (even length, at most 2 x 66 bytes) -> DER. Errors: ECDSA_SIGNATURE_MALFORMED.
[[nodiscard]] Result<QByteArray> ecdsaRawToDer(QByteArrayView rs);
// DER -> r||s with each half left-padded to `halfLength` bytes.
[[nodiscard]] Result<QByteArray> ecdsaDerToRaw(QByteArrayView der, int halfLength);

// Verifies a raw r||s signature over `message` with the EC key of `signer`, hashing with
// the digest that fits its curve. Returns false for a signature that does not verify
// (including one of the wrong length); an error only when the certificate holds no EC key
// (KEY_WRONG_TYPE) or OpenSSL fails.
[[nodiscard]] Result<bool> verifyEcdsaRaw(const Certificate &signer, QByteArrayView message, QByteArrayView rs);

class EcPrivateKey
{
public:
    [[nodiscard]] static Result<EcPrivateKey> generate(EcCurve curve);
    [[nodiscard]] static Result<EcPrivateKey> fromPem(QByteArrayView pem);

    [[nodiscard]] QByteArray toPem() const;   // PKCS#8, unencrypted
    [[nodiscard]] int orderBits() const;
    // Raw r||s signature over `message`, hash chosen by the curve as in verifyEcdsaRaw.
    [[nodiscard]] Result<QByteArray> signRaw(QByteArrayView message) const;

    EcPrivateKey(const EcPrivateKey &);
    EcPrivateKey &operator=(const EcPrivateKey &);
    EcPrivateKey(EcPrivateKey &&) noexcept;
    EcPrivateKey &operator=(EcPrivateKey &&) noexcept;
    ~EcPrivateKey();

private:
    friend struct detail::Access;
    struct Impl;
    explicit EcPrivateKey(std::shared_ptr<const Impl> impl);
    std::shared_ptr<const Impl> d;
};

} // namespace Kiosk::Crypto
