// kioskctl prune [--date D] [--dry-run]: shrinks the kiosk database to its working set
// (app/store/workingset.h): pulled crossings of other checkpoints that no check from today on
// reads, with their signed events. How far back checks read comes from the signed policy in
// force (PolicySet::lookBackDays: the rolling rule's M days). Prints one JSON line.
// Exit: 0 pruned (or counted, with --dry-run), 1 the database or the policy failed (nothing
// removed), 2 usage.
#include "app/core/clock.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/kioskctl/kioskcommand.h"
#include "app/session/kioskdatabase.h"
#include "app/store/workingset.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

int failed(const Error &e)
{
    return printFailure(QStringLiteral("prune"), e);
}

int runPrune(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Remove pulled crossings that no check from DATE on reads (the kiosk's working set).\n"
        "Exit status: 0 pruned, 1 database or policy failure (nothing removed), 2 usage error."));
    p.addOption({QStringLiteral("date"), QStringLiteral("Local date at the checkpoint (default: today there)"), QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Count what would be removed; remove nothing")});
    auto config = kioskCommandConfig(p, QStringLiteral("prune"), args, true);
    if (!config)
        return ExitUsage;
    QDate today = QDateTime::currentDateTime().toTimeZone(defaultCheckpointZone()).date();
    if (p.isSet(QStringLiteral("date"))) {
        today = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
        if (!today.isValid()) {
            printError(QStringLiteral("prune: --date must be YYYY-MM-DD"));
            return ExitUsage;
        }
    }
    // Pruning never makes a database: a wrong path is an error, not an empty new kiosk.
    if (!QFileInfo::exists(config->databasePath))
        return failed(Error{QStringLiteral("STORE_NOT_FOUND"),
                            QStringLiteral("no kiosk database at %1 (kioskctl enroll makes one)").arg(config->databasePath)});
    auto db = Session::openKioskDatabase(*config);
    if (!db)
        return failed(db.error());
    auto anchor = kioskTrustAnchor(*config, QStringLiteral("prune"));
    if (!anchor)
        return failed(anchor.error());
    auto policies = loadPolicy(*config, *db, anchor->key);
    if (!policies)
        return failed(policies.error());

    const int lookBack = policies->set.lookBackDays();
    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    auto report = Store::pruneWorkingSet(*db, Store::workingSetCutoff(today, lookBack), dryRun);
    if (!report)
        return failed(report.error());
    printJsonLine(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("dryRun"), dryRun},
                              {QStringLiteral("date"), today.toString(Qt::ISODate)},
                              {QStringLiteral("lookBackDays"), lookBack},
                              {QStringLiteral("cutoff"), report->cutoff.toString(Qt::ISODate)},
                              {QStringLiteral("crossingsRemoved"), report->crossingsRemoved},
                              {QStringLiteral("eventsRemoved"), report->eventsRemoved},
                              {QStringLiteral("personsRemoved"), report->personsRemoved},
                              {QStringLiteral("crossingsKept"), report->crossingsKept}});
    return ExitOk;
}

const Registration reg{{QStringLiteral("prune")}, QStringLiteral("Shrink the database to the kiosk's working set"), &runPrune};

} // namespace
