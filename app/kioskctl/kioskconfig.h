#pragma once
// The start of every kiosk command (enroll, record, log verify, sync): parse the options
// (with --config/--db/--central/--ca/--key added), read the INI with the overrides applied
// (sync/client/kioskconfig.h documents the file), and say what is missing.
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
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

// A shipped resource: the configured path, else resources/<relative> in the current folder or
// near the program (build/bin/../../resources in a build tree).
[[nodiscard]] inline QString locateResource(const QString &configured, const QString &relative)
{
    if (!configured.isEmpty())
        return configured;
    const QString appDir = QCoreApplication::applicationDirPath();
    for (const QString &base : {QDir::currentPath(), appDir + QStringLiteral("/../.."), appDir + QStringLiteral("/..")}) {
        const QString candidate = QDir::cleanPath(base + QStringLiteral("/resources/") + relative);
        if (QFileInfo::exists(candidate))
            return candidate;
    }
    return QStringLiteral("resources/") + relative;
}

// The policy signing trust anchor ([kiosk] trust, else the shipped one).
[[nodiscard]] inline Result<Crypto::Ed25519PublicKey> policyTrustAnchor(const Sync::KioskConfig &config)
{
    return Crypto::Ed25519PublicKey::fromFile(locateResource(config.trustAnchor, QStringLiteral("trust/policy-dev.pub.pem")));
}

// The policy in use: the newest version pulled from the central side (verified again now),
// else the configured/shipped file and its detached .sig. Never an unverified policy.
[[nodiscard]] inline Result<Rules::PolicySet> loadPolicy(const Sync::KioskConfig &config, Store::Database &db)
{
    auto anchor = policyTrustAnchor(config);
    if (!anchor)
        return std::unexpected(anchor.error());
    auto pulled = Store::Outbox(db).latestReference(QStringLiteral("policy"));
    if (!pulled)
        return std::unexpected(pulled.error());
    if (*pulled)
        return Rules::PolicySet::loadSigned((*pulled)->body, (*pulled)->signature, *anchor);
    const QString policyPath = locateResource(config.policyFile, QStringLiteral("policy/policy.json"));
    QFile policy(policyPath), signature(policyPath + QStringLiteral(".sig"));
    if (!policy.open(QIODevice::ReadOnly) || !signature.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("POLICY_NOT_FOUND"), QStringLiteral("cannot read %1 and its .sig").arg(policyPath));
    return Rules::PolicySet::loadSigned(policy.readAll(), signature.readAll(), *anchor);
}

} // namespace Kiosk::Ctl
