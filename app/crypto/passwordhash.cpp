#include "app/crypto/passwordhash.h"

#include "app/crypto/openssl_p.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <QList>

#include <algorithm>

namespace Kiosk::Crypto {

namespace {

constexpr int kKeyBytes = 32; // SHA-256 output: more would only cost the defender
constexpr QLatin1StringView kScheme{"pbkdf2-sha256"};
constexpr int kMaximumIterations = 100'000'000; // beyond this a "hash" is a denial of service

Result<QByteArray> derive(QStringView secret, const QByteArray &salt, int iterations)
{
    const QByteArray utf8 = secret.toUtf8();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    // RFC 8018 §5.2 PBKDF2 with HMAC-SHA-256 as the PRF.
    if (PKCS5_PBKDF2_HMAC(utf8.constData(), static_cast<int>(utf8.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), kKeyBytes,
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1)
        return fail(QStringLiteral("PASSWORD_KDF_FAILED"), detail::lastOpenSslError());
    return key;
}

} // namespace

Result<QString> hashPassword(QStringView secret, PasswordHashParams params)
{
    if (secret.isEmpty())
        return fail(QStringLiteral("PASSWORD_EMPTY"), QStringLiteral("an empty secret cannot be hashed"));
    if (params.iterations < kTestPbkdf2Iterations || params.iterations > kMaximumIterations
        || params.saltBytes < 16 || params.saltBytes > 64)
        return fail(QStringLiteral("PASSWORD_PARAMS"),
                    QStringLiteral("iterations must be %1..%2 and the salt 16..64 bytes")
                        .arg(kTestPbkdf2Iterations)
                        .arg(kMaximumIterations));
    QByteArray salt(params.saltBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), params.saltBytes) != 1)
        return fail(QStringLiteral("PASSWORD_KDF_FAILED"), detail::lastOpenSslError());
    auto key = derive(secret, salt, params.iterations);
    if (!key)
        return std::unexpected(key.error());
    return QStringLiteral("$%1$%2$%3$%4")
        .arg(kScheme)
        .arg(params.iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key->toBase64()));
}

Result<bool> verifyPassword(QStringView secret, QStringView encoded, int minimumIterations)
{
    minimumIterations = std::max(minimumIterations, kTestPbkdf2Iterations);
    const auto malformed = [](const QString &why) {
        return fail(QStringLiteral("PASSWORD_HASH_MALFORMED"), QStringLiteral("password hash: %1").arg(why));
    };
    // "$scheme$iter$salt$key" splits into "", scheme, iter, salt, key.
    const QList<QStringView> parts = encoded.split(u'$');
    if (parts.size() != 5 || !parts[0].isEmpty())
        return malformed(QStringLiteral("expected $scheme$iterations$salt$key"));
    if (parts[1] != kScheme)
        return malformed(QStringLiteral("unknown scheme"));
    bool ok = false;
    const int iterations = parts[2].toInt(&ok);
    if (!ok)
        return malformed(QStringLiteral("iterations is not a number"));
    if (iterations < minimumIterations || iterations > kMaximumIterations)
        return fail(QStringLiteral("PASSWORD_PARAMS"),
                    QStringLiteral("password hash: iteration count %1 outside %2..%3")
                        .arg(iterations)
                        .arg(minimumIterations)
                        .arg(kMaximumIterations));
    const auto salt = QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto expected = QByteArray::fromBase64Encoding(parts[4].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || salt.decoded.size() < 16)
        return malformed(QStringLiteral("salt is not base64 of at least 16 bytes"));
    if (!expected || expected.decoded.size() != kKeyBytes)
        return malformed(QStringLiteral("key is not base64 of 32 bytes"));
    if (secret.isEmpty())
        return false;
    auto key = derive(secret, salt.decoded, iterations);
    if (!key)
        return std::unexpected(key.error());
    // Constant time: the comparison must not tell how many leading bytes matched.
    return CRYPTO_memcmp(key->constData(), expected.decoded.constData(), kKeyBytes) == 0;
}

} // namespace Kiosk::Crypto
