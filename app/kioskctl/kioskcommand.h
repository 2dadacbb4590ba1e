#pragma once
// The start of every kiosk command (enroll, record, log verify, sync): parse the options
// (with --config/--db/--central/--ca/--key added), read the INI with the overrides applied
// (app/core/kioskconfig.h documents the file), and say what is missing.
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/session/kioskpolicy.h"
#include "app/rules/policy.h"
#include "app/store/database.h"
#include "app/store/outbox.h"
#include "app/core/kioskconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <optional>

namespace Kiosk::Ctl {

// nullopt: an error was printed; the command returns ExitUsage.
[[nodiscard]] inline std::optional<KioskConfig> kioskCommandConfig(QCommandLineParser &parser, const QString &name,
                                                                         const QStringList &args, bool needDatabase)
{
    addConfigOptions(parser);
    if (!parseArgs(parser, name, args))
        return std::nullopt;
    auto config = configFromOptions(parser);
    if (!config) {
        printError(QStringLiteral("%1: %2").arg(name, config.error().message));
        return std::nullopt;
    }
    if (needDatabase && config->databasePath.isEmpty()) {
        printError(QStringLiteral("%1: no database: --db PATH or [kiosk] database in the configuration").arg(name));
        return std::nullopt;
    }
    return *config;
}

// The trust anchor and the policy in force: one implementation for both composition roots
// (app/session/kioskpolicy.h). border-kiosk refuses the development key outright; kioskctl,
// the operator's tool, keeps working on a kiosk enrolled without --trust (after
// `enroll --id --checkpoint`, record and sync need nothing else) but says so on every run:
// a warning naming TRUST_ANCHOR_DEVELOPMENT on stderr, `isDevelopment()` for the caller, and
// `sync` then applies no pulled reference data at all (anyone can sign for that key).
[[nodiscard]] inline Result<Session::TrustAnchor> kioskTrustAnchor(const KioskConfig &config, const QString &command)
{
    auto anchor = Session::policyTrustAnchor(config, Session::AnchorUse::Deployment);
    if (anchor || anchor.error().code != u"TRUST_ANCHOR_DEVELOPMENT")
        return anchor;
    printError(QStringLiteral("%1: warning: %2 (%3)").arg(command, anchor.error().message, anchor.error().code));
    return Session::policyTrustAnchor(config, Session::AnchorUse::Development);
}
using Session::loadPolicy;

} // namespace Kiosk::Ctl
