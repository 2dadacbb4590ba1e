#pragma once
#include <QString>

namespace Kiosk::Session {
class DemoEnvironment;
}

// Renders the officer console for the demo's ADMIT, REFER (overstay) and REFUSE (entry ban)
// samples into `dir` as PNG files (scripts/screenshots, README). Returns the exit status.
int renderScreenshots(Kiosk::Session::DemoEnvironment &env, const QString &dir);
