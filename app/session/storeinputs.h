#pragma once
// The rules' inputs for one check, from what the store holds. One place for every caller
// (the session, `kioskctl check --db`, `kioskctl record`), so they cannot drift apart.
#include "app/core/traveldocument.h"
#include "app/core/verdict.h"
#include "app/rules/engine.h"
#include "app/store/checkrecords.h"

#include <QDate>
#include <QDateTime>

namespace Kiosk::Session {

// `now` is the instant of the check (the caller's clock): the watchlist's age is measured
// from it. A store that never received a watchlist is reported as such: a check against
// no watchlist at all must not look like a clean one (domain-rules §5-6).
[[nodiscard]] Rules::CheckInputs storeCheckInputs(const TravelDocument &document, Direction direction,
                                                  const QDate &date, const Store::CheckRecords &records,
                                                  const QDateTime &now);

} // namespace Kiosk::Session
