#pragma once
#include <QSize>
#include <QString>

namespace Kiosk::Session {
class DemoEnvironment;
}

// Renders the officer console for the demo's ADMIT, REFER (overstay) and REFUSE (entry ban)
// samples into `dir` as PNG files (scripts/screenshots, README), the window at `size` logical
// pixels (1280x800, 1920x1080). Returns the exit status.
int renderScreenshots(Kiosk::Session::DemoEnvironment &env, const QString &dir, QSize size = QSize(1280, 800));
