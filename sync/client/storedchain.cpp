#include "sync/client/storedchain.h"

#include "app/store/eventrepository.h"

namespace Kiosk::Sync {

Result<StoredChainReport> verifyStoredChain(Store::Database &db, const Crypto::Ed25519PublicKey &key, QString kioskId)
{
    Store::EventRepository events(db);
    StoredChainReport report;
    std::optional<EventLog::ChainVerifier> verifier;
    qint64 after = 0;
    qint64 position = 0;
    for (;;) {
        auto page = events.events(after, 1000);
        if (!page)
            return std::unexpected(page.error());
        if (page->isEmpty())
            break;
        for (const Store::StoredEvent &row : *page) {
            if (!verifier) {
                if (kioskId.isEmpty())
                    kioskId = row.kioskId;
                verifier.emplace(key, kioskId);
            }
            auto checked = verifier->add(row.bytes, row.signature);
            if (!checked) {
                report.firstBreak = verifier->firstBreak();
                return report;
            }
            // The row's own columns must say what the signed bytes say: the next event is
            // chained from the stored hash, and lookups go by these columns.
            if (checked->event.sequence != row.sequence || checked->event.id != row.eventId || checked->hash() != row.hash) {
                report.firstBreak = EventLog::ChainBreak{position, row.sequence,
                    Error{QStringLiteral("EVENT_ROW_MISMATCH"),
                          QStringLiteral("row %1: its sequence, event id or hash column differs from the signed event").arg(row.sequence)}};
                return report;
            }
            ++report.verified;
            ++position;
            after = row.sequence;
        }
    }
    return report;
}

} // namespace Kiosk::Sync
