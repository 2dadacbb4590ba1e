#pragma once
// Every request a kiosk makes to border-central is signed with the kiosk's Ed25519 event key:
// Qt 6.4's HTTP server cannot show the TLS peer certificate, so the kiosk proves
// who it is per request, with the key the central registry already knows.
//
// Four headers:
//   X-Kiosk-Id         the kiosk id as registered (`border-central kiosk add --id`)
//   X-Kiosk-Timestamp  Unix seconds (UTC) when the request was made
//   X-Kiosk-Nonce      32 lower-case hex digits, random per request
//   X-Kiosk-Signature  base64 of the Ed25519 signature over canonicalRequest()
// The signed bytes (UTF-8, "\n" between fields, no trailing newline):
//   KIOSK-AUTH-1 \n METHOD \n PATH[?QUERY] (as sent) \n hex(SHA-256(body)) \n TIMESTAMP \n NONCE \n KIOSK-ID
// The central side accepts a request whose timestamp is within its replay window of its own
// clock and whose nonce it has not seen inside that window (sync/central/requestauth.h).
#include "app/core/error.h"
#include "app/crypto/ed25519.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrlQuery>

namespace Kiosk::EventLog {

inline constexpr char kKioskIdHeader[] = "X-Kiosk-Id";
inline constexpr char kTimestampHeader[] = "X-Kiosk-Timestamp";
inline constexpr char kNonceHeader[] = "X-Kiosk-Nonce";
inline constexpr char kSignatureHeader[] = "X-Kiosk-Signature";

struct RequestCredentials
{
    QByteArray kioskId;
    QByteArray timestamp; // decimal Unix seconds
    QByteArray nonce;     // 32 hex digits
    QByteArray signature; // base64
};

// The request target as both sides sign it: the path, then "?" and the query fully encoded
// when there is one ("/v1/feed?after=0&limit=1000").
[[nodiscard]] QByteArray requestTarget(const QString &path, const QUrlQuery &query);

[[nodiscard]] QByteArray canonicalRequest(QByteArrayView method, QByteArrayView pathAndQuery, QByteArrayView body,
                                          QByteArrayView timestamp, QByteArrayView nonce, QByteArrayView kioskId);

// Signs a request made at `now` with a fresh random nonce. Errors: the key's.
[[nodiscard]] Result<RequestCredentials> signRequest(const Crypto::Ed25519PrivateKey &key, const QString &kioskId,
                                                     QByteArrayView method, QByteArrayView pathAndQuery,
                                                     QByteArrayView body, const QDateTime &now);

} // namespace Kiosk::EventLog
