#pragma once
// The history a verdict counts on, checked against the signed event log.
//
// A crossing row is a copy of a signed event, kept so that a check finds a person's history by
// index; anyone with write access to the database file can edit the copy. Before a verdict uses
// the rows, each one is compared with the signed bytes of the event it names (direction, local
// date, checkpoint, kiosk, instant, document), and the person's crossing events that no row
// names are looked for. Where a row and its event disagree, the signed event wins: the verdict
// counts what was signed, and a problem is reported (REFER HISTORY_TAMPERED), never a silent
// wrong ADMIT. Rows imported without an event (source "import") are taken as imported.
//
// This is the cheap check (no signature verification: that, with the chain, is `kioskctl log
// verify`): a changed copy is caught here, changed signed bytes there.
#include "app/core/crossing.h"
#include "app/core/error.h"
#include "app/store/crossingrepository.h"

#include <QList>
#include <QString>

namespace Kiosk::Store {
class Database;
}

namespace Kiosk::Session {

struct HistoryProblem
{
    qint64 crossingId = 0;   // 0: no row (a crossing event no row names)
    QString eventId;
    QString code;            // CROSSING_EVENT_MISSING | CROSSING_EVENT_UNREADABLE | CROSSING_MISMATCH | CROSSING_ROW_MISSING
    QStringList fields;      // CROSSING_MISMATCH: the columns that differ from the signed event
    [[nodiscard]] QString describe() const; // for logs and log verify: ids and column names only
};

struct BoundHistory
{
    QList<Crossing> history;        // what the signed events say, oldest first
    QList<HistoryProblem> problems; // empty: every row equals its signed event
};

// Every crossing row of the database against its event, and every crossing event against its
// row (`kioskctl log verify`). Errors: the store's.
[[nodiscard]] Result<QList<HistoryProblem>> verifyAllCrossings(Store::Database &db, qint64 *checked = nullptr);

[[nodiscard]] BoundHistory bindHistory(const QList<Store::BoundCrossing> &rows, const QList<QByteArray> &unrecordedCrossingEvents);

} // namespace Kiosk::Session
