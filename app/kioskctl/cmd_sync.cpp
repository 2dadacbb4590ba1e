// kioskctl sync --once | --status [--retry-rejected].
//   --once    one round: push the outbox, pull registry and feed; prints the round's report.
//             Exit 0 when the round completed (rejections are reported, not failures), 1 when
//             the central side could not be reached or answered wrongly.
//   --status  {"online","pending","rejected","oldestPendingAgeSeconds","lastSuccess","lastError",
//              "unverifiedPulls": feed events kept aside because they did not verify (yet)}
//   --retry-rejected  put rejected events back in the queue (after the cause was fixed).
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/store/database.h"
#include "app/store/outbox.h"
#include "app/kioskctl/kioskcommand.h"
#include "app/session/kioskdatabase.h"
#include "app/session/kioskpolicy.h"
#include "sync/client/syncclient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

using namespace Kiosk;
using namespace Kiosk::Ctl;

namespace {

QJsonValue orNull(const std::optional<QDateTime> &t)
{
    return t ? QJsonValue(t->toUTC().toString(Qt::ISODate)) : QJsonValue();
}

// `lastError` falls back to `why` when nothing went wrong yet.
void printStatus(const Sync::SyncStatus &s, const QString &why)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString error = s.lastError.isEmpty() ? why : s.lastError;
    printJsonLine(QJsonObject{{QStringLiteral("online"), s.online},
                              {QStringLiteral("pending"), s.pending},
                              {QStringLiteral("rejected"), s.rejected},
                              {QStringLiteral("oldestPendingAgeSeconds"), s.oldestPendingAt ? QJsonValue(s.oldestPendingAt->secsTo(now)) : QJsonValue()},
                              {QStringLiteral("lastSuccess"), orNull(s.lastSuccess)},
                              {QStringLiteral("unverifiedPulls"), s.unverifiedPulls},
                              {QStringLiteral("lastError"), error.isEmpty() ? QJsonValue() : QJsonValue(error)}});
}

void addSyncOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("once"), QStringLiteral("Do one round and exit")});
    p.addOption({QStringLiteral("status"), QStringLiteral("Print the sync status as JSON")});
    p.addOption({QStringLiteral("retry-rejected"), QStringLiteral("Re-queue the events the central side rejected")});
    p.addOption({QStringLiteral("batch"), QStringLiteral("Events per push (default 500)"), QStringLiteral("N"), QStringLiteral("500")});
    p.addOption({QStringLiteral("timeout"), QStringLiteral("Per-request timeout in ms (default 15000)"), QStringLiteral("MS"), QStringLiteral("15000")});
}

// --retry-rejected: the rejected events back in the queue.
int requeueRejected(Store::Database &db)
{
    auto n = Store::Outbox(db).requeueRejected();
    if (!n) {
        printError(n.error().message);
        return ExitNegative;
    }
    printJsonLine(QJsonObject{{QStringLiteral("requeued"), *n}});
    return ExitOk;
}

// --once with no central service configured: a clear answer, and what is queued stays queued.
int reportNotConfigured(const KioskConfig &config, Store::Database &db)
{
    auto s = Sync::storedSyncStatus(db, false);
    printJsonLine(QJsonObject{{QStringLiteral("ok"), false},
                              {QStringLiteral("error"), QStringLiteral("SYNC_NOT_CONFIGURED")},
                              {QStringLiteral("message"), QStringLiteral("no central service configured: [central] url and ca in %1, or --central URL --ca FILE")
                                                              .arg(config.sourceFile.isEmpty() ? QStringLiteral("kiosk.ini") : config.sourceFile)},
                              {QStringLiteral("pending"), s ? s->pending : 0}});
    return ExitNegative;
}

// --status with no central service configured: what is queued is still worth knowing (an
// offline kiosk).
int printStoredStatus(Store::Database &db)
{
    auto s = Sync::storedSyncStatus(db, false);
    if (!s) {
        printError(s.error().message);
        return ExitNegative;
    }
    printStatus(*s, QStringLiteral("no central service configured ([central] url)"));
    return ExitOk;
}

// The client's settings: the configuration's, the command line's batch and timeout, and for
// --once the working set of the policy in force.
Sync::SyncSettings settingsFor(const QCommandLineParser &p, const KioskConfig &config, Store::Database &db,
                               const Result<Session::TrustAnchor> &anchor, bool once)
{
    const bool applyReference = anchor && !anchor->isDevelopment();
    Sync::SyncSettings settings = Session::syncSettingsFor(config, applyReference ? std::optional(anchor->key) : std::nullopt);
    settings.batchSize = std::clamp(p.value(QStringLiteral("batch")).toInt(), 1, 1000);
    settings.requestTimeoutMs = std::clamp(p.value(QStringLiteral("timeout")).toInt(), 100, 600000);
    // The pulled crossings kept are the working set of the policy in force (app/store/workingset.h);
    // without a policy that verifies, nothing is pruned.
    if (once && anchor) {
        if (auto policies = loadPolicy(config, db, anchor->key))
            settings.workingSetDays = policies->set.lookBackDays();
    }
    return settings;
}

// --status with a central service: "online" from a probe.
int printLiveStatus(Sync::SyncClient &client)
{
    (void)client.probe(3000); // sets "online"
    auto s = client.status();
    if (!s) {
        printError(s.error().message);
        return ExitNegative;
    }
    printStatus(*s, QString());
    return ExitOk;
}

// --once: one round, and its report.
int runRound(Sync::SyncClient &client)
{
    auto round = client.runOnce();
    auto s = client.status();
    QJsonObject out;
    if (round) {
        out = QJsonObject{{QStringLiteral("ok"), true},
                          {QStringLiteral("stored"), round->stored},
                          {QStringLiteral("duplicate"), round->duplicate},
                          {QStringLiteral("rejected"), round->rejected},
                          {QStringLiteral("rejections"), QJsonArray::fromStringList(round->rejections)},
                          {QStringLiteral("pulled"), round->pulled},
                          {QStringLiteral("pruned"), round->pruned},
                          {QStringLiteral("pullRejected"), round->pullRejected},
                          {QStringLiteral("pullRecovered"), round->pullRecovered},
                          {QStringLiteral("referenceApplied"), QJsonArray::fromStringList(round->referenceApplied)},
                          {QStringLiteral("referenceRefused"), QJsonArray::fromStringList(round->referenceRefused)}};
    } else {
        out = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), round.error().code}, {QStringLiteral("message"), round.error().message}};
    }
    if (s) {
        out[QStringLiteral("pending")] = s->pending;
        out[QStringLiteral("unverifiedPulls")] = s->unverifiedPulls;
    }
    printJsonLine(out);
    return round ? ExitOk : ExitNegative;
}

int runSync(const QStringList &args)
{
    QCommandLineParser p;
    addSyncOptions(p);
    auto config = kioskCommandConfig(p, QStringLiteral("sync"), args, true);
    if (!config)
        return ExitUsage;
    const bool once = p.isSet(QStringLiteral("once")), status = p.isSet(QStringLiteral("status")), retry = p.isSet(QStringLiteral("retry-rejected"));
    if (int(once) + int(status) + int(retry) != 1) {
        printError(QStringLiteral("sync: give exactly one of --once, --status, --retry-rejected"));
        return ExitUsage;
    }
    // --status only reads (and so works on a full disk); --once and --retry-rejected write.
    auto db = Session::openKioskDatabase(*config, {}, status ? Session::DatabaseAccess::ReadOnly : Session::DatabaseAccess::Write);
    if (!db) {
        printError(QStringLiteral("%1: %2").arg(db.error().code, db.error().message));
        return ExitNegative;
    }
    if (retry)
        return requeueRejected(*db);
    // Reference data (policy, watchlists, permits, visas) is applied only under a real anchor:
    // under the development key (warned about) or an unreadable one, the push and the feed
    // still run and nothing pulled is applied.
    const auto anchor = kioskTrustAnchor(*config, QStringLiteral("sync"));
    if (config->centralUrl.isEmpty())
        return once ? reportNotConfigured(*config, *db) : printStoredStatus(*db);
    const Sync::SyncSettings settings = settingsFor(p, *config, *db, anchor, once);
    // kioskctl is a composition root: the system clock (one round; the scheduler is unused).
    const SystemClock clock;
    auto client = Sync::SyncClient::create(*db, settings, clock, systemScheduler());
    if (!client) {
        printError(QStringLiteral("%1: %2").arg(client.error().code, client.error().message));
        return ExitUsage;
    }
    return status ? printLiveStatus(**client) : runRound(**client);
}

const Registration reg{{QStringLiteral("sync")}, QStringLiteral("Push the outbox and pull the feed (--once), or show --status"), &runSync};

} // namespace
