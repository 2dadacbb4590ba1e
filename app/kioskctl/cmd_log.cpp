// kioskctl log verify [--db PATH] [--key FILE | --public-key FILE] (issue 4 §1): checks every
// signature and link of the kiosk's stored event chain and names the first broken one.
// The key: --public-key, else the public half of the kiosk's key file, else the kiosk's entry
// in the registry the central side published (pulled into the database by sync).
// It also checks every crossing row against its signed event and the database file itself
// (PRAGMA quick_check; integrity_check with --full). Exit 0 intact, 1 on any break, 2 usage.
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/session/historybinding.h"
#include "app/session/kioskdatabase.h"
#include "app/store/database.h"
#include "app/store/kioskidentity.h"
#include "app/store/eventrepository.h"
#include "app/kioskctl/kioskconfig.h"
#include "sync/client/storedchain.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

// The database file itself (issue 18 §3): SQLite's own page and index checks. A damaged file
// is reported however well the chain verifies, since `record` must not write into it.
QJsonObject fileReport(Store::Database &db, bool full)
{
    const QStringList problems = Store::fileProblems(db, full);
    return QJsonObject{{QStringLiteral("check"), full ? QStringLiteral("integrity_check") : QStringLiteral("quick_check")},
                       {QStringLiteral("ok"), problems.isEmpty()}, {QStringLiteral("messages"), QJsonArray::fromStringList(problems)}};
}

// The crossing rows against the signed events (issue 18 §1), then the file; prints the report.
int finishReport(Store::Database &db, bool full, QJsonObject out)
{
    const QJsonObject file = fileReport(db, full);
    bool ok = out.value(QStringLiteral("ok")).toBool() && file.value(QStringLiteral("ok")).toBool();
    out[QStringLiteral("file")] = file;
    qint64 checked = 0;
    auto problems = Session::verifyAllCrossings(db, &checked);
    if (!problems) {
        out[QStringLiteral("crossings")] = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), problems.error().message}};
        ok = false;
    } else {
        QJsonArray list;
        for (const Session::HistoryProblem &h : *problems)
            list.append(QJsonObject{{QStringLiteral("code"), h.code}, {QStringLiteral("crossing"), h.crossingId}, {QStringLiteral("eventId"), h.eventId},
                                    {QStringLiteral("fields"), QJsonArray::fromStringList(h.fields)}, {QStringLiteral("message"), h.describe()}});
        out[QStringLiteral("crossings")] = QJsonObject{{QStringLiteral("ok"), list.isEmpty()}, {QStringLiteral("checked"), checked}, {QStringLiteral("problems"), list}};
        ok = ok && list.isEmpty();
    }
    out[QStringLiteral("ok")] = ok;
    printJsonLine(out);
    return ok ? ExitOk : ExitNegative;
}

int runLogVerify(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("public-key"), QStringLiteral("Verify with this public key (PEM) instead of the kiosk's own key file"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("full"), QStringLiteral("Check the database file with PRAGMA integrity_check (default: the faster quick_check)")});
    auto config = kioskCommandConfig(p, QStringLiteral("log verify"), args, true);
    if (!config)
        return ExitUsage;
    auto db = Session::openKioskDatabase(*config);
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
            // An empty log is intact; the file and the crossing rows are still checked.
            QJsonObject out{{QStringLiteral("ok"), true}, {QStringLiteral("verified"), 0}};
            return finishReport(*db, p.isSet(QStringLiteral("full")), out);
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
    return finishReport(*db, p.isSet(QStringLiteral("full")), out);
}

const Registration reg{{QStringLiteral("log"), QStringLiteral("verify")}, QStringLiteral("Verify the signed event chain; exit 1 on any break"), &runLogVerify};

} // namespace
