#include "app/store/workingset.h"

#include "app/store/database.h"
#include "app/store/sqlvalue_p.h"

namespace Kiosk::Store {

namespace {

// Fills temp.prune_crossings with the pulled crossing rows to remove. Its bindings: the cutoff
// at every '?' (kCandidateBindings of them). `keep_self` is every rule of workingset.h but the
// last; the outer query adds the last one (a stay's halves go together), with IS, since the
// first and last crossing of a person have no neighbour (NULL) and NOT (NULL) would keep them.
// Only the histories of persons with a pulled crossing before the cutoff are read (index
// crossings_pulled_date, 008_working_set.sql): the window functions partition by person, so
// the others could not change the result.
constexpr int kCandidateBindings = 3;
QString candidatesSql()
{
    return QStringLiteral(
               "INSERT INTO temp.prune_crossings (id, event_id, person_id) "
               "WITH watched AS ("
               "  SELECT DISTINCT d.person_id FROM documents d JOIN watchlist_entries w "
               "    ON w.issuing_state = d.issuing_state AND w.document_number = d.number), "
               "expiring AS ("
               "  SELECT DISTINCT person_id FROM crossings WHERE source = 'central' AND local_date < ?), "
               "ordered AS ("
               "  SELECT c.id, c.person_id, c.event_id, c.direction, c.local_date, c.source, "
               "    LEAD(c.direction) OVER w AS next_direction, LAG(c.direction) OVER w AS prev_direction FROM crossings c "
               "  WHERE c.person_id IN (SELECT person_id FROM expiring) "
               "  WINDOW w AS (PARTITION BY c.person_id ORDER BY c.local_date, c.id)), "
               "judged AS ("
               "  SELECT o.*, CASE WHEN o.source <> 'central' OR o.local_date >= ? "
               "    OR (o.direction = 'entry' AND (o.next_direction IS NULL OR o.next_direction = 'entry' OR o.prev_direction = 'entry')) "
               "    OR EXISTS (SELECT 1 FROM remote_events r WHERE r.event_id = o.event_id AND r.keeps = 1) "
               "    OR o.person_id IN (SELECT person_id FROM watched) "
               "    OR (o.direction = 'entry' AND EXISTS (SELECT 1 FROM visas v WHERE v.person_id = o.person_id "
               "        AND v.valid_until >= ? AND o.local_date BETWEEN v.valid_from AND v.valid_until)) "
               "    THEN 1 ELSE 0 END AS keep_self FROM ordered o), "
               "paired AS ("
               "  SELECT j.*, LAG(j.keep_self) OVER w AS prev_keep, "
               "    LEAD(j.keep_self) OVER w AS next_keep FROM judged j "
               "  WINDOW w AS (PARTITION BY j.person_id ORDER BY j.local_date, j.id)) "
               "SELECT id, event_id, person_id FROM paired WHERE keep_self = 0 "
               "  AND NOT (direction = 'exit' AND prev_direction IS 'entry' AND prev_keep IS 1) "
               "  AND NOT (direction = 'entry' AND next_direction IS 'exit' AND next_keep IS 1)");
}

// Pulled events that record no crossing, recorded (local date) before the cutoff.
const QLatin1StringView kOldNonCrossingEvents{"FROM remote_events WHERE crossing_document IS NULL AND local_date < ?"};

Result<qint64> scalar(Database &db, const QString &sql, const QVariantList &bindings = {})
{
    auto q = db.exec(sql, bindings);
    if (!q)
        return std::unexpected(q.error());
    const qint64 v = (*q)->next() ? (*q)->value(0).toLongLong() : 0;
    (*q)->finish();
    return v;
}

Result<qint64> changed(Database &db, const QString &sql, const QVariantList &bindings = {})
{
    auto q = db.exec(sql, bindings);
    if (!q)
        return std::unexpected(q.error());
    const qint64 n = (*q)->numRowsAffected();
    (*q)->finish();
    return n;
}

} // namespace

bool keepsWorkingSet(const QStringList &reasons)
{
    static const QStringList keeping{QStringLiteral("OVERSTAY"), QStringLiteral("ENTRY_BAN"), QStringLiteral("WANTED"),
                                     QStringLiteral("DOCUMENT_REPORTED_STOLEN"), QStringLiteral("PROTECTED_PERSON"),
                                     QStringLiteral("EXIT_RESTRICTION")};
    return std::ranges::any_of(reasons, [](const QString &r) { return keeping.contains(r); });
}

QDate workingSetCutoff(const QDate &today, int lookBackDays)
{
    return today.addDays(-(std::max(lookBackDays, 1) - 1));
}

Result<PruneReport> pruneWorkingSet(Database &db, const QDate &cutoff, bool dryRun)
{
    if (!cutoff.isValid())
        return fail(QStringLiteral("STORE_BAD_CUTOFF"), QStringLiteral("the working set's cutoff is not a valid date"));
    const QVariant day = Sql::date(cutoff);
    Transaction tx(db);
    if (!tx.isActive())
        return std::unexpected(tx.error());

    for (const char *sql : {"CREATE TEMP TABLE IF NOT EXISTS prune_crossings (id INTEGER PRIMARY KEY, event_id TEXT, person_id INTEGER)",
                            "DELETE FROM temp.prune_crossings"}) {
        if (auto r = changed(db, QString::fromLatin1(sql)); !r)
            return std::unexpected(r.error());
    }
    if (auto r = changed(db, candidatesSql(), QVariantList(kCandidateBindings, day)); !r)
        return std::unexpected(r.error());

    PruneReport report;
    report.cutoff = cutoff;
    auto crossings = scalar(db, QStringLiteral("SELECT count(*) FROM temp.prune_crossings"));
    auto otherEvents = scalar(db, QStringLiteral("SELECT count(*) ") + kOldNonCrossingEvents, {day});
    auto pulled = scalar(db, QStringLiteral("SELECT count(*) FROM crossings WHERE source = 'central'"));
    if (!crossings || !otherEvents || !pulled)
        return std::unexpected(!crossings ? crossings.error() : !otherEvents ? otherEvents.error() : pulled.error());
    report.crossingsRemoved = *crossings;
    report.crossingsKept = *pulled - *crossings;

    auto events = changed(db, QStringLiteral("DELETE FROM remote_events WHERE event_id IN (SELECT event_id FROM temp.prune_crossings)"));
    auto rows = changed(db, QStringLiteral("DELETE FROM crossings WHERE id IN (SELECT id FROM temp.prune_crossings)"));
    auto other = changed(db, QStringLiteral("DELETE ") + kOldNonCrossingEvents, {day});
    if (!events || !rows || !other)
        return std::unexpected(!events ? events.error() : !rows ? rows.error() : other.error());
    auto persons = changed(db, QStringLiteral(
                                   "DELETE FROM persons WHERE id IN (SELECT person_id FROM temp.prune_crossings) "
                                   "AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.person_id = persons.id) "
                                   "AND NOT EXISTS (SELECT 1 FROM visas v WHERE v.person_id = persons.id) "
                                   "AND NOT EXISTS (SELECT 1 FROM permits m WHERE m.person_id = persons.id)"));
    if (!persons)
        return std::unexpected(persons.error());
    report.eventsRemoved = *events + *other;
    report.personsRemoved = *persons;
    if (auto cleared = changed(db, QStringLiteral("DELETE FROM temp.prune_crossings")); !cleared)
        return std::unexpected(cleared.error());
    // A dry run is the same prune, rolled back: its counts are the real prune's by construction.
    if (dryRun)
        return report; // the transaction rolls back on destruction
    if (auto c = tx.commit(); !c)
        return std::unexpected(c.error());
    return report;
}

} // namespace Kiosk::Store
