#pragma once
// Makes the next event of one kiosk's chain: fills sequence and prevHash, produces the
// canonical bytes once and signs them with the kiosk's Ed25519 key (RFC 8032).
#include "app/crypto/ed25519.h"
#include "sync/eventlog/event.h"

namespace Kiosk::EventLog {

class EventSigner
{
public:
    explicit EventSigner(Crypto::Ed25519PrivateKey key) : m_key(std::move(key)) {}

    // `draft` carries everything but sequence and prevHash, which come from the chain head
    // (`lastSequence` 0 and an empty `lastHash` for the first event). A missing id gets a
    // new UUID.
    [[nodiscard]] Result<SignedEvent> sign(Event draft, qint64 lastSequence, const QByteArray &lastHash) const;

    [[nodiscard]] Crypto::Ed25519PublicKey publicKey() const { return m_key.publicKey(); }

private:
    Crypto::Ed25519PrivateKey m_key;
};

} // namespace Kiosk::EventLog
