#include "app/store/checkrecords.h"
#include "app/store/checkrecords_p.h"

#include "app/store/crossingrepository.h"
#include "app/store/database.h"
#include "app/store/permitrepository.h"
#include "app/store/visarepository.h"
#include "app/store/watchlistrepository.h"

namespace Kiosk::Store {

Result<CheckRecords> loadCheckRecords(Database &db, const TravelDocument &document, const QDate &date)
{
    return loadCheckRecords(db, document, date, HistoryLoad::Bound);
}

Result<CheckRecords> loadCheckRecords(Database &db, const TravelDocument &document, const QDate &date, HistoryLoad load)
{
    CheckRecords out;
    // One read transaction: the figures come from one consistent snapshot even while a sync
    // writes (WAL readers do not block the writer).
    Transaction snapshot(db, Transaction::Mode::Read);
    if (!snapshot.isActive())
        return std::unexpected(snapshot.error());
    auto result = [&]() -> Result<void> {
        auto person = PersonRepository(db).find(document);
        if (!person)
            return std::unexpected(person.error());
        out.person = *person;
        if (out.person.personId) {
            const qint64 id = *out.person.personId;
            CrossingRepository crossings(db);
            if (load == HistoryLoad::RowsOnly) {
                auto history = crossings.history(id);
                if (!history)
                    return std::unexpected(history.error());
                out.history = std::move(*history);
            } else {
                auto bound = crossings.boundHistory(id);
                if (!bound)
                    return std::unexpected(bound.error());
                out.boundHistory = std::move(*bound);
                for (const BoundCrossing &b : out.boundHistory)
                    out.history.append(b.crossing);
                auto unrecorded = crossings.unrecordedCrossingEvents(id);
                if (!unrecorded)
                    return std::unexpected(unrecorded.error());
                out.unrecordedCrossingEvents = std::move(*unrecorded);
            }
            auto visas = VisaRepository(db).visasOf(id);
            if (!visas)
                return std::unexpected(visas.error());
            out.visas = *visas;
            out.visa = VisaRepository::visaFor(out.visas, date);
            auto permits = PermitRepository(db).permitsOf(id);
            if (!permits)
                return std::unexpected(permits.error());
            out.permits = *permits;
        }
        WatchlistRepository watchlist(db);
        auto hits = watchlist.hitsFor(document, date);
        if (!hits)
            return std::unexpected(hits.error());
        out.watchlistHits = *hits;
        auto imported = watchlist.lastImportedAt();
        if (!imported)
            return std::unexpected(imported.error());
        out.watchlistImportedAt = *imported;
        return {};
    }();
    if (!result)
        return std::unexpected(result.error());
    if (auto r = snapshot.commit(); !r)
        return std::unexpected(r.error());
    return out;
}

} // namespace Kiosk::Store
