// kioskctl log verify [--db PATH] [--key FILE | --public-key FILE]: checks every
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
#include "app/kioskctl/kioskcommand.h"
#include "sync/client/chaintail.h"
#include "sync/client/storedchain.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

// The database file itself: SQLite's own page and index checks. A damaged file
// is reported however well the chain verifies, since `record` must not write into it.
QJsonObject fileReport(Store::Database &db, bool full)
{
    const QStringList problems = Store::fileProblems(db, full);
    return QJsonObject{{QStringLiteral("check"), full ? QStringLiteral("integrity_check") : QStringLiteral("quick_check")},
                       {QStringLiteral("ok"), problems.isEmpty()}, {QStringLiteral("messages"), QJsonArray::fromStringList(problems)}};
}

// One of the files beside the signing key that the log must reach (sync/client/chaintail.h):
// {"checked","ok","file","code","message"}; false in `ok` when the log does not reach it.
QJsonObject markReport(const QString &file, const Result<void> &check, bool &ok)
{
    if (file.isEmpty())
        return QJsonObject{{QStringLiteral("checked"), false}};
    if (!check) {
        ok = false;
        return QJsonObject{{QStringLiteral("checked"), true}, {QStringLiteral("ok"), false}, {QStringLiteral("file"), file},
                           {QStringLiteral("code"), check.error().code}, {QStringLiteral("message"), check.error().message}};
    }
    return QJsonObject{{QStringLiteral("checked"), true}, {QStringLiteral("ok"), true}, {QStringLiteral("file"), file}};
}

// The crossing rows against the signed events, then the file; prints the report.
int finishReport(Store::Database &db, bool full, const QString &keyFile, QJsonObject out)
{
    const QJsonObject file = fileReport(db, full);
    bool ok = out.value(QStringLiteral("ok")).toBool() && file.value(QStringLiteral("ok")).toBool();
    out[QStringLiteral("file")] = file;
    // The tail beside the signing key: a log cut short is a break too; so is one
    // that ends before what the central side confirmed holding (the last sync's mark).
    const QString tailFile = Sync::kioskTailFile(keyFile);
    const QString centralFile = Sync::kioskCentralMarkFile(keyFile);
    auto head = Store::EventRepository(db).head();
    out[QStringLiteral("tail")] = markReport(tailFile, tailFile.isEmpty() ? Result<void>{} : Sync::checkChainTail(db, tailFile), ok);
    out[QStringLiteral("central")] = markReport(centralFile, !head ? Result<void>(std::unexpected(head.error()))
                                                        : centralFile.isEmpty() ? Result<void>{} : Sync::checkCentralMark(db, centralFile, *head), ok);
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
            // An empty log is intact; the file and the crossing rows are still checked.
            QJsonObject out{{QStringLiteral("ok"), true}, {QStringLiteral("verified"), 0}};
            return finishReport(*db, p.isSet(QStringLiteral("full")), config->keyFile, out);
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
    return finishReport(*db, p.isSet(QStringLiteral("full")), config->keyFile, out);
}

// kioskctl log adopt-tail: a kiosk from before the tail file, or one whose tail was lost, takes
// its current head as the tail, only when the whole chain verifies against its own key. The
// operator does this deliberately (README "A damaged kiosk database"): it accepts the log as it
// stands now.
int runAdoptTail(const QStringList &args)
{
    QCommandLineParser p;
    auto config = kioskCommandConfig(p, QStringLiteral("log adopt-tail"), args, true);
    if (!config)
        return ExitUsage;
    if (config->keyFile.isEmpty()) {
        printError(QStringLiteral("log adopt-tail: the kiosk's key (--key or [kiosk] key) is needed: the tail lives beside it"));
        return ExitUsage;
    }
    auto key = Crypto::Ed25519PrivateKey::fromFile(config->keyFile);
    if (!key) {
        printError(QStringLiteral("log adopt-tail: cannot read the kiosk key '%1': %2").arg(config->keyFile, key.error().message));
        return ExitUsage;
    }
    auto db = Session::openKioskDatabase(*config, key->publicKey().raw());
    if (!db) {
        printError(QStringLiteral("%1: %2").arg(db.error().code, db.error().message));
        return ExitNegative;
    }
    auto report = Sync::verifyStoredChain(*db, key->publicKey(), config->kioskId);
    if (!report || report->firstBreak || !Store::fileProblems(*db).isEmpty()) {
        printError(QStringLiteral("log adopt-tail: the log does not verify (run `kioskctl log verify`); no tail written"));
        return ExitNegative;
    }
    auto head = Store::EventRepository(*db).head();
    if (!head) {
        printError(head.error().message);
        return ExitNegative;
    }
    const QString path = Sync::kioskTailFile(config->keyFile);
    if (auto w = Sync::writeChainTail(path, Sync::ChainTail{config->kioskId, head->sequence, head->hash}); !w) {
        printError(w.error().message);
        return ExitNegative;
    }
    printJsonLine(QJsonObject{{QStringLiteral("tail"), path}, {QStringLiteral("sequence"), head->sequence}});
    return ExitOk;
}

const Registration adoptReg{{QStringLiteral("log"), QStringLiteral("adopt-tail")},
                            QStringLiteral("Take the verified log's head as its chain tail (a kiosk from before the tail file)"), &runAdoptTail};

const Registration reg{{QStringLiteral("log"), QStringLiteral("verify")}, QStringLiteral("Verify the signed event chain; exit 1 on any break"), &runLogVerify};

} // namespace
