#pragma once
// Builds the configured sources from settings (QSettings group "sources"), so the composition
// roots (border-kiosk, the UI tests) need one call. Reading and building are separate: the
// settings are checked as a whole first, and a mistake is an error value naming its key.
//
//   [sources]
//   enabled=wedge, serial            ; camera, serial, wedge, folder, simulator (default: wedge)
//   camera/device=Document Camera    ; id or (part of a) description; empty: default camera
//   camera/maxFps=10
//   camera/removedAfterFrames=10     ; after a read, frames in a row without an MRZ = removed; 0: never
//   serial/port=/dev/ttyUSB0         ; required when serial is enabled
//   serial/baud=9600
//   serial/dataBits=8                ; 5..8
//   serial/parity=none               ; none, even, odd, space, mark
//   serial/stopBits=1                ; 1, 1.5, 2
//   serial/flowControl=none          ; none, hardware, software
//   serial/retryInitialMs=500
//   serial/retryMaxMs=30000
//   serial/lineGapMs=2000
//   serial/removedLine=              ; the reader's "page removed" line (regex, whole line); empty: none
//   wedge/maxKeyGapMs=35
//   wedge/maxLineGapMs=200
//   wedge/maxMedianGapMs=15
//   wedge/tailMs=200
//   folder/path=/srv/scans           ; required when folder is enabled
//   folder/settleMs=500
//   folder/extensions=png, jpg, jpeg, tif, tiff, bmp
//   folder/reportExisting=false
//   simulator/playlist=resources/samples/simulator/demo.playlist
//   simulator/intervalMs=0           ; 0: next() only
//   simulator/loop=true
//
// Relative paths are taken from the settings file's folder.
#include "scanner/sources/camerasource.h"
#include "scanner/sources/foldersource.h"
#include "scanner/sources/keyboardwedgesource.h"
#include "scanner/sources/serialdocumentreader.h"
#include "scanner/sources/simulatorsource.h"
#include "scanner/sources/wedgeclassifier.h"

#include <memory>
#include <vector>

class QSettings;

namespace Kiosk::Sources {

struct SourcesConfig {
    QList<SourceKind> enabled{SourceKind::KeyboardWedge};
    CameraSettings camera;
    SerialSettings serial;
    WedgeTiming wedge;
    FolderSettings folder;
    SimulatorSettings simulator;
};

// Errors: SOURCE_SETTING_INVALID, the message naming the key ("sources/serial/parity: ...").
[[nodiscard]] Result<SourcesConfig> readSourcesConfig(QSettings &settings);
// One source per enabled kind, in the order listed; not started.
[[nodiscard]] std::vector<std::unique_ptr<DocumentSource>> createSources(const SourcesConfig &config);
[[nodiscard]] Result<std::vector<std::unique_ptr<DocumentSource>>> createSources(QSettings &settings);

} // namespace Kiosk::Sources
