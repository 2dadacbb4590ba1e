#include "app/session/storeinputs.h"

#include "app/session/historybinding.h"

#include <QLoggingCategory>

#include <algorithm>

Q_LOGGING_CATEGORY(lcHistory, "kiosk.session.history", QtInfoMsg)

namespace Kiosk::Session {

Rules::CheckInputs storeCheckInputs(const TravelDocument &document, Direction direction, const QDate &date,
                                    const Store::CheckRecords &records, const QDateTime &now)
{
    Rules::CheckInputs in;
    in.document = document;
    in.direction = direction;
    in.date = date;
    // The person's history, found by document or by nationality + birth date + names (a new
    // passport); partial name matches are never merged, they make POSSIBLE_SAME_PERSON.
    // Counted as the signed events say: a row edited in the database file is reported and
    // overruled, never believed (app/session/historybinding.h).
    const BoundHistory bound = bindHistory(records.boundHistory, records.unrecordedCrossingEvents);
    in.history = bound.history;
    in.status.historyTamperedRows = static_cast<int>(bound.problems.size());
    for (const HistoryProblem &p : bound.problems)
        qCWarning(lcHistory).noquote() << "history does not match the signed event log:" << p.code << p.describe();
    in.permits = records.permits;
    in.visa = records.visa;
    in.watchlist = records.watchlistHits;
    in.status.historyJoinedByNameOnly = records.person.possibleSamePerson();
    if (records.watchlistImportedAt) {
        const qint64 hours = records.watchlistImportedAt->secsTo(now) / 3600;
        in.status.watchlistAgeHours = static_cast<int>(std::clamp<qint64>(hours, 0, 1000000));
    } else {
        in.status.watchlistNeverSynchronised = true;
    }
    return in;
}

} // namespace Kiosk::Session
