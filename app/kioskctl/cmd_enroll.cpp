// kioskctl enroll --id ID --checkpoint CODE [--config FILE] [--db PATH] [--key FILE]
//                [--central URL] [--ca FILE] [--trust FILE] [--policy FILE] [--operators FILE]
// (issues 4 §1 and 12 §2). Provisions a kiosk on a fresh machine in one command:
//   1. checks everything it was given first (the anchor is not the development key, the policy
//      verifies against it, the CA file is a certificate, the INI names no other kiosk), so a
//      refusal leaves nothing behind;
//   2. creates the Ed25519 signing key (PKCS#8 PEM, mode 0600, refused if the file exists);
//   3. creates the database (0600) and stores the kiosk's identity in it;
//   4. creates or updates the configuration ([kiosk] id, checkpoint, database, key, and what
//      else was given), keeping its comments;
//   5. prints the public key (PEM) on stdout, for `border-central kiosk add --public-key`.
// The configuration: --config, else $KIOSK_CONFIG, else ~/.config/border-kiosk/kiosk.ini.
// Database and key default to what the INI names, else the state folder
// (/var/lib/border-kiosk for /etc/border-kiosk/kiosk.ini, else the INI's folder).
// Exit 0 enrolled, 1 a step failed (what was made is removed), 2 usage.
#include "app/core/clock.h"
#include "app/core/privatefile.h"
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/session/kioskpolicy.h"
#include "app/store/database.h"
#include "app/store/kioskidentity.h"
#include "sync/client/kioskconfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSslCertificate>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

// Kiosk ids and checkpoint codes travel in every event and URL: plain upper-case ASCII.
const QRegularExpression kKioskIdPattern(QStringLiteral("^[A-Z0-9][A-Z0-9-]{0,63}$"));
const QRegularExpression kCheckpointPattern(QStringLiteral("^[A-Z0-9]{2,8}$"));

int usage(const QString &message)
{
    printError(QStringLiteral("enroll: %1").arg(message));
    return ExitUsage;
}

int failed(const Error &e)
{
    printError(QStringLiteral("enroll: %1 (%2)").arg(e.message, e.code));
    return ExitNegative;
}

QString absolute(const QString &path)
{
    return path.isEmpty() ? path : QFileInfo(path).absoluteFilePath();
}

int runEnroll(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id, e.g. KIOSK-GYD-01"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint code, e.g. GYD"), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("trust"), QStringLiteral("The agency's policy-signing public key (PEM), written as [kiosk] trust"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("The signed policy (FILE.sig beside it), written as [kiosk] policy"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("operators"), QStringLiteral("The operators file, written as [kiosk] operators"), QStringLiteral("FILE")});
    Sync::addConfigOptions(p);
    if (!parseArgs(p, QStringLiteral("enroll"), args))
        return ExitUsage;
    // The INI as it is now (a missing file is fine: enrolment creates it).
    const QString explicitConfig = p.value(QStringLiteral("config"));
    Sync::KioskConfig config;
    if (!explicitConfig.isEmpty() && !QFileInfo::exists(explicitConfig)) {
        config.path = absolute(explicitConfig);
    } else {
        auto loaded = Sync::KioskConfig::load(explicitConfig);
        if (!loaded)
            return failed(loaded.error());
        config = *loaded;
    }
    if (config.path.isEmpty())
        config.path = absolute(Sync::KioskConfig::defaultPath());

    const QString id = p.value(QStringLiteral("id")).trimmed();
    const QString checkpoint = p.value(QStringLiteral("checkpoint")).trimmed();
    if (id.isEmpty() || checkpoint.isEmpty())
        return usage(QStringLiteral("--id and --checkpoint are required"));
    if (!kKioskIdPattern.match(id).hasMatch())
        return usage(QStringLiteral("--id '%1': upper-case letters, digits and '-', at most 64").arg(id));
    if (!kCheckpointPattern.match(checkpoint).hasMatch())
        return usage(QStringLiteral("--checkpoint '%1': 2 to 8 upper-case letters or digits").arg(checkpoint));
    if ((!config.kioskId.isEmpty() && config.kioskId != id) || (!config.checkpoint.isEmpty() && config.checkpoint != checkpoint))
        return failed(Error{QStringLiteral("KIOSK_IDENTITY_MISMATCH"),
                            QStringLiteral("%1 already configures %2 at %3; refusing to re-enroll it as %4 at %5 (use another --config)")
                                .arg(config.path, config.kioskId, config.checkpoint, id, checkpoint)});

    const QString stateDir = config.defaultStateDir();
    const auto pick = [&](const char *option, const QString &fromIni, const QString &fallback) {
        const QString given = p.value(QString::fromLatin1(option));
        return absolute(!given.isEmpty() ? given : !fromIni.isEmpty() ? fromIni : fallback);
    };
    const QString keyFile = pick("key", config.keyFile, stateDir + QStringLiteral("/kiosk-key.pem"));
    const QString database = pick("db", config.databasePath, stateDir + QStringLiteral("/kiosk.db"));
    const QString trust = absolute(p.value(QStringLiteral("trust")));
    const QString policy = absolute(p.value(QStringLiteral("policy")));
    const QString ca = absolute(p.value(QStringLiteral("ca")));
    const QString central = p.value(QStringLiteral("central")).trimmed();
    const QString operators = absolute(p.value(QStringLiteral("operators")));

    // 1. Everything given is checked before anything is written.
    if (QFileInfo::exists(keyFile))
        return failed(Error{QStringLiteral("KEY_FILE_EXISTS"),
                            QStringLiteral("refusing to overwrite existing key file %1: this kiosk is enrolled already").arg(keyFile)});
    if (!trust.isEmpty()) {
        auto anchor = Session::readTrustAnchor(trust, Session::AnchorUse::Deployment);
        if (!anchor)
            return failed(anchor.error());
        const QString policyFile = !policy.isEmpty() ? policy : config.policyFile;
        if (!policyFile.isEmpty())
            if (auto verified = Session::loadSignedPolicyFile(policyFile, anchor->key); !verified)
                return failed(verified.error());
    } else if (!policy.isEmpty()) {
        return usage(QStringLiteral("--policy needs --trust (the key it is verified with)"));
    }
    if (!central.isEmpty() && !central.startsWith(u"https://"))
        return usage(QStringLiteral("--central '%1': the central service is reached over HTTPS only").arg(central));
    if (!ca.isEmpty() && QSslCertificate::fromPath(ca, QSsl::Pem).isEmpty())
        return failed(Error{QStringLiteral("CA_UNREADABLE"), QStringLiteral("%1 holds no PEM certificate").arg(ca)});
    const bool databaseExisted = QFileInfo::exists(database);
    if (databaseExisted) {
        // An existing database may only be this kiosk's.
        auto db = Store::Database::open(database);
        if (!db)
            return failed(db.error());
        auto stored = Store::readKioskIdentity(*db);
        if (!stored)
            return failed(stored.error());
        if (*stored)
            return failed(Error{QStringLiteral("KIOSK_IDENTITY_MISMATCH"),
                                QStringLiteral("%1 belongs to %2 at %3 already; refusing to give it a new key")
                                    .arg(database, (*stored)->kioskId, (*stored)->checkpoint)});
    }

    // 2. The key.
    for (const QString &file : {keyFile, database, config.path})
        if (auto made = ensurePrivateFolder(QFileInfo(file).absolutePath()); !made)
            return failed(made.error());
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return failed(key.error());
    if (auto saved = key->saveNew(keyFile); !saved)
        return failed(saved.error());
    // From here on a failure removes what this run made: no half-enrolled kiosk.
    const auto undo = [&](const Error &e) {
        QFile::remove(keyFile);
        if (!databaseExisted)
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(database + suffix);
        return failed(e);
    };

    // 3. The database and the identity in it.
    {
        auto db = Store::Database::open(database);
        if (!db)
            return undo(db.error());
        if (auto bound = Store::bindKioskIdentity(*db, Store::KioskIdentity{id, checkpoint, key->publicKey().raw(), SystemClock().now()}); !bound)
            return undo(bound.error());
    }

    // 4. The configuration.
    QList<Sync::IniValue> values{{QStringLiteral("kiosk"), QStringLiteral("id"), id},
                                 {QStringLiteral("kiosk"), QStringLiteral("checkpoint"), checkpoint},
                                 {QStringLiteral("kiosk"), QStringLiteral("database"), database},
                                 {QStringLiteral("kiosk"), QStringLiteral("key"), keyFile}};
    const auto also = [&](const char *section, const char *name, const QString &value) {
        if (!value.isEmpty())
            values.append({QString::fromLatin1(section), QString::fromLatin1(name), value});
    };
    also("kiosk", "trust", trust);
    also("kiosk", "policy", policy);
    also("kiosk", "operators", operators);
    also("central", "url", central);
    also("central", "ca", ca);
    if (auto written = Sync::setIniValues(config.path, values); !written)
        return undo(written.error());

    // 5. stdout: the public key only, so that it can be redirected to the file the central
    // operator passes to `border-central kiosk add --public-key`.
    const QByteArray pem = key->publicKey().toPem();
    std::fwrite(pem.constData(), 1, static_cast<size_t>(pem.size()), stdout);
    std::fflush(stdout);
    printError(QStringLiteral("enroll: %1 at %2 enrolled: key %3 (0600), database %4 (0600), configuration %5%6; register it with: "
                              "border-central kiosk add --config /etc/border-central/central.ini --id %1 --checkpoint %2 --public-key PUBLIC.pem")
                   .arg(id, checkpoint, keyFile, database, config.path,
                        trust.isEmpty() ? QStringLiteral(" (no --trust: set [kiosk] trust before the kiosk can record)") : QString()));
    return ExitOk;
}

const Registration reg{{QStringLiteral("enroll")},
                       QStringLiteral("Provision the kiosk: signing key, database, configuration; print its public key"), &runEnroll};

} // namespace
