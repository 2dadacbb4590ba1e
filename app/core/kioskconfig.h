#pragma once
// The kiosk's settings, from an INI file read with QSettings:
//
//   [kiosk]
//   id=KIOSK-GYD-01
//   checkpoint=GYD
//   database=/var/lib/border-kiosk/kiosk.db
//   key=/etc/border-kiosk/kiosk-key.pem          ; PKCS#8 PEM, made by `kioskctl enroll`
//   policy=/usr/share/border-kiosk/policy/policy.json   ; + policy.json.sig beside it
//   trust=/etc/border-kiosk/policy-signing.pub.pem      ; the agency's policy signing anchor
//   operators=/etc/border-kiosk/operators.json  ; default: operators.json beside the INI
//   [central]
//   url=https://central.example.az:8443
//   ca=/etc/border-kiosk/central-ca.pem          ; the ONLY CA trusted for the central side
//   clientCertificate=/etc/border-kiosk/kiosk-cert.pem   ; optional (mutual TLS)
//   clientKey=/etc/border-kiosk/kiosk-tls-key.pem        ; optional
//   [info]
//   staff_pin_hash=$pbkdf2-sha256$...   ; `kioskctl operator staff-pin` writes it
//   idle_seconds=30
//   kiosk_mode=true
//
// Written by `kioskctl enroll` and `kioskctl operator staff-pin` through setIniValues(), which
// edits the file in place (comments and unknown keys kept) and replaces it atomically.
//
// Location: `--config FILE`, else $KIOSK_CONFIG, else the default
// `$XDG_CONFIG_HOME/border-kiosk/kiosk.ini` (~/.config/border-kiosk/kiosk.ini). A missing
// default file is not an error (every value can come from options); a missing --config file is.
// Relative paths inside the file are relative to the file's folder. Command-line overrides
// (--db, --central, --ca, --key) win over the file.
#include "app/core/error.h"

#include <QList>
#include <QString>

class QCommandLineParser;

namespace Kiosk {

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
    QString operatorsFile; // [kiosk] operators; default operators.json beside the INI
    struct Info
    {
        QString staffPinHash; // empty: the information screen has no staff exit
        int idleSeconds = 30;
        bool kioskMode = true;
    } info;
    QString sourceFile; // the INI actually read; empty if none
    QString path;       // where the INI is or would be (sourceFile, else the resolved location)

    // The kiosk's state folder when the INI names none: /var/lib/border-kiosk for the system
    // configuration in /etc/border-kiosk, else the INI's own folder.
    [[nodiscard]] QString defaultStateDir() const;

    [[nodiscard]] static QString defaultPath();
    // `explicitPath` empty: $KIOSK_CONFIG or the default, both optional. Errors:
    // CONFIG_NOT_FOUND (an explicit file that does not exist), CONFIG_INVALID.
    [[nodiscard]] static Result<KioskConfig> load(const QString &explicitPath);
};

// One `key=value` to write into `section` of an INI file.
struct IniValue
{
    QString section;
    QString key;
    QString value;
};

// Sets `values` in the INI file at `path`, keeping everything else as it is: a key already
// set is replaced on its line, a commented-out `;key=` placeholder (the shipped kiosk.ini) is
// replaced by the value, anything else is added at the end of its section (the section at the
// end of the file if it is missing). A new file is created 0640. The file is replaced
// atomically. Errors: FILE_UNWRITABLE, CONFIG_INVALID (the file is not UTF-8 text).
[[nodiscard]] Result<void> setIniValues(const QString &path, const QList<IniValue> &values);

// Adds --config, --db, --central, --ca, --key to a command's parser ...
void addConfigOptions(QCommandLineParser &parser);
// ... and reads the configuration with the overrides applied.
[[nodiscard]] Result<KioskConfig> configFromOptions(const QCommandLineParser &parser);

} // namespace Kiosk
