#pragma once
// Day counting (domain-rules §2 "Counting days"): which calendar days of a stay count, the
// last day a stay may last under a per-entry or a rolling rule, and the stays a crossing
// history describes. Pure functions over calendar dates (the checkpoint's local dates).
#include "app/core/crossing.h"
#include "app/rules/policy.h"

#include <QDate>
#include <QList>
#include <optional>

namespace Kiosk::Rules {

// One stay in the country: entry and exit dates, both inclusive, entry <= exit.
struct Stay
{
    QDate entry;
    QDate exit;
    friend bool operator==(const Stay &, const Stay &) = default;
};

// The days of a stay [entry, exit] that count: all of them, less the entry day when it does
// not count and the exit day when it does not (a same-day stay then counts nothing).
[[nodiscard]] qint64 countedDays(const QDate &entry, const QDate &exit, const DayCounting &counting);

// The last day a stay entered on `entry` may last when each entry allows `days` days
// (`per_entry`): entry + days - 1 with both ends counting (1 March + 90 days -> 29 May).
[[nodiscard]] QDate perEntryAllowedUntil(const QDate &entry, int days, const DayCounting &counting);

// The last day a stay entered on `entry` may last when at most `days` counted days may fall
// in any window of `windowDays` consecutive days (`rolling`), given the earlier stays.
// Returns a day before `entry` (entry - 1, or the last uncounted day) when the allowance is
// already used up on the day of entry.
[[nodiscard]] QDate rollingAllowedUntil(const QList<Stay> &previous, const QDate &entry, int days,
                                        int windowDays, const DayCounting &counting);

// Counted days of `stays` inside the window of `windowDays` days ending on `day`.
[[nodiscard]] qint64 countedInWindow(const QList<Stay> &stays, const QDate &day, int windowDays,
                                     const DayCounting &counting);

// What a history says, read up to and including `through` (later crossings are ignored:
// a check of a past date sees the history as it was).
struct HistoryView
{
    QList<Stay> stays;                  // completed stays, oldest first
    std::optional<QDate> openEntry;     // the last entry when no exit followed it
    // Entries followed by another entry with no exit between: the person left without the
    // exit being recorded (domain-rules §6 PREVIOUS_EXIT_MISSING). Such a stay counts its
    // entry day only: when the person left is not known, and guessing long would invent an
    // overstay.
    QList<QDate> entriesWithoutExit;
    // Exits with no entry before them (an exit at a checkpoint that has not synchronised).
    QList<QDate> exitsWithoutEntry;
};
[[nodiscard]] HistoryView readHistory(QList<Crossing> history, const QDate &through);

} // namespace Kiosk::Rules
