#include "app/session/storeinputs.h"

#include <algorithm>

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
    in.history = records.history;
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
