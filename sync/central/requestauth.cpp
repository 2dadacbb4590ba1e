#include "sync/central/requestauth.h"

#include "app/crypto/ed25519.h"

namespace Kiosk::Central {

namespace {

std::unexpected<AuthRefusal> refuse(int status, const char *code, const QString &message)
{
    return std::unexpected(AuthRefusal{status, QString::fromLatin1(code), message});
}

bool isHex(QByteArrayView v)
{
    for (char c : v)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

} // namespace

RequestAuthenticator::RequestAuthenticator(CentralService &service, const Clock &clock, int replayWindowSeconds)
    : m_service(service)
    , m_clock(clock)
    , m_window(std::max(1, replayWindowSeconds))
{
}

std::expected<QString, AuthRefusal> RequestAuthenticator::authenticate(QByteArrayView method, QByteArrayView target, QByteArrayView body,
                                                                       const EventLog::RequestCredentials &c)
{
    if (c.kioskId.isEmpty() || c.timestamp.isEmpty() || c.nonce.isEmpty() || c.signature.isEmpty())
        return refuse(401, "AUTH_MISSING", QStringLiteral("sign the request with the kiosk's key (X-Kiosk-Id, -Timestamp, -Nonce, -Signature)"));
    bool numeric = false;
    const qint64 at = c.timestamp.toLongLong(&numeric);
    if (!numeric || c.nonce.size() != 32 || !isHex(c.nonce) || c.kioskId.size() > 64)
        return refuse(401, "AUTH_MISSING", QStringLiteral("malformed X-Kiosk-Timestamp, X-Kiosk-Nonce or X-Kiosk-Id"));
    const auto signature = QByteArray::fromBase64Encoding(c.signature, QByteArray::AbortOnBase64DecodingErrors);
    if (!signature || signature.decoded.size() != 64)
        return refuse(401, "AUTH_BAD_SIGNATURE", QStringLiteral("X-Kiosk-Signature is not base64 of 64 bytes"));
    const QString id = QString::fromUtf8(c.kioskId);
    auto kiosk = m_service.kiosk(id);
    if (!kiosk)
        return refuse(503, "CENTRAL_DB", kiosk.error().message);
    if (!*kiosk)
        return refuse(401, "AUTH_UNKNOWN_KIOSK", QStringLiteral("no kiosk '%1' is enrolled").arg(id));
    auto key = Crypto::Ed25519PublicKey::fromRaw((*kiosk)->publicKey);
    if (!key || !key->verify(EventLog::canonicalRequest(method, target, body, c.timestamp, c.nonce, c.kioskId), signature.decoded))
        return refuse(401, "AUTH_BAD_SIGNATURE", QStringLiteral("the signature does not verify with the key of '%1'").arg(id));
    if ((*kiosk)->revoked)
        return refuse(403, "KIOSK_REVOKED", QStringLiteral("kiosk '%1' is revoked").arg(id));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    if (at < now - m_window || at > now + m_window)
        return refuse(401, "AUTH_EXPIRED", QStringLiteral("the request was made at %1, outside %2 s of the central clock (%3): check the kiosk's clock")
                                               .arg(at).arg(m_window).arg(now));
    // Only a verified request reaches the nonce record, so nobody can fill it without a key.
    if (now >= m_nextPrune) {
        if (auto pruned = m_service.forgetNoncesBefore(now); !pruned)
            return refuse(503, "CENTRAL_DB", pruned.error().message);
        m_nextPrune = now + m_window;
    }
    auto fresh = m_service.rememberNonce(id, c.nonce, at + 2 * m_window);
    if (!fresh)
        return refuse(503, "CENTRAL_DB", fresh.error().message);
    if (!*fresh)
        return refuse(401, "AUTH_REPLAYED", QStringLiteral("this request of '%1' was received before").arg(id));
    return id;
}

} // namespace Kiosk::Central
