// kioskctl operator add --id ID [--name NAME] [--operators FILE] [--config FILE]
// kioskctl operator staff-pin [--config FILE].
// Both read a new PIN twice without echo (from the terminal; from standard
// input's first two lines when that is not a terminal) and store only its PBKDF2-HMAC-SHA256
// hash at 600,000 iterations (app/crypto/passwordhash.h):
//   operator add       the officer's entry in the operators file ([kiosk] operators, default
//                      operators.json beside kiosk.ini); an existing id gets the new PIN.
//   operator staff-pin [info] staff_pin_hash in kiosk.ini, the information screen's staff exit.
// Files are replaced atomically; a new operators file is made 0640. Exit 0 written, 1 a file
// could not be read or written, 2 usage (a PIN refused, the two PINs different).
#include "app/crypto/passwordhash.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/kioskctl/pinprompt.h"
#include "app/core/privatefile.h"
#include "app/session/operatordirectory.h"
#include "app/core/kioskconfig.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

int failed(const QString &command, const Error &e)
{
    printError(QStringLiteral("%1: %2 (%3)").arg(command, e.message, e.code));
    return ExitNegative;
}

// The configuration named by --config (or the usual places). A --config that does not exist
// is an error: these commands add to an enrolled kiosk's files, they do not make one.
std::optional<KioskConfig> configFor(const QCommandLineParser &p, const QString &command)
{
    auto config = KioskConfig::load(p.value(QStringLiteral("config")));
    if (!config) {
        printError(QStringLiteral("%1: %2").arg(command, config.error().message));
        return std::nullopt;
    }
    return *config;
}

std::optional<QString> newPinHash(const QString &what)
{
    auto pin = readNewPin(what);
    if (!pin)
        return std::nullopt;
    auto hash = Crypto::hashPassword(*pin, {Crypto::kDefaultPbkdf2Iterations, 16});
    pin->fill(u'0');
    if (!hash) {
        printError(hash.error().message);
        return std::nullopt;
    }
    return *hash;
}

int runOperatorAdd(const QStringList &args)
{
    const QString command = QStringLiteral("operator add");
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Officer id, e.g. OF-1001"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("name"), QStringLiteral("Display name (default: the id)"), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("operators"), QStringLiteral("Operators file (default: [kiosk] operators, else operators.json beside kiosk.ini)"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("config"), QStringLiteral("Kiosk INI file (default %1)").arg(KioskConfig::defaultPath()), QStringLiteral("FILE")});
    if (!parseArgs(p, command, args))
        return ExitUsage;
    const QString id = p.value(QStringLiteral("id")).trimmed();
    if (id.isEmpty()) {
        printError(QStringLiteral("%1: --id is required").arg(command));
        return ExitUsage;
    }
    auto config = configFor(p, command);
    if (!config)
        return ExitUsage;
    const QString file = p.isSet(QStringLiteral("operators")) ? p.value(QStringLiteral("operators")) : config->operatorsFile;
    if (file.isEmpty()) {
        printError(QStringLiteral("%1: no operators file: --operators FILE or --config FILE").arg(command));
        return ExitUsage;
    }
    Session::OperatorDirectory directory;
    if (QFileInfo::exists(file)) {
        auto read = Session::OperatorDirectory::fromFile(file);
        if (!read)
            return failed(command, read.error());
        directory = std::move(*read);
    }
    const bool replacing = directory.find(id).has_value();
    auto hash = newPinHash(QStringLiteral("New PIN for %1").arg(id));
    if (!hash)
        return ExitUsage;
    const QString name = p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name")) : replacing ? directory.find(id)->name : id;
    directory.put(Session::Operator{id, name, *hash});
    if (auto written = replaceFile(file, directory.toJson(), 0640); !written)
        return failed(command, written.error());
    printJsonLine(QJsonObject{{QStringLiteral("operator"), id},
                              {QStringLiteral("file"), QFileInfo(file).absoluteFilePath()},
                              {QStringLiteral("replaced"), replacing},
                              {QStringLiteral("iterations"), Crypto::kDefaultPbkdf2Iterations}});
    return ExitOk;
}

int runStaffPin(const QStringList &args)
{
    const QString command = QStringLiteral("operator staff-pin");
    QCommandLineParser p;
    p.addOption({QStringLiteral("config"), QStringLiteral("Kiosk INI file (default %1)").arg(KioskConfig::defaultPath()), QStringLiteral("FILE")});
    if (!parseArgs(p, command, args))
        return ExitUsage;
    auto config = configFor(p, command);
    if (!config)
        return ExitUsage;
    if (config->sourceFile.isEmpty()) {
        printError(QStringLiteral("%1: no kiosk.ini at %2: enroll the kiosk first (kioskctl enroll)").arg(command, config->path));
        return ExitUsage;
    }
    auto hash = newPinHash(QStringLiteral("New staff PIN for the information screen"));
    if (!hash)
        return ExitUsage;
    if (auto written = setIniValues(config->sourceFile, {{QStringLiteral("info"), QStringLiteral("staff_pin_hash"), *hash}}); !written)
        return failed(command, written.error());
    printJsonLine(QJsonObject{{QStringLiteral("staffPin"), QStringLiteral("set")},
                              {QStringLiteral("file"), config->sourceFile},
                              {QStringLiteral("iterations"), Crypto::kDefaultPbkdf2Iterations}});
    return ExitOk;
}

const Registration add{{QStringLiteral("operator"), QStringLiteral("add")},
                       QStringLiteral("Add an officer (or set a new PIN) in the operators file"), &runOperatorAdd};
const Registration staff{{QStringLiteral("operator"), QStringLiteral("staff-pin")},
                         QStringLiteral("Set the information screen's staff exit PIN in kiosk.ini"), &runStaffPin};

} // namespace
