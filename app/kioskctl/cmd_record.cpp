// kioskctl record --db PATH --mrz FILE --direction entry|exit --officer ID [--date D]:
// evaluates the document as the console would (store lookups, the rules engine
// against the signed policy in force) and records the decision: for ADMIT the crossing row,
// its signed event and its outbox entry in ONE transaction; for REFER/REFUSE the signed
// decision only. Prints one JSON line with the verdict and the event id.
// Exit: 0 recorded, 1 the document/policy/database failed (or TERMINATED: a SIGTERM, SIGINT or
// SIGHUP came before the write, nothing was written), 2 usage. A signal during the write waits
// for its commit (app/core/terminationsignals.h): the exit is then the normal one.
#include "app/core/clock.h"
#include "app/core/terminationsignals.h"
#include "app/crypto/ed25519.h"
#include "app/kioskctl/cli.h"
#include "app/session/kioskdatabase.h"
#include "app/session/storeinputs.h"
#include "app/kioskctl/command.h"
#include "app/rules/engine.h"
#include "app/store/checkrecords.h"
#include "app/store/database.h"
#include "sync/client/chaintail.h"
#include "scanner/mrz/mrzparser.h"
#include "sync/client/crossingrecorder.h"
#include "app/kioskctl/kioskcommand.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

int failed(const Error &e)
{
    return printFailure(QStringLiteral("record"), e);
}

int runRecord(const QStringList &args)
{
    // From here on a termination signal never cuts the command: before the write it ends it
    // with TERMINATED, during the write it waits for the commit.
    const TerminationSignals termination;
    QCommandLineParser p;
    p.addOption({QStringLiteral("mrz"), QStringLiteral("MRZ text file (\"-\": standard input)"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("direction"), QStringLiteral("entry or exit"), QStringLiteral("entry|exit")});
    p.addOption({QStringLiteral("officer"), QStringLiteral("Officer id"), QStringLiteral("ID")});
    p.addOption({QStringLiteral("date"), QStringLiteral("Local date at the checkpoint (default: today there)"), QStringLiteral("YYYY-MM-DD")});
    auto config = kioskCommandConfig(p, QStringLiteral("record"), args, true);
    if (!config)
        return ExitUsage;
    const auto direction = directionFromString(p.value(QStringLiteral("direction")));
    if (!p.isSet(QStringLiteral("mrz")) || !direction || p.value(QStringLiteral("officer")).isEmpty()) {
        printError(QStringLiteral("record: --mrz FILE, --direction entry|exit and --officer ID are required"));
        return ExitUsage;
    }
    if (config->databasePath.isEmpty() || config->kioskId.isEmpty() || config->checkpoint.isEmpty() || config->keyFile.isEmpty()) {
        printError(QStringLiteral("record: the kiosk is not configured: database, id, checkpoint and key ([kiosk] in the INI, or --db/--key)"));
        return ExitUsage;
    }
    // The instant, at the checkpoint's offset (domain-rules §2: the local calendar date counts).
    const QTimeZone zone = defaultCheckpointZone();
    QDateTime at = QDateTime::currentDateTime().toTimeZone(zone);
    if (p.isSet(QStringLiteral("date"))) {
        const QDate d = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
        if (!d.isValid()) {
            printError(QStringLiteral("record: --date must be YYYY-MM-DD"));
            return ExitUsage;
        }
        at = QDateTime(d, at.time(), zone);
    }
    at = at.toOffsetFromUtc(at.offsetFromUtc());

    QString readError;
    const auto text = readInput(p.value(QStringLiteral("mrz")), &readError);
    if (!text) {
        printError(readError);
        return ExitUsage;
    }
    const Mrz::MrzResult mrz = Mrz::parse(QString::fromUtf8(*text), Mrz::ParseOptions{at.date(), false});
    if (!mrz.errors.isEmpty())
        return failed(Error{mrz.errors.front().code, mrz.errors.front().message});
    const TravelDocument document = mrz.toTravelDocument();

    auto key = Crypto::Ed25519PrivateKey::fromFile(config->keyFile);
    if (!key)
        return failed(key.error());
    auto db = Session::openKioskDatabase(*config, key->publicKey().raw());
    if (!db)
        return failed(db.error());
    // Never write into a file SQLite calls damaged: the operator's procedure is in the README.
    if (const QStringList damaged = Store::fileProblems(*db); !damaged.isEmpty())
        return failed(Error{QStringLiteral("STORE_DAMAGED"),
                            QStringLiteral("the kiosk database %1 is damaged (%2); nothing recorded. Run `kioskctl log verify --full` and "
                                           "follow \"A damaged kiosk database\" in the README")
                                .arg(config->databasePath, damaged.first())});
    auto anchor = kioskTrustAnchor(*config, QStringLiteral("record"));
    if (!anchor)
        return failed(anchor.error());
    auto policies = loadPolicy(*config, *db, anchor->key);
    if (!policies)
        return failed(policies.error());

    // Evaluate as the console does: the store's records, the engine, the policy in force.
    auto records = Store::loadCheckRecords(*db, document, at.date());
    if (!records)
        return failed(records.error());
    Rules::CheckInputs in = Session::storeCheckInputs(document, *direction, at.date(), *records, at);
    in.status.policyAgeDays = Session::policyAgeDays(policies->datedAt, at);
    auto verdict = Rules::evaluate(in, policies->set);
    if (!verdict)
        return failed(verdict.error());

    const EventLog::EventSigner signer(std::move(*key));
    Sync::CrossingRecorder recorder(*db, signer, config->kioskId, config->checkpoint);
    recorder.keepChainFilesBeside(config->keyFile);
    if (const int signalNumber = TerminationSignals::received())
        return failed(Error{QStringLiteral("TERMINATED"), QStringLiteral("signal %1 before the write: nothing recorded").arg(signalNumber)});
    auto recorded = recorder.record(Sync::Decision{document, *direction, at, p.value(QStringLiteral("officer")), verdict->kind,
                                                   verdict->codes(), verdict->policyVersion, false, {}});
    if (!recorded)
        return failed(recorded.error());
    QJsonObject out{{QStringLiteral("verdict"), verdictToString(verdict->kind)},
                    {QStringLiteral("reasons"), QJsonArray::fromStringList(verdict->codes())},
                    {QStringLiteral("eventId"), recorded->eventId},
                    {QStringLiteral("sequence"), recorded->sequence},
                    {QStringLiteral("kind"), recorded->kind},
                    {QStringLiteral("crossingRecorded"), recorded->crossingId.has_value()},
                    {QStringLiteral("date"), at.date().toString(Qt::ISODate)},
                    {QStringLiteral("policyVersion"), verdict->policyVersion}};
    if (anchor->isDevelopment())
        out[QStringLiteral("developmentTrustAnchor")] = true; // judged under the development policy
    printJsonLine(out);
    return ExitOk;
}

const Registration reg{{QStringLiteral("record")}, QStringLiteral("Evaluate a document and record the crossing with its signed event"), &runRecord};

} // namespace
