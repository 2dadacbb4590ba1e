#include "app/core/clock.h"

namespace Kiosk {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

QDate localDate(const QDateTime &instant, const QTimeZone &checkpointZone)
{
    return instant.toTimeZone(checkpointZone).date();
}

QTimeZone defaultCheckpointZone()
{
    QTimeZone zone("Asia/Baku");
    // Azerbaijan has kept UTC+4 with no daylight saving since 2016; fall back to that
    // fixed offset when the system has no zone database.
    return zone.isValid() ? zone : QTimeZone(4 * 3600);
}

} // namespace Kiosk
