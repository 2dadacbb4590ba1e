#pragma once
// Verifies one kiosk's chain, event by event, in sequence order: each signature over the
// stored bytes (never re-serialised), the kiosk id, sequence numbers contiguous from 1, and
// each prevHash equal to SHA-256 of the previous event's signed bytes. The first broken link
// is named by its sequence number (or its position when the bytes do not parse).
#include "app/crypto/ed25519.h"
#include "sync/eventlog/event.h"

#include <optional>

namespace Kiosk::EventLog {

// Codes (stable):
//   EVENT_MALFORMED / EVENT_NOT_CANONICAL  bytes do not parse / are not canonical
//   EVENT_SIGNATURE_INVALID                signature does not verify with the kiosk's key
//   EVENT_WRONG_KIOSK                      event names another kiosk
//   EVENT_SEQUENCE_GAP                     a sequence number is missing (deleted event)
//   EVENT_SEQUENCE_OUT_OF_ORDER            a sequence number repeats or goes back (replay, reorder)
//   EVENT_CHAIN_BROKEN                     prevHash is not the previous event's hash
struct ChainBreak
{
    qint64 position = 0;   // 0-based position in the input
    qint64 sequence = 0;   // the sequence the event claims (0 if unparseable)
    Error error;
};

class ChainVerifier
{
public:
    ChainVerifier(Crypto::Ed25519PublicKey key, QString kioskId);

    // Checks the next stored event (bytes + signature as stored). On the first failure the
    // verifier stays broken: later calls return the same break.
    [[nodiscard]] Result<SignedEvent> add(const QByteArray &bytes, const QByteArray &signature);

    [[nodiscard]] const std::optional<ChainBreak> &firstBreak() const { return m_break; }
    [[nodiscard]] qint64 verifiedCount() const { return m_count; }
    [[nodiscard]] const QByteArray &headHash() const { return m_prevHash; }

private:
    Result<SignedEvent> breakAt(qint64 sequence, Error error);

    Crypto::Ed25519PublicKey m_key;
    QString m_kioskId;
    QByteArray m_prevHash;
    qint64 m_lastSequence = 0;
    qint64 m_count = 0;
    std::optional<ChainBreak> m_break;
};

} // namespace Kiosk::EventLog
