#pragma once
// Operator PINs are never stored: only a slow, salted hash. PBKDF2-HMAC-SHA256 (RFC 8018 §5.2)
// through OpenSSL; the iteration count is stored in
// the encoded hash so it can be raised later without invalidating old hashes.
//
// Encoded form (modular crypt style, one line, ASCII):
//   $pbkdf2-sha256$<iterations>$<salt, base64>$<32-byte key, base64>
#include "app/core/error.h"

#include <QByteArray>
#include <QString>

namespace Kiosk::Crypto {

// OWASP's 2023 figure for PBKDF2-HMAC-SHA256: 600,000 iterations. A PIN has little entropy,
// so the cost per guess is what protects it.
inline constexpr int kDefaultPbkdf2Iterations = 600'000;
// Below this a hash is refused when verifying: an attacker who can edit the
// operators file or kiosk.ini must not be able to downgrade the cost of a guess.
inline constexpr int kMinimumPbkdf2Iterations = 600'000;
// The cheapest hash that can be made at all: only for tests and the demo, which made their
// hashes in-process and pass this as the floor explicitly (a file never lowers the floor).
inline constexpr int kTestPbkdf2Iterations = 1'000;

struct PasswordHashParams
{
    int iterations = kDefaultPbkdf2Iterations;
    int saltBytes = 16;
};

// Hashes `secret` with a fresh random salt (at least kTestPbkdf2Iterations). Errors: PASSWORD_EMPTY, PASSWORD_PARAMS,
// PASSWORD_KDF_FAILED.
[[nodiscard]] Result<QString> hashPassword(QStringView secret, PasswordHashParams params = {});

// Checks `secret` against an encoded hash in constant time (over the derived key).
// Returns false for a wrong secret; an error (PASSWORD_HASH_MALFORMED, PASSWORD_PARAMS: fewer
// iterations than `minimumIterations`, which is never below kTestPbkdf2Iterations) for an
// encoded hash that cannot be used.
[[nodiscard]] Result<bool> verifyPassword(QStringView secret, QStringView encoded,
                                          int minimumIterations = kMinimumPbkdf2Iterations);

} // namespace Kiosk::Crypto
