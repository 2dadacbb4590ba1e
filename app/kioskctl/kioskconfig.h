#pragma once
// The start of every kiosk command (enroll, record, log verify, sync): parse the options
// (with --config/--db/--central/--ca/--key added), read the INI with the overrides applied
// (sync/client/kioskconfig.h documents the file), and say what is missing.
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/session/kioskpolicy.h"
#include "app/rules/policy.h"
#include "app/store/database.h"
#include "app/store/outbox.h"
#include "sync/client/kioskconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <optional>

namespace Kiosk::Ctl {

// nullopt: an error was printed; the command returns ExitUsage.
[[nodiscard]] inline std::optional<Sync::KioskConfig> kioskCommandConfig(QCommandLineParser &parser, const QString &name,
                                                                         const QStringList &args, bool needDatabase)
{
    Sync::addConfigOptions(parser);
    if (!parseArgs(parser, name, args))
        return std::nullopt;
    auto config = Sync::configFromOptions(parser);
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
// (app/session/kioskpolicy.h). The commands that act as the deployed kiosk (record, sync) ask
// for AnchorUse::Deployment, so they refuse the development key as border-kiosk does.
[[nodiscard]] inline Result<Session::TrustAnchor> kioskTrustAnchor(const Sync::KioskConfig &config)
{
    return Session::policyTrustAnchor(config, Session::AnchorUse::Deployment);
}
using Session::loadPolicy;

} // namespace Kiosk::Ctl
