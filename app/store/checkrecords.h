#pragma once
// Everything the store knows that one check needs (`kioskctl check --db`, the
// session): who the traveller is in the register, their history, visas, permits and the
// watchlist hits. Loaded with the indexed lookups measured by tests/bench/bench_store.cpp.
#include "app/core/checkinputs.h"
#include "app/core/crossing.h"
#include "app/core/error.h"
#include "app/core/traveldocument.h"
#include "app/store/crossingrepository.h"
#include "app/store/personrepository.h"

#include <QDateTime>
#include <QList>
#include <optional>

namespace Kiosk::Store {

class Database;

struct CheckRecords
{
    PersonMatch person;                  // by document, by identity, or unknown; possible same persons
    QList<Crossing> history;             // the person's crossings, oldest first (empty if unknown)
    // The same rows with what binds them to their signed events, and the person's crossing
    // events no row names: the session checks them before a verdict uses history.
    QList<BoundCrossing> boundHistory;
    QList<QByteArray> unrecordedCrossingEvents;
    QList<Visa> visas;                   // the person's visas from the register
    std::optional<Visa> visa;            // the one for a check on the date (VisaRepository::visaFor)
    QList<Permit> permits;
    QList<WatchlistEntry> watchlistHits; // entries that match (documents, persons, exit restrictions)
    std::optional<QDateTime> watchlistImportedAt; // for WATCHLIST_STALE; none = never imported
};

// Errors: those of the repositories (STORE_QUERY_FAILED, ...).
[[nodiscard]] Result<CheckRecords> loadCheckRecords(Database &db, const TravelDocument &document, const QDate &date);

} // namespace Kiosk::Store
