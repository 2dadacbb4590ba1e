#pragma once
// What a check read before its history was bound to the signed events: the rows
// only. For tests/bench/bench_store.cpp, which times the binding against this baseline on the
// same code path; never for a verdict, which counts CheckRecords::boundHistory (left empty here,
// with unrecordedCrossingEvents) through Session::bindHistory().
#include "app/store/checkrecords.h"

namespace Kiosk::Store {

enum class HistoryLoad {
    Bound,   // loadCheckRecords(): history, boundHistory and unrecordedCrossingEvents
    RowsOnly // history only (CrossingRepository::history), as before the binding
};

[[nodiscard]] Result<CheckRecords> loadCheckRecords(Database &db, const TravelDocument &document, const QDate &date, HistoryLoad load);

} // namespace Kiosk::Store
