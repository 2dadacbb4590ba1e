#pragma once
// A kiosk's working set: what its checks read, and no more. Pulled crossings of other
// checkpoints arrive every day; without pruning a kiosk keeps every crossing of the country
// forever (gigabytes a year at 15,000 crossings a day). pruneWorkingSet() removes the pulled
// ("central") crossings, with their signed events, that no check from `cutoff` on reads.
//
// A pulled crossing is KEPT when any of these holds for it (crossings of a person ordered by
// local date, then id, as CrossingRepository::history reads them):
//   - it is on or after the cutoff (inside the longest window the policy looks back);
//   - it is an entry with nothing after it: the open stay, whatever its age;
//   - it is an entry next to another entry: a missing exit, which the rules report on every
//     later check (PREVIOUS_EXIT_MISSING), so both stay to keep verdicts unchanged (without the
//     second, the first would read as the open stay);
//   - its signed event carries an overstay or watchlist reason (OVERSTAY, ENTRY_BAN, WANTED,
//     DOCUMENT_REPORTED_STOLEN, PROTECTED_PERSON, EXIT_RESTRICTION);
//   - it is an entry inside the validity of one of the person's visas that is still valid at
//     the cutoff (the rules count a visa's entries used: VISA_ENTRIES_USED);
//   - one of the person's documents is on the watchlist;
//   - it is the other half of a stay (an entry and the exit after it) whose other half is kept.
// With these, a kept entry always keeps the crossing after it and a kept exit the entry
// before it, so the stays, the open entry and the missing exits the rules see for any check on
// or after the cutoff are exactly those they saw before the prune (tests/unit/store/
// tst_workingset.cpp compares them on random histories).
// The kiosk's own crossings and imported history are never pruned. Pulled events that record
// no crossing (refer, refusal) recorded before the cutoff go too. A person left with no
// crossing, visa or permit is removed with their documents.
#include "app/core/error.h"

#include <QDate>
#include <QStringList>

namespace Kiosk::Store {

class Database;

struct PruneReport
{
    QDate cutoff;
    qint64 crossingsRemoved = 0;     // pulled crossing rows (each with its signed event)
    qint64 eventsRemoved = 0;        // pulled signed events (crossing or not)
    qint64 personsRemoved = 0;       // persons left with nothing
    qint64 crossingsKept = 0;        // pulled crossing rows that remain
};

// Whether an event with these reason codes keeps its crossing whatever its age (above: OVERSTAY
// and the watchlist reasons). The sync client asks when it stores a pulled event
// (RemoteEvent::keeps); resources/sql/009_remote_event_packing.sql lists the same codes for
// the events pulled before.
[[nodiscard]] bool keepsWorkingSet(const QStringList &reasons);

// The first day a check on `today` reads history from, for a policy that looks back
// `lookBackDays` days (the check day included).
[[nodiscard]] QDate workingSetCutoff(const QDate &today, int lookBackDays);

// Prunes in ONE transaction: all or nothing. With dryRun the same prune runs and is rolled back,
// so its report is exactly what a real prune would remove.
// Errors: STORE_BAD_CUTOFF (invalid date), STORE_QUERY_FAILED, STORE_TRANSACTION_FAILED.
[[nodiscard]] Result<PruneReport> pruneWorkingSet(Database &db, const QDate &cutoff, bool dryRun = false);

} // namespace Kiosk::Store
