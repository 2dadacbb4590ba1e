#include "app/crypto/ecdsa.h"
#include "app/crypto/x509.h"
#include "app/crypto/x509_p.h"

#include <openssl/pem.h>

namespace Kiosk::Crypto {

using namespace detail;

namespace {

const unsigned char *bytes(QByteArrayView v) { return reinterpret_cast<const unsigned char *>(v.data()); }

// r||s halves are never longer than the largest supported order (P-521: 66 bytes).
constexpr qsizetype kMaxHalf = 66;

const char *curveName(EcCurve curve)
{
    switch (curve) {
    case EcCurve::P256: return "P-256";
    case EcCurve::P384: return "P-384";
    case EcCurve::BrainpoolP224r1: return "brainpoolP224r1";
    case EcCurve::BrainpoolP256r1: return "brainpoolP256r1";
    }
    return "P-256";
}

int halfLength(int orderBits) { return (orderBits + 7) / 8; }

} // namespace

QString ecdsaHashNameForOrderBits(int orderBits)
{
    if (orderBits <= 224)
        return QStringLiteral("SHA224");
    if (orderBits <= 256)
        return QStringLiteral("SHA256");
    if (orderBits <= 384)
        return QStringLiteral("SHA384");
    return QStringLiteral("SHA512");
}

Result<QByteArray> ecdsaRawToDer(QByteArrayView rs)
{
    if (rs.isEmpty() || rs.size() % 2 != 0 || rs.size() > 2 * kMaxHalf)
        return fail(QStringLiteral("ECDSA_SIGNATURE_MALFORMED"),
                    QStringLiteral("a raw ECDSA signature is r||s of equal halves, got %1 bytes").arg(rs.size()));
    const int half = static_cast<int>(rs.size() / 2);
    BignumPtr r(BN_bin2bn(bytes(rs), half, nullptr));
    BignumPtr s(BN_bin2bn(bytes(rs) + half, half, nullptr));
    EcdsaSigPtr sig(ECDSA_SIG_new());
    if (!r || !s || !sig || ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return fail(QStringLiteral("ECDSA_SIGNATURE_MALFORMED"), lastOpenSslError());
    (void)r.release(); // owned by sig now
    (void)s.release();
    const int len = i2d_ECDSA_SIG(sig.get(), nullptr);
    if (len <= 0)
        return fail(QStringLiteral("ECDSA_SIGNATURE_MALFORMED"), lastOpenSslError());
    QByteArray der(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(der.data());
    i2d_ECDSA_SIG(sig.get(), &p);
    return der;
}

Result<QByteArray> ecdsaDerToRaw(QByteArrayView der, int half)
{
    const unsigned char *p = bytes(der);
    EcdsaSigPtr sig(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size())));
    if (!sig || half <= 0 || half > kMaxHalf)
        return fail(QStringLiteral("ECDSA_SIGNATURE_MALFORMED"), QStringLiteral("not a DER ECDSA signature"));
    QByteArray raw(2 * half, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), out, half) != half
        || BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), out + half, half) != half)
        return fail(QStringLiteral("ECDSA_SIGNATURE_MALFORMED"), QStringLiteral("r or s longer than %1 bytes").arg(half));
    return raw;
}

Result<bool> verifyEcdsaRaw(const Certificate &signer, QByteArrayView message, QByteArrayView rs)
{
    EVP_PKEY *key = X509_get0_pubkey(Access::x509(signer));
    if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
        return fail(QStringLiteral("KEY_WRONG_TYPE"), QStringLiteral("the signer certificate holds no EC key"));
    const int bits = EVP_PKEY_get_bits(key);
    // ICAO 9303-13 Annex B: r and s each take exactly the length of the group order.
    if (rs.size() != 2 * halfLength(bits))
        return false;
    auto der = ecdsaRawToDer(rs);
    if (!der)
        return false;
    const QByteArray hash = ecdsaHashNameForOrderBits(bits).toLatin1();
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_get_digestbyname(hash.constData()), nullptr, key) != 1)
        return fail(QStringLiteral("VERIFY_FAILED"), lastOpenSslError());
    const int rc = EVP_DigestVerify(ctx.get(), bytes(*der), static_cast<size_t>(der->size()), bytes(message),
                                    static_cast<size_t>(message.size()));
    ERR_clear_error();
    return rc == 1;
}

// ---- private key ----

EcPrivateKey::EcPrivateKey(std::shared_ptr<const Impl> impl) : d(std::move(impl)) {}
EcPrivateKey::EcPrivateKey(const EcPrivateKey &) = default;
EcPrivateKey &EcPrivateKey::operator=(const EcPrivateKey &) = default;
EcPrivateKey::EcPrivateKey(EcPrivateKey &&) noexcept = default;
EcPrivateKey &EcPrivateKey::operator=(EcPrivateKey &&) noexcept = default;
EcPrivateKey::~EcPrivateKey() = default;

Result<EcPrivateKey> EcPrivateKey::generate(EcCurve curve)
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curveName(curve)));
    if (!key)
        return fail(QStringLiteral("KEYGEN_FAILED"), lastOpenSslError());
    return EcPrivateKey(std::make_shared<const Impl>(Impl{std::move(key)}));
}

Result<EcPrivateKey> EcPrivateKey::fromPem(QByteArrayView pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return fail(QStringLiteral("KEY_INVALID"), QStringLiteral("not a PEM private key: %1").arg(lastOpenSslError()));
    if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC)
        return fail(QStringLiteral("KEY_WRONG_TYPE"), QStringLiteral("private key is not an EC key"));
    return EcPrivateKey(std::make_shared<const Impl>(Impl{std::move(key)}));
}

QByteArray EcPrivateKey::toPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

int EcPrivateKey::orderBits() const { return EVP_PKEY_get_bits(d->key.get()); }

Result<QByteArray> EcPrivateKey::signRaw(QByteArrayView message) const
{
    const int bits = orderBits();
    const QByteArray hash = ecdsaHashNameForOrderBits(bits).toLatin1();
    MdCtxPtr ctx(EVP_MD_CTX_new());
    size_t len = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_get_digestbyname(hash.constData()), nullptr, d->key.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &len, bytes(message), static_cast<size_t>(message.size())) != 1)
        return fail(QStringLiteral("SIGN_FAILED"), lastOpenSslError());
    QByteArray der(static_cast<qsizetype>(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &len, bytes(message),
                       static_cast<size_t>(message.size())) != 1)
        return fail(QStringLiteral("SIGN_FAILED"), lastOpenSslError());
    der.truncate(static_cast<qsizetype>(len));
    return ecdsaDerToRaw(der, halfLength(bits));
}

} // namespace Kiosk::Crypto
