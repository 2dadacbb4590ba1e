// kioskctl log verify [--db PATH] [--key FILE | --public-key FILE] (issue 4 §1): checks every
// signature and link of the kiosk's stored event chain and names the first broken one.
// The key: --public-key, else the public half of the kiosk's key file, else the kiosk's entry
// in the registry the central side published (pulled into the database by sync).
// Exit 0 intact, 1 on any break, 2 usage.
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/session/kioskdatabase.h"
#include "app/store/database.h"
#include "app/store/kioskidentity.h"
#include "app/store/eventrepository.h"
#include "app/kioskctl/kioskconfig.h"
#include "sync/client/storedchain.h"

#include <QCommandLineParser>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

int runLogVerify(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("public-key"), QStringLiteral("Verify with this public key (PEM) instead of the kiosk's own key file"), QStringLiteral("FILE")});
    auto config = kioskCommandConfig(p, QStringLiteral("log verify"), args, true);
    if (!config)
        return ExitUsage;
    auto db = Session::openKioskDatabase(*config, {}, Session::DatabaseAccess::ReadOnly); // works on a full disk
    if (!db) {
        printError(QStringLiteral("%1: %2").arg(db.error().code, db.error().message));
        return ExitNegative;
    }
    std::optional<Crypto::Ed25519PublicKey> key;
    if (p.isSet(QStringLiteral("public-key"))) {
        auto k = Crypto::Ed25519PublicKey::fromFile(p.value(QStringLiteral("public-key")));
        if (!k) {
            printError(k.error().message);
            return ExitUsage;
        }
        key = *k;
    } else if (!config->keyFile.isEmpty()) {
        auto k = Crypto::Ed25519PrivateKey::fromFile(config->keyFile);
        if (!k) {
            printError(QStringLiteral("log verify: cannot read the kiosk key '%1': %2").arg(config->keyFile, k.error().message));
            return ExitUsage;
        }
        key = k->publicKey();
    } else if (auto enrolled = Store::readKioskIdentity(*db); enrolled && *enrolled
               && Crypto::Ed25519PublicKey::fromRaw((*enrolled)->publicKey)) {
        key = *Crypto::Ed25519PublicKey::fromRaw((*enrolled)->publicKey); // the key enrolment stored
    } else {
        Store::EventRepository events(*db);
        auto first = events.events(0, 1);
        const QString kiosk = !config->kioskId.isEmpty() ? config->kioskId : first && !first->isEmpty() ? first->front().kioskId : QString();
        if (auto registry = events.registry()) {
            for (const Store::RegistryEntry &r : *registry) {
                if (r.kioskId == kiosk) {
                    if (auto k = Crypto::Ed25519PublicKey::fromRaw(r.publicKey))
                        key = *k;
                }
            }
        }
        if (!key && first && first->isEmpty()) {
            printJsonLine(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("verified"), 0}});
            return ExitOk; // an empty log is intact
        }
        if (!key) {
            printError(QStringLiteral("log verify: no key to verify with: --public-key FILE, --key FILE, or a synced kiosk registry"));
            return ExitUsage;
        }
    }
    auto report = Sync::verifyStoredChain(*db, *key, config->kioskId);
    if (!report) {
        printError(QStringLiteral("%1: %2").arg(report.error().code, report.error().message));
        return ExitNegative;
    }
    QJsonObject out{{QStringLiteral("ok"), !report->firstBreak.has_value()}, {QStringLiteral("verified"), report->verified}};
    if (report->firstBreak) {
        const EventLog::ChainBreak &b = *report->firstBreak;
        out[QStringLiteral("firstBreak")] = QJsonObject{{QStringLiteral("sequence"), b.sequence}, {QStringLiteral("position"), b.position},
                                                        {QStringLiteral("code"), b.error.code}, {QStringLiteral("message"), b.error.message}};
    }
    printJsonLine(out);
    return report->firstBreak ? ExitNegative : ExitOk;
}

const Registration reg{{QStringLiteral("log"), QStringLiteral("verify")}, QStringLiteral("Verify the signed event chain; exit 1 on any break"), &runLogVerify};

} // namespace
