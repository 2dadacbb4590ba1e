#include "app/rules/staycalc.h"

#include <algorithm>
#include <vector>

namespace Kiosk::Rules {

namespace {
// First and last counted day of a stay; first > last when it counts nothing.
std::pair<QDate, QDate> countedRange(const Stay &s, const DayCounting &counting)
{
    return {s.entry.addDays(counting.entryDayCounts ? 0 : 1), s.exit.addDays(counting.exitDayCounts ? 0 : -1)};
}
} // namespace

qint64 countedDays(const QDate &entry, const QDate &exit, const DayCounting &counting)
{
    const auto [first, last] = countedRange(Stay{entry, exit}, counting);
    return first <= last ? first.daysTo(last) + 1 : 0;
}

QDate perEntryAllowedUntil(const QDate &entry, int days, const DayCounting &counting)
{
    // countedDays(entry, L) = L - entry + 1 - (entry uncounted) - (exit uncounted) <= days
    const int extra = (counting.entryDayCounts ? 0 : 1) + (counting.exitDayCounts ? 0 : 1);
    return entry.addDays(days - 1 + extra);
}

QDate rollingAllowedUntil(const QList<Stay> &previous, const QDate &entry, int days, int windowDays,
                          const DayCounting &counting)
{
    windowDays = std::max(windowDays, 1); // the parser guarantees M > N; a hand-made policy must not crash
    const qint64 a = counting.entryDayCounts ? 0 : 1;
    const qint64 b = counting.exitDayCounts ? 0 : 1;
    const QDate firstCounted = entry.addDays(a);
    // Only earlier days inside a window that ends on a day of this stay matter: from
    // firstCounted - (M - 1) up to the day before firstCounted. Earlier stays' days on or
    // after firstCounted coincide with this stay's own (a same-day re-entry) and are not
    // counted twice.
    const QDate rangeStart = firstCounted.addDays(-(windowDays - 1));
    const auto span = static_cast<size_t>(windowDays - 1);
    std::vector<int> prefix(span + 1, 0); // prefix[i] = counted earlier days in [rangeStart, rangeStart + i)
    {
        std::vector<int> present(span, 0);
        for (const Stay &s : previous) {
            const auto [first, last] = countedRange(s, counting);
            for (QDate d = std::max(first, rangeStart); d <= last && d < firstCounted; d = d.addDays(1))
                present[static_cast<size_t>(rangeStart.daysTo(d))] = 1;
        }
        for (size_t i = 0; i < span; ++i)
            prefix[i + 1] = prefix[i] + present[i];
    }
    // Counted earlier days in the window ending on t (t >= firstCounted): the window starts at
    // t - M + 1, i.e. index (t - M + 1 - rangeStart) = (t - firstCounted), and reaches the end
    // of the earlier-days range.
    QDate lastOk = firstCounted.addDays(-1);
    for (qint64 k = 0; k <= days; ++k) { // at most `days` counted days of this stay alone
        const auto from = static_cast<size_t>(std::min<qint64>(k, static_cast<qint64>(span)));
        const qint64 earlier = prefix[span] - prefix[from];
        const qint64 own = std::min<qint64>(k + 1, windowDays);
        if (earlier + own > days)
            break;
        lastOk = firstCounted.addDays(k);
    }
    // The stay may last through the counted day, plus an uncounted exit day.
    return lastOk.addDays(b);
}

qint64 countedInWindow(const QList<Stay> &stays, const QDate &day, int windowDays, const DayCounting &counting)
{
    windowDays = std::max(windowDays, 1);
    const QDate start = day.addDays(-(windowDays - 1));
    std::vector<char> seen(static_cast<size_t>(windowDays), 0);
    for (const Stay &s : stays) {
        const auto [first, last] = countedRange(s, counting);
        for (QDate d = std::max(first, start); d <= last && d <= day; d = d.addDays(1))
            seen[static_cast<size_t>(start.daysTo(d))] = 1;
    }
    return std::ranges::count(seen, 1);
}

HistoryView readHistory(QList<Crossing> history, const QDate &through)
{
    // Stable: two crossings of one day keep the order they were recorded in.
    std::ranges::stable_sort(history, {}, &Crossing::date);
    HistoryView view;
    for (const Crossing &c : std::as_const(history)) {
        if (!c.date.isValid() || c.date > through)
            continue;
        if (c.direction == Direction::Entry) {
            if (view.openEntry) {
                view.entriesWithoutExit.append(*view.openEntry);
                view.stays.append(Stay{*view.openEntry, *view.openEntry});
            }
            view.openEntry = c.date;
        } else if (view.openEntry) {
            view.stays.append(Stay{*view.openEntry, c.date});
            view.openEntry.reset();
        } else {
            view.exitsWithoutEntry.append(c.date);
        }
    }
    return view;
}

} // namespace Kiosk::Rules
