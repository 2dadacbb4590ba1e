#pragma once
// IATA Resolution 792 (BCBP) parser for format M, versions 1 to 8.
// Tolerant as passes in the field require (the cases kitinerary collects): conditional
// sections missing or shorter than their size fields, lower case, trailing spaces or
// line ends. Strict where reading on would be guessing: a size field that is not hex is
// an error naming its offset, and nothing is ever read past the end of the data.
#include "app/core/error.h"
#include "scanner/barcode/bcbp/boardingpass.h"

#include <QDate>
#include <QJsonObject>

namespace Kiosk::Bcbp {

// Errors: BCBP_TOO_SHORT, BCBP_BAD_FORMAT (not "M"), BCBP_BAD_LEG_COUNT,
// BCBP_TRUNCATED (a mandatory leg section cut off), BCBP_BAD_SIZE_FIELD (not hex).
// Every message names the byte offset.
[[nodiscard]] Result<BoardingPass> parseBcbp(QByteArrayView data);

// Does `data` look like a BCBP (format code and leg count)? Cheap, for classification.
[[nodiscard]] bool looksLikeBcbp(QByteArrayView data);

// The date of a Julian day of flight: the year among context-1, context, context+1 that
// puts the day nearest to `context` (a boarding pass is read near its flight). Error
// BCBP_BAD_DATE for day 0, > 366, or 366 when none of those years is a leap year.
[[nodiscard]] Result<QDate> resolveDayOfFlight(int dayOfYear, const QDate &context);

// The date of issue (item 22, "YDDD"): the latest year ending in Y that does not put the
// date after `context`. Error BCBP_BAD_DATE when the field is not 4 digits or the day
// does not exist in that year.
[[nodiscard]] Result<QDate> resolveDateOfIssue(QStringView raw, const QDate &context);

// JSON for kioskctl: legs as a list; with a valid `context`, each leg gets "date" (or
// "date_error") and the pass "date_of_issue".
[[nodiscard]] QJsonObject boardingPassToJson(const BoardingPass &pass, const QDate &context);

} // namespace Kiosk::Bcbp
