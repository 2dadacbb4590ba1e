#include "sync/client/storedchain.h"

#include "app/store/eventrepository.h"
#include "sync/client/crossingrecorder.h"

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
            // The unsigned columns too (kiosk_id, recorded_at, crossing_document): they are
            // derived from the signed bytes when written, so any difference is an edit.
            QStringList differ;
            if (checked->event.sequence != row.sequence)
                differ << QStringLiteral("sequence");
            if (checked->event.id != row.eventId)
                differ << QStringLiteral("event_id");
            if (checked->hash() != row.hash)
                differ << QStringLiteral("hash");
            if (checked->event.kioskId != row.kioskId)
                differ << QStringLiteral("kiosk_id");
            if (!row.recordedAt.isValid() || row.recordedAt.toSecsSinceEpoch() != checked->event.recordedAt.toSecsSinceEpoch())
                differ << QStringLiteral("recorded_at");
            if (crossingDocumentOf(checked->event) != row.crossingDocument)
                differ << QStringLiteral("crossing_document");
            if (!differ.isEmpty()) {
                report.firstBreak = EventLog::ChainBreak{position, row.sequence,
                    Error{QStringLiteral("EVENT_ROW_MISMATCH"),
                          QStringLiteral("events row %1: column %2 differs from the signed event").arg(row.sequence).arg(differ.join(QStringLiteral(", ")))}};
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
