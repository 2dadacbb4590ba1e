#include "sync/eventlog/eventsigner.h"

#include <QUuid>

namespace Kiosk::EventLog {

Result<SignedEvent> EventSigner::sign(Event draft, qint64 lastSequence, const QByteArray &lastHash) const
{
    if (draft.id.isEmpty())
        draft.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    draft.sequence = lastSequence + 1;
    draft.prevHash = lastSequence == 0 ? genesisHash() : lastHash;
    auto bytes = canonicalBytes(draft);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto signature = m_key.sign(*bytes);
    if (!signature)
        return std::unexpected(signature.error());
    // Keep exactly what was signed; the parsed view is the draft as it was encoded.
    auto parsed = parseEvent(*bytes);
    if (!parsed)
        return std::unexpected(parsed.error());
    return SignedEvent{std::move(*bytes), std::move(*signature), std::move(*parsed)};
}

} // namespace Kiosk::EventLog
