#include "app/session/historybinding.h"

#include "sync/client/crossingrecorder.h"
#include "sync/eventlog/event.h"

#include <algorithm>

namespace Kiosk::Session {

QString HistoryProblem::describe() const
{
    QString where = crossingId ? QStringLiteral("crossing %1").arg(crossingId) : QStringLiteral("no crossing row");
    if (!eventId.isEmpty())
        where += QStringLiteral(", event %1").arg(eventId);
    if (code == QLatin1String("CROSSING_MISMATCH"))
        return QStringLiteral("%1: %2 differs from the signed event").arg(where, fields.join(QStringLiteral(", ")));
    if (code == QLatin1String("CROSSING_ROW_MISSING"))
        return QStringLiteral("%1: the signed crossing has no crossing row (deleted, or its event id changed)").arg(where);
    if (code == QLatin1String("CROSSING_EVENT_UNREADABLE"))
        return QStringLiteral("%1: the named event's bytes are not a signed crossing event").arg(where);
    return QStringLiteral("%1: the row names no event that is stored").arg(where);
}

namespace {

Crossing crossingOf(const EventLog::Event &e)
{
    return Crossing{e.direction, e.recordedAt.date(), e.checkpoint};
}

QStringList differences(const Store::BoundCrossing &row, const EventLog::Event &e)
{
    QStringList out;
    if (row.crossing.direction != e.direction)
        out << QStringLiteral("direction");
    if (row.crossing.date != e.recordedAt.date())
        out << QStringLiteral("local_date");
    if (row.crossing.checkpoint != e.checkpoint)
        out << QStringLiteral("checkpoint");
    if (row.documentKey != Sync::crossingDocumentOf(e))
        out << QStringLiteral("document_id");
    // An imported row may name its event without the kiosk and instant; what it gives must agree.
    const bool imported = row.source == QLatin1String("import");
    if (row.kioskId != e.kioskId && !(imported && row.kioskId.isEmpty()))
        out << QStringLiteral("kiosk_id");
    // The signed instant has whole seconds; the column keeps the clock's milliseconds.
    const QDateTime at = QDateTime::fromString(row.recordedAt, Qt::ISODateWithMs);
    if ((!at.isValid() || at.toSecsSinceEpoch() != e.recordedAt.toSecsSinceEpoch()) && !(imported && row.recordedAt.isEmpty()))
        out << QStringLiteral("recorded_at");
    return out;
}

} // namespace

BoundHistory bindHistory(const QList<Store::BoundCrossing> &rows, const QList<QByteArray> &unrecordedCrossingEvents)
{
    BoundHistory out;
    for (const Store::BoundCrossing &row : rows) {
        const bool imported = row.source == QLatin1String("import");
        if (row.eventBytes.isEmpty()) {
            // Only an import may stand without its event; a kiosk's or a feed's row is a copy.
            if (imported)
                out.history.append(row.crossing);
            else
                out.problems.append(HistoryProblem{row.crossingId, row.eventId, QStringLiteral("CROSSING_EVENT_MISSING"), {}});
            continue;
        }
        // Fields only: the bytes were parsed in full when stored; an edit of them is the
        // signature's business (log verify), and the re-encoding would double the cost.
        auto event = EventLog::parseEvent(row.eventBytes, EventLog::ParseCheck::FieldsOnly);
        if (!event || !Sync::recordsCrossing(*event) || event->id != row.eventId) {
            out.problems.append(HistoryProblem{row.crossingId, row.eventId, QStringLiteral("CROSSING_EVENT_UNREADABLE"), {}});
            continue;
        }
        if (const QStringList fields = differences(row, *event); !fields.isEmpty())
            out.problems.append(HistoryProblem{row.crossingId, row.eventId, QStringLiteral("CROSSING_MISMATCH"), fields});
        out.history.append(crossingOf(*event)); // the signed values, whatever the copy says
    }
    for (const QByteArray &bytes : unrecordedCrossingEvents) {
        auto event = EventLog::parseEvent(bytes, EventLog::ParseCheck::FieldsOnly);
        if (!event)
            continue; // unreadable bytes are the chain's problem: log verify names them
        out.problems.append(HistoryProblem{0, event->id, QStringLiteral("CROSSING_ROW_MISSING"), {}});
        out.history.append(crossingOf(*event));
    }
    std::stable_sort(out.history.begin(), out.history.end(), [](const Crossing &a, const Crossing &b) { return a.date < b.date; });
    return out;
}

Result<QList<HistoryProblem>> verifyAllCrossings(Store::Database &db, qint64 *checked)
{
    Store::CrossingRepository crossings(db);
    QList<HistoryProblem> problems;
    qint64 after = 0;
    qint64 count = 0;
    for (;;) {
        auto page = crossings.allBound(after, 1000);
        if (!page)
            return std::unexpected(page.error());
        if (page->isEmpty())
            break;
        problems += bindHistory(*page, {}).problems;
        count += page->size();
        after = page->last().crossingId;
    }
    auto unrecorded = crossings.allUnrecordedCrossingEvents();
    if (!unrecorded)
        return std::unexpected(unrecorded.error());
    problems += bindHistory({}, *unrecorded).problems;
    if (checked)
        *checked = count;
    return problems;
}

} // namespace Kiosk::Session
