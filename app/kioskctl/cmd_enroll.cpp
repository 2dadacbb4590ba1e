// kioskctl enroll --id ID --checkpoint CODE [--config FILE] [--db PATH] [--key FILE]
//                [--central URL] [--ca FILE] [--trust FILE] [--policy FILE] [--operators FILE]
// Provisions a kiosk on a fresh machine in one command:
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
#include "app/core/kioskconfig.h"

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

// What this run enrols: the kiosk, the files it makes and the settings it writes.
struct Enrolment
{
    KioskConfig config; // the INI as it is now
    QString id, checkpoint;
    QString keyFile, database, trust, policy, ca, central, operators;
    bool databaseExisted = false;
};

void addEnrollOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("id"), QStringLiteral("Kiosk id, e.g. KIOSK-GYD-01"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("checkpoint"), QStringLiteral("Checkpoint code, e.g. GYD"), QStringLiteral("CODE")});
    p.addOption({QStringLiteral("trust"), QStringLiteral("The agency's policy-signing public key (PEM), written as [kiosk] trust"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("policy"), QStringLiteral("The signed policy (FILE.sig beside it), written as [kiosk] policy"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("operators"), QStringLiteral("The operators file, written as [kiosk] operators"), QStringLiteral("FILE")});
    addConfigOptions(p);
}

// The INI as it is now (a missing file is fine: enrolment creates it).
Result<KioskConfig> currentConfig(const QString &explicitConfig)
{
    KioskConfig config;
    if (!explicitConfig.isEmpty() && !QFileInfo::exists(explicitConfig)) {
        config.path = absolute(explicitConfig);
    } else {
        auto loaded = KioskConfig::load(explicitConfig);
        if (!loaded)
            return std::unexpected(loaded.error());
        config = *loaded;
    }
    if (config.path.isEmpty())
        config.path = absolute(KioskConfig::defaultPath());
    return config;
}

// --id and --checkpoint, well-formed and not another kiosk's INI; the exit status if refused.
std::optional<int> readIdentity(const QCommandLineParser &p, Enrolment &e)
{
    e.id = p.value(QStringLiteral("id")).trimmed();
    e.checkpoint = p.value(QStringLiteral("checkpoint")).trimmed();
    if (e.id.isEmpty() || e.checkpoint.isEmpty())
        return usage(QStringLiteral("--id and --checkpoint are required"));
    if (!kKioskIdPattern.match(e.id).hasMatch())
        return usage(QStringLiteral("--id '%1': upper-case letters, digits and '-', at most 64").arg(e.id));
    if (!kCheckpointPattern.match(e.checkpoint).hasMatch())
        return usage(QStringLiteral("--checkpoint '%1': 2 to 8 upper-case letters or digits").arg(e.checkpoint));
    const KioskConfig &config = e.config;
    if ((!config.kioskId.isEmpty() && config.kioskId != e.id) || (!config.checkpoint.isEmpty() && config.checkpoint != e.checkpoint))
        return failed(Error{QStringLiteral("KIOSK_IDENTITY_MISMATCH"),
                            QStringLiteral("%1 already configures %2 at %3; refusing to re-enroll it as %4 at %5 (use another --config)")
                                .arg(config.path, config.kioskId, config.checkpoint, e.id, e.checkpoint)});
    return std::nullopt;
}

// The files and settings: as given, else as the INI names them, else in the state folder.
void resolvePaths(const QCommandLineParser &p, Enrolment &e)
{
    const QString stateDir = e.config.defaultStateDir();
    const auto pick = [&](const char *option, const QString &fromIni, const QString &fallback) {
        const QString given = p.value(QString::fromLatin1(option));
        return absolute(!given.isEmpty() ? given : !fromIni.isEmpty() ? fromIni : fallback);
    };
    e.keyFile = pick("key", e.config.keyFile, stateDir + QStringLiteral("/kiosk-key.pem"));
    e.database = pick("db", e.config.databasePath, stateDir + QStringLiteral("/kiosk.db"));
    e.trust = absolute(p.value(QStringLiteral("trust")));
    e.policy = absolute(p.value(QStringLiteral("policy")));
    e.ca = absolute(p.value(QStringLiteral("ca")));
    e.central = p.value(QStringLiteral("central")).trimmed();
    e.operators = absolute(p.value(QStringLiteral("operators")));
}

// Step 1: everything given is checked before anything is written; the exit status if refused.
std::optional<int> checkBeforeWriting(Enrolment &e)
{
    if (QFileInfo::exists(e.keyFile))
        return failed(Error{QStringLiteral("KEY_FILE_EXISTS"),
                            QStringLiteral("refusing to overwrite existing key file %1: this kiosk is enrolled already").arg(e.keyFile)});
    if (!e.trust.isEmpty()) {
        auto anchor = Session::readTrustAnchor(e.trust, Session::AnchorUse::Deployment);
        if (!anchor)
            return failed(anchor.error());
        const QString policyFile = !e.policy.isEmpty() ? e.policy : e.config.policyFile;
        if (!policyFile.isEmpty())
            if (auto verified = Session::loadSignedPolicyFile(policyFile, anchor->key); !verified)
                return failed(verified.error());
    } else if (!e.policy.isEmpty()) {
        return usage(QStringLiteral("--policy needs --trust (the key it is verified with)"));
    }
    if (!e.central.isEmpty() && !e.central.startsWith(u"https://"))
        return usage(QStringLiteral("--central '%1': the central service is reached over HTTPS only").arg(e.central));
    if (!e.ca.isEmpty() && QSslCertificate::fromPath(e.ca, QSsl::Pem).isEmpty())
        return failed(Error{QStringLiteral("CA_UNREADABLE"), QStringLiteral("%1 holds no PEM certificate").arg(e.ca)});
    e.databaseExisted = QFileInfo::exists(e.database);
    if (e.databaseExisted) {
        // An existing database may only be this kiosk's.
        auto db = Store::Database::open(e.database);
        if (!db)
            return failed(db.error());
        auto stored = Store::readKioskIdentity(*db);
        if (!stored)
            return failed(stored.error());
        if (*stored)
            return failed(Error{QStringLiteral("KIOSK_IDENTITY_MISMATCH"),
                                QStringLiteral("%1 belongs to %2 at %3 already; refusing to give it a new key")
                                    .arg(e.database, (*stored)->kioskId, (*stored)->checkpoint)});
    }
    return std::nullopt;
}

// Step 2: the private folders and the signing key, saved to a new file.
Result<Crypto::Ed25519PrivateKey> makeKey(const Enrolment &e)
{
    for (const QString &file : {e.keyFile, e.database, e.config.path})
        if (auto made = ensurePrivateFolder(QFileInfo(file).absolutePath()); !made)
            return std::unexpected(made.error());
    auto key = Crypto::Ed25519PrivateKey::generate();
    if (!key)
        return std::unexpected(key.error());
    if (auto saved = key->saveNew(e.keyFile); !saved)
        return std::unexpected(saved.error());
    return key;
}

// After the key: a failure removes what this run made, so no kiosk is left half-enrolled.
int undo(const Enrolment &e, const Error &error)
{
    QFile::remove(e.keyFile);
    if (!e.databaseExisted)
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(e.database + suffix);
    return failed(error);
}

// Step 3: the database and the identity in it.
Result<void> storeIdentity(const Enrolment &e, const Crypto::Ed25519PrivateKey &key)
{
    auto db = Store::Database::open(e.database);
    if (!db)
        return std::unexpected(db.error());
    return Store::bindKioskIdentity(*db, Store::KioskIdentity{e.id, e.checkpoint, key.publicKey().raw(), SystemClock().now()});
}

// Step 4: the configuration, keeping its comments.
Result<void> writeConfig(const Enrolment &e)
{
    QList<IniValue> values{{QStringLiteral("kiosk"), QStringLiteral("id"), e.id},
                                 {QStringLiteral("kiosk"), QStringLiteral("checkpoint"), e.checkpoint},
                                 {QStringLiteral("kiosk"), QStringLiteral("database"), e.database},
                                 {QStringLiteral("kiosk"), QStringLiteral("key"), e.keyFile}};
    const auto also = [&](const char *section, const char *name, const QString &value) {
        if (!value.isEmpty())
            values.append({QString::fromLatin1(section), QString::fromLatin1(name), value});
    };
    also("kiosk", "trust", e.trust);
    also("kiosk", "policy", e.policy);
    also("kiosk", "operators", e.operators);
    also("central", "url", e.central);
    also("central", "ca", e.ca);
    return setIniValues(e.config.path, values);
}

// Step 5: stdout, the public key only, so that it can be redirected to the file the central
// operator passes to `border-central kiosk add --public-key`; stderr, what was made.
void printEnrolled(const Enrolment &e, const Crypto::Ed25519PrivateKey &key)
{
    const QByteArray pem = key.publicKey().toPem();
    std::fwrite(pem.constData(), 1, static_cast<size_t>(pem.size()), stdout);
    std::fflush(stdout);
    printError(QStringLiteral("enroll: %1 at %2 enrolled: key %3 (0600), database %4 (0600), configuration %5%6; register it with: "
                              "border-central kiosk add --config /etc/border-central/central.ini --id %1 --checkpoint %2 --public-key PUBLIC.pem")
                   .arg(e.id, e.checkpoint, e.keyFile, e.database, e.config.path,
                        e.trust.isEmpty() ? QStringLiteral(" (no --trust: set [kiosk] trust before the kiosk can record)") : QString()));
}

int runEnroll(const QStringList &args)
{
    QCommandLineParser p;
    addEnrollOptions(p);
    if (!parseArgs(p, QStringLiteral("enroll"), args))
        return ExitUsage;
    auto config = currentConfig(p.value(QStringLiteral("config")));
    if (!config)
        return failed(config.error());
    Enrolment e;
    e.config = *config;
    if (auto refused = readIdentity(p, e))
        return *refused;
    resolvePaths(p, e);
    if (auto refused = checkBeforeWriting(e))
        return *refused;
    auto key = makeKey(e);
    if (!key)
        return failed(key.error());
    if (auto stored = storeIdentity(e, *key); !stored)
        return undo(e, stored.error());
    if (auto written = writeConfig(e); !written)
        return undo(e, written.error());
    printEnrolled(e, *key);
    return ExitOk;
}

const Registration reg{{QStringLiteral("enroll")},
                       QStringLiteral("Provision the kiosk: signing key, database, configuration; print its public key"), &runEnroll};

} // namespace
