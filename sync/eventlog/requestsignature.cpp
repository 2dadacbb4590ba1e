#include "sync/eventlog/requestsignature.h"

#include "app/crypto/sha256.h"

#include <QRandomGenerator>

namespace Kiosk::EventLog {

QByteArray requestTarget(const QString &path, const QUrlQuery &query)
{
    QByteArray target = path.toUtf8();
    if (!query.isEmpty())
        target += '?' + query.toString(QUrl::FullyEncoded).toUtf8();
    return target;
}

QByteArray canonicalRequest(QByteArrayView method, QByteArrayView pathAndQuery, QByteArrayView body, QByteArrayView timestamp,
                            QByteArrayView nonce, QByteArrayView kioskId)
{
    QByteArray out;
    out.reserve(160 + pathAndQuery.size());
    out += "KIOSK-AUTH-1\n";
    out += method;
    out += '\n';
    out += pathAndQuery;
    out += '\n';
    out += Crypto::sha256(body).toHex();
    out += '\n';
    out += timestamp;
    out += '\n';
    out += nonce;
    out += '\n';
    out += kioskId;
    return out;
}

Result<RequestCredentials> signRequest(const Crypto::Ed25519PrivateKey &key, const QString &kioskId, QByteArrayView method,
                                       QByteArrayView pathAndQuery, QByteArrayView body, const QDateTime &now)
{
    // The system generator (getrandom): a nonce must not repeat, it need not be secret.
    quint32 random[4];
    QRandomGenerator::system()->fillRange(random);
    RequestCredentials c;
    c.kioskId = kioskId.toUtf8();
    c.timestamp = QByteArray::number(now.toSecsSinceEpoch());
    c.nonce = QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
    auto signature = key.sign(canonicalRequest(method, pathAndQuery, body, c.timestamp, c.nonce, c.kioskId));
    if (!signature)
        return std::unexpected(signature.error());
    c.signature = signature->toBase64();
    return c;
}

} // namespace Kiosk::EventLog
