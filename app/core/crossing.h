#pragma once
#include "app/core/verdict.h"

#include <QDate>
#include <QString>

namespace Kiosk {

// One recorded border crossing of a person, as the rules need it: which way and on which
// local calendar date (the checkpoint's time zone, never a UTC date: domain-rules §2).
struct Crossing
{
    Direction direction = Direction::Entry;
    QDate date;
    QString checkpoint; // checkpoint code, e.g. "GYD" (airport) or "KRM" (land)

    friend bool operator==(const Crossing &, const Crossing &) = default;
};

} // namespace Kiosk
