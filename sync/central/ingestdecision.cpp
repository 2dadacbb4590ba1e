#include "sync/central/ingestdecision.h"

#include "sync/eventlog/event.h"

namespace Kiosk::Central {

namespace {
IngestDecision reject(const QString &reason, const QString &detail)
{
    return IngestDecision{IngestStatus::Rejected, reason, detail, false};
}
} // namespace

IngestDecision decideIngest(const IngestFacts &f, const ChainNeighbours &n)
{
    if (!f.enrolled)
        return reject(QStringLiteral("UNKNOWN_KIOSK"), QStringLiteral("kiosk '%1' is not enrolled").arg(f.kioskId));
    if (f.revoked)
        return reject(QStringLiteral("KIOSK_REVOKED"), QStringLiteral("kiosk '%1' is revoked").arg(f.kioskId));
    if (!f.sender.isEmpty() && f.sender != f.kioskId)
        return reject(QStringLiteral("WRONG_KIOSK"), QStringLiteral("event of kiosk '%1' sent by '%2'").arg(f.kioskId, f.sender));
    if (!f.signatureValid)
        return reject(QStringLiteral("BAD_SIGNATURE"), QStringLiteral("signature does not verify with the key enrolled for '%1'").arg(f.kioskId));
    // A sequence is stored once: the same bytes again are an acknowledgement the kiosk missed,
    // other bytes under it a second history (a restored backup that recorded on).
    if (n.same) {
        if (n.same->hash == f.hash)
            return IngestDecision{IngestStatus::Duplicate, {}, {}, false};
        return reject(QStringLiteral("FORK"), QStringLiteral("sequence %1 is stored with other bytes").arg(f.sequence));
    }
    if (n.idStoredAs)
        return reject(QStringLiteral("EVENT_ID_REUSED"), QStringLiteral("event id is stored as sequence %1").arg(*n.idStoredAs));
    if (f.sequence == 1 && f.prevHash != EventLog::genesisHash())
        return reject(QStringLiteral("CHAIN_BROKEN"), QStringLiteral("the first event must link to the genesis hash"));
    if (n.before && n.before->hash != f.prevHash)
        return reject(QStringLiteral("CHAIN_BROKEN"), QStringLiteral("prevHash of %1 is not the hash of stored event %2").arg(f.sequence).arg(f.sequence - 1));
    if (n.after && n.after->prevHash != f.hash)
        return reject(QStringLiteral("CHAIN_BROKEN"), QStringLiteral("stored event %1 does not link to this event %2").arg(f.sequence + 1).arg(f.sequence));
    return IngestDecision{IngestStatus::Stored, {}, {}, f.sequence > 1 && !n.before};
}

} // namespace Kiosk::Central
