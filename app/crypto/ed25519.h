#pragma once
// Ed25519 (RFC 8032) through OpenSSL 3's EVP interface: kiosk event signatures and policy
// signatures. Keys travel as PEM (PKCS#8 private, SubjectPublicKeyInfo public) or as the
// 32 raw public-key bytes.
#include "app/core/error.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace Kiosk::Crypto {

class Ed25519PublicKey
{
public:
    [[nodiscard]] static Result<Ed25519PublicKey> fromPem(QByteArrayView pem);
    [[nodiscard]] static Result<Ed25519PublicKey> fromRaw(QByteArrayView raw32);
    [[nodiscard]] static Result<Ed25519PublicKey> fromFile(const QString &path); // PEM

    [[nodiscard]] QByteArray raw() const;   // 32 bytes
    [[nodiscard]] QByteArray toPem() const;
    // Verifies a 64-byte signature over exactly `message`.
    [[nodiscard]] bool verify(QByteArrayView message, QByteArrayView signature) const;

    Ed25519PublicKey(const Ed25519PublicKey &);
    Ed25519PublicKey &operator=(const Ed25519PublicKey &);
    Ed25519PublicKey(Ed25519PublicKey &&) noexcept;
    Ed25519PublicKey &operator=(Ed25519PublicKey &&) noexcept;
    ~Ed25519PublicKey();

private:
    struct Impl;
    explicit Ed25519PublicKey(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> d; // the EVP_PKEY is immutable once made: sharing is safe
};

class Ed25519PrivateKey
{
public:
    [[nodiscard]] static Result<Ed25519PrivateKey> generate();
    [[nodiscard]] static Result<Ed25519PrivateKey> fromPem(QByteArrayView pem);
    [[nodiscard]] static Result<Ed25519PrivateKey> fromFile(const QString &path);

    // PKCS#8 PEM, unencrypted.
    [[nodiscard]] QByteArray toPem() const;
    // Writes the PEM to a new file with mode 0600; refuses when the file exists.
    [[nodiscard]] Result<void> saveNew(const QString &path) const;

    [[nodiscard]] Ed25519PublicKey publicKey() const;
    // 64-byte signature over exactly `message` (pure Ed25519, no pre-hash).
    [[nodiscard]] Result<QByteArray> sign(QByteArrayView message) const;

    Ed25519PrivateKey(Ed25519PrivateKey &&) noexcept;
    Ed25519PrivateKey &operator=(Ed25519PrivateKey &&) noexcept;
    ~Ed25519PrivateKey();

private:
    struct Impl;
    explicit Ed25519PrivateKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace Kiosk::Crypto
