#include "app/crypto/ed25519.h"
#include "app/crypto/openssl_p.h"
#include "app/core/privatefile.h"

#include <openssl/pem.h>

#include <QFile>


namespace Kiosk::Crypto {

using namespace detail;

struct Ed25519PublicKey::Impl
{
    PkeyPtr key;
};

struct Ed25519PrivateKey::Impl
{
    PkeyPtr key;
};

namespace {

BioPtr memoryBio(QByteArrayView bytes)
{
    return BioPtr(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(len));
}

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("KEY_FILE_UNREADABLE"), QStringLiteral("cannot read key file %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

} // namespace

// ---- public key ----

Ed25519PublicKey::Ed25519PublicKey(std::shared_ptr<Impl> impl) : d(std::move(impl)) {}
Ed25519PublicKey::Ed25519PublicKey(const Ed25519PublicKey &) = default;
Ed25519PublicKey &Ed25519PublicKey::operator=(const Ed25519PublicKey &) = default;
Ed25519PublicKey::Ed25519PublicKey(Ed25519PublicKey &&) noexcept = default;
Ed25519PublicKey &Ed25519PublicKey::operator=(Ed25519PublicKey &&) noexcept = default;
Ed25519PublicKey::~Ed25519PublicKey() = default;

Result<Ed25519PublicKey> Ed25519PublicKey::fromPem(QByteArrayView pem)
{
    BioPtr bio = memoryBio(pem);
    PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return fail(QStringLiteral("KEY_INVALID"), QStringLiteral("not a PEM public key: %1").arg(lastOpenSslError()));
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return fail(QStringLiteral("KEY_WRONG_TYPE"), QStringLiteral("public key is not Ed25519"));
    return Ed25519PublicKey(std::make_shared<Impl>(Impl{std::move(key)}));
}

Result<Ed25519PublicKey> Ed25519PublicKey::fromRaw(QByteArrayView raw32)
{
    if (raw32.size() != 32)
        return fail(QStringLiteral("KEY_INVALID"), QStringLiteral("an Ed25519 public key is 32 bytes, got %1").arg(raw32.size()));
    PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr,
                                            reinterpret_cast<const unsigned char *>(raw32.data()), 32));
    if (!key)
        return fail(QStringLiteral("KEY_INVALID"), lastOpenSslError());
    return Ed25519PublicKey(std::make_shared<Impl>(Impl{std::move(key)}));
}

Result<Ed25519PublicKey> Ed25519PublicKey::fromFile(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    return fromPem(*bytes);
}

QByteArray Ed25519PublicKey::raw() const
{
    QByteArray out(32, Qt::Uninitialized);
    size_t len = 32;
    if (EVP_PKEY_get_raw_public_key(d->key.get(), reinterpret_cast<unsigned char *>(out.data()), &len) != 1 || len != 32)
        return {};
    return out;
}

QByteArray Ed25519PublicKey::toPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PUBKEY(bio.get(), d->key.get());
    return bioContents(bio.get());
}

bool Ed25519PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (signature.size() != 64)
        return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, d->key.get()) != 1)
        return false;
    const int rc = EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.data()),
                                    static_cast<size_t>(signature.size()),
                                    reinterpret_cast<const unsigned char *>(message.data()),
                                    static_cast<size_t>(message.size()));
    ERR_clear_error();
    return rc == 1;
}

// ---- private key ----

Ed25519PrivateKey::Ed25519PrivateKey(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Ed25519PrivateKey::Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept = default;
Ed25519PrivateKey &Ed25519PrivateKey::operator=(Ed25519PrivateKey &&) noexcept = default;
Ed25519PrivateKey::~Ed25519PrivateKey() = default;

Result<Ed25519PrivateKey> Ed25519PrivateKey::generate()
{
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return fail(QStringLiteral("KEYGEN_FAILED"), lastOpenSslError());
    return Ed25519PrivateKey(std::make_unique<Impl>(Impl{PkeyPtr(raw)}));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromPem(QByteArrayView pem)
{
    BioPtr bio = memoryBio(pem);
    PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return fail(QStringLiteral("KEY_INVALID"), QStringLiteral("not a PEM private key: %1").arg(lastOpenSslError()));
    if (EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519)
        return fail(QStringLiteral("KEY_WRONG_TYPE"), QStringLiteral("private key is not Ed25519"));
    return Ed25519PrivateKey(std::make_unique<Impl>(Impl{std::move(key)}));
}

Result<Ed25519PrivateKey> Ed25519PrivateKey::fromFile(const QString &path)
{
    auto bytes = readFile(path);
    if (!bytes)
        return std::unexpected(bytes.error());
    return fromPem(*bytes);
}

QByteArray Ed25519PrivateKey::toPem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PKCS8PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    return bioContents(bio.get());
}

Result<void> Ed25519PrivateKey::saveNew(const QString &path) const
{
    auto saved = writeNewPrivateFile(path, toPem());
    if (!saved) {
        const bool exists = saved.error().code == u"FILE_EXISTS";
        return fail(exists ? QStringLiteral("KEY_FILE_EXISTS") : QStringLiteral("KEY_FILE_UNWRITABLE"),
                    exists ? QStringLiteral("refusing to overwrite existing key file %1").arg(path) : saved.error().message);
    }
    return {};
}

Ed25519PublicKey Ed25519PrivateKey::publicKey() const
{
    unsigned char raw[32];
    size_t len = sizeof raw;
    EVP_PKEY_get_raw_public_key(d->key.get(), raw, &len);
    return *Ed25519PublicKey::fromRaw(QByteArrayView(reinterpret_cast<const char *>(raw), 32));
}

Result<QByteArray> Ed25519PrivateKey::sign(QByteArrayView message) const
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, d->key.get()) != 1)
        return fail(QStringLiteral("SIGN_FAILED"), lastOpenSslError());
    QByteArray sig(64, Qt::Uninitialized);
    size_t len = 64;
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(sig.data()), &len,
                       reinterpret_cast<const unsigned char *>(message.data()),
                       static_cast<size_t>(message.size())) != 1 || len != 64)
        return fail(QStringLiteral("SIGN_FAILED"), lastOpenSslError());
    return sig;
}

} // namespace Kiosk::Crypto
