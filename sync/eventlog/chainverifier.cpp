#include "sync/eventlog/chainverifier.h"

namespace Kiosk::EventLog {

ChainVerifier::ChainVerifier(Crypto::Ed25519PublicKey key, QString kioskId)
    : m_key(std::move(key)), m_kioskId(std::move(kioskId)), m_prevHash(genesisHash())
{
}

Result<SignedEvent> ChainVerifier::breakAt(qint64 sequence, Error error)
{
    m_break = ChainBreak{m_count, sequence, error};
    return std::unexpected(std::move(error));
}

Result<SignedEvent> ChainVerifier::add(const QByteArray &bytes, const QByteArray &signature)
{
    if (m_break)
        return std::unexpected(m_break->error);
    // Signature first, over the stored bytes exactly as stored.
    if (!m_key.verify(bytes, signature)) {
        const auto parsed = parseEvent(bytes);
        return breakAt(parsed ? parsed->sequence : 0,
                       Error{QStringLiteral("EVENT_SIGNATURE_INVALID"),
                             QStringLiteral("signature of the event at position %1 does not verify").arg(m_count + 1)});
    }
    auto signedEvent = signedEventFromStorage(bytes, signature);
    if (!signedEvent)
        return breakAt(0, signedEvent.error());
    const Event &e = signedEvent->event;
    if (e.kioskId != m_kioskId)
        return breakAt(e.sequence, Error{QStringLiteral("EVENT_WRONG_KIOSK"),
                                         QStringLiteral("event %1 names kiosk '%2', expected '%3'").arg(e.sequence).arg(e.kioskId, m_kioskId)});
    if (e.sequence <= m_lastSequence)
        return breakAt(e.sequence, Error{QStringLiteral("EVENT_SEQUENCE_OUT_OF_ORDER"),
                                         QStringLiteral("event %1 follows event %2").arg(e.sequence).arg(m_lastSequence)});
    if (e.sequence != m_lastSequence + 1)
        return breakAt(e.sequence, Error{QStringLiteral("EVENT_SEQUENCE_GAP"),
                                         QStringLiteral("events %1..%2 are missing").arg(m_lastSequence + 1).arg(e.sequence - 1)});
    if (e.prevHash != m_prevHash)
        return breakAt(e.sequence, Error{QStringLiteral("EVENT_CHAIN_BROKEN"),
                                         QStringLiteral("event %1: prevHash is not the hash of event %2").arg(e.sequence).arg(m_lastSequence)});
    m_prevHash = signedEvent->hash();
    m_lastSequence = e.sequence;
    ++m_count;
    return signedEvent;
}

} // namespace Kiosk::EventLog
