#pragma once
// The kiosk's settings (issue 4 §3), from an INI file read with QSettings:
//
//   [kiosk]
//   id=KIOSK-GYD-01
//   checkpoint=GYD
//   database=/var/lib/border-kiosk/kiosk.db
//   key=/etc/border-kiosk/kiosk-key.pem          ; PKCS#8 PEM, made by `kioskctl enroll`
//   policy=/usr/share/border-kiosk/policy/policy.json   ; + policy.json.sig beside it
//   trust=/usr/share/border-kiosk/trust/policy-dev.pub.pem  ; policy signing anchor
//   [central]
//   url=https://central.example.az:8443
//   ca=/etc/border-kiosk/central-ca.pem          ; the ONLY CA trusted for the central side
//   clientCertificate=/etc/border-kiosk/kiosk-cert.pem   ; optional (mutual TLS)
//   clientKey=/etc/border-kiosk/kiosk-tls-key.pem        ; optional
//
// Location: `--config FILE`, else $KIOSK_CONFIG, else the default
// `$XDG_CONFIG_HOME/border-kiosk/kiosk.ini` (~/.config/border-kiosk/kiosk.ini). A missing
// default file is not an error (every value can come from options); a missing --config file is.
// Relative paths inside the file are relative to the file's folder. Command-line overrides
// (--db, --central, --ca, --key) win over the file.
#include "app/core/error.h"

#include <QString>

class QCommandLineParser;

namespace Kiosk::Sync {

struct KioskConfig
{
    QString kioskId;
    QString checkpoint;
    QString databasePath;
    QString keyFile;
    QString policyFile;   // empty: resources/policy/policy.json found near the program
    QString trustAnchor;  // empty: resources/trust/policy-dev.pub.pem found near the program
    QString centralUrl;
    QString caFile;
    QString clientCertificate;
    QString clientKey;
    QString sourceFile; // the INI actually read; empty if none

    [[nodiscard]] static QString defaultPath();
    // `explicitPath` empty: $KIOSK_CONFIG or the default, both optional. Errors:
    // CONFIG_NOT_FOUND (an explicit file that does not exist), CONFIG_INVALID.
    [[nodiscard]] static Result<KioskConfig> load(const QString &explicitPath);
};

// Adds --config, --db, --central, --ca, --key to a command's parser ...
void addConfigOptions(QCommandLineParser &parser);
// ... and reads the configuration with the overrides applied.
[[nodiscard]] Result<KioskConfig> configFromOptions(const QCommandLineParser &parser);

} // namespace Kiosk::Sync
