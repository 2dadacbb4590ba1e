// kioskctl demo: the README's demo without a display. The same session as `border-kiosk --demo`
// (app/demo/demoenvironment.h): a seeded temporary store, the shipped policy, the simulator's
// sample documents, the one-transaction recorder and the embedded border-central on loopback.
// Each case is printed with its verdict, reasons and figures, then what the officer did and
// what the sync pushed.
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/demo/demoenvironment.h"
#include "scanner/sources/simulatorsource.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Kiosk;
using namespace Kiosk::Session;

namespace {

QString figuresText(const Case &c)
{
    QStringList parts;
    if (c.figures.allowedUntil)
        parts << QStringLiteral("allowed until %1").arg(c.figures.allowedUntil->toString(Qt::ISODate));
    if (c.figures.daysRemaining)
        parts << QStringLiteral("%1 days remaining").arg(*c.figures.daysRemaining);
    if (c.figures.overstayDays && *c.figures.overstayDays > 0)
        parts << QStringLiteral("overstay %1 days").arg(*c.figures.overstayDays);
    return parts.join(QStringLiteral(", "));
}

QJsonObject caseJson(const DemoDocument &doc, const Case &c)
{
    QJsonArray reasons;
    for (const Reason &r : c.reasons)
        reasons.append(reasonCodeToString(r.code));
    QJsonObject o{{QStringLiteral("case"), qint64(c.number)},
                  {QStringLiteral("sample"), doc.kind},
                  {QStringLiteral("direction"), directionToString(c.direction)},
                  {QStringLiteral("nationality"), c.document ? c.document->nationality.toString() : QString()},
                  {QStringLiteral("verdict"), c.evaluated ? verdictToString(c.verdict) : QString()},
                  {QStringLiteral("reasons"), reasons},
                  {QStringLiteral("policy_version"), c.policyVersion}};
    if (c.figures.allowedUntil)
        o.insert(QStringLiteral("allowed_until"), c.figures.allowedUntil->toString(Qt::ISODate));
    if (c.figures.overstayDays)
        o.insert(QStringLiteral("overstay_days"), *c.figures.overstayDays);
    if (c.outcome) {
        o.insert(QStringLiteral("event_id"), c.outcome->eventId);
        o.insert(QStringLiteral("sequence"), c.outcome->sequence);
    }
    return o;
}

// What a demo officer does with a case: record an ADMIT; override an overstayer's exit (the
// fine is the officer's business, §148, the exit is still recorded); refer everything else.
struct OfficerAction
{
    Result<RecordOutcome> outcome = fail(QStringLiteral("NONE"), QString());
    QString did;
};

OfficerAction actAsOfficer(CheckpointSession &session, const Case &c)
{
    OfficerAction a;
    if (c.evaluated && c.verdict == VerdictKind::Admit) {
        a.outcome = session.recordCrossing(c.direction);
        a.did = QStringLiteral("recorded %1").arg(directionToString(c.direction));
    } else if (containsReason(c.reasons, ReasonCode::Overstay)) {
        a.outcome = session.overrideVerdict(c.direction, VerdictKind::Admit,
                                            QStringLiteral("Overstay fine issued (§148, §166); exit recorded"));
        a.did = QStringLiteral("override to ADMIT with reason");
    } else {
        a.outcome = session.referToSecondary();
        a.did = QStringLiteral("referred to secondary inspection");
    }
    return a;
}

// A case as text: the traveller, verdict and figures, reasons, watchlist hits, the action.
void printCase(const DemoDocument &doc, const Case &c, const OfficerAction &action)
{
    QStringList reasons;
    for (const Reason &r : c.reasons)
        reasons << QStringLiteral("%1 (%2)").arg(reasonCodeToString(r.code), r.source);
    Ctl::printLine(QStringLiteral("case %1  %2  %3 %4 %5, %6")
                       .arg(c.number)
                       .arg(doc.kind, -17)
                       .arg(directionToString(c.direction), -5)
                       .arg(c.document ? c.document->nationality.toString() : QStringLiteral("?"),
                            c.document ? c.document->surname : QString(),
                            c.document ? c.document->givenNames : QString()));
    Ctl::printLine(QStringLiteral("        verdict %1  %2").arg(c.evaluated ? verdictToString(c.verdict) : QStringLiteral("NONE"), figuresText(c)));
    Ctl::printLine(QStringLiteral("        reasons %1").arg(reasons.join(QStringLiteral(", "))));
    for (const WatchlistHit &h : c.watchlistHits)
        Ctl::printLine(QStringLiteral("        watchlist %1: %2").arg(watchlistKindToString(h.kind), h.basis));
    Ctl::printLine(action.outcome ? QStringLiteral("        officer %1 -> event %2 (no. %3)\n").arg(action.did, action.outcome->eventId).arg(action.outcome->sequence)
                                  : QStringLiteral("        officer %1 -> FAILED: %2\n").arg(action.did, action.outcome.error().message));
}

// Each sample plays once through the simulator, exactly as in the console, and is acted on and
// printed; the number of samples that did not get their expected verdict.
int playSamples(DemoEnvironment &env, CheckpointSession &session, bool asJson)
{
    const QList<DemoDocument> docs = env.documents();
    int mismatches = 0;
    for (const DemoDocument &doc : docs) {
        if (!env.playNext())
            break;
        const Case *c = session.currentCase();
        if (!c)
            continue;
        const OfficerAction action = actAsOfficer(session, *c);
        c = session.currentCase();
        if (c == nullptr)
            continue;
        if (c->verdict != doc.expected || !c->hasReason(doc.expectedReason))
            ++mismatches;
        if (asJson)
            Ctl::printJsonLine(caseJson(doc, *c));
        else
            printCase(doc, *c, action);
    }
    return mismatches;
}

// One sync round, the sync status printed; the exit status of the demo.
int finishDemo(DemoEnvironment &env, const CheckpointSession &session, bool asJson, int mismatches)
{
    const Result<void> synced = env.syncNow();
    const SyncStatus st = session.syncStatus();
    if (!asJson)
        Ctl::printLine(QStringLiteral("sync: %1; %2 event(s) pending, %3 rejected%4")
                           .arg(st.online ? QStringLiteral("online") : QStringLiteral("offline"))
                           .arg(st.pendingEvents)
                           .arg(st.rejectedEvents)
                           .arg(synced ? QString() : QStringLiteral(" (%1)").arg(synced.error().message)));
    else
        Ctl::printJsonLine({{QStringLiteral("sync_online"), st.online},
                            {QStringLiteral("pending_events"), st.pendingEvents},
                            {QStringLiteral("rejected_events"), st.rejectedEvents}});
    if (st.rejectedEvents > 0) {
        Ctl::printError(QStringLiteral("demo: the central side rejected %1 event(s)").arg(st.rejectedEvents));
        return Ctl::ExitNegative;
    }
    if (mismatches > 0) {
        Ctl::printError(QStringLiteral("demo: %1 sample(s) did not get their expected verdict").arg(mismatches));
        return Ctl::ExitNegative;
    }
    return Ctl::ExitOk;
}

int runDemo(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("One JSON object per case (JSON Lines)."));
    const QCommandLineOption offline(QStringLiteral("offline"), QStringLiteral("Without the embedded central: events stay in the outbox."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Show the modules' log lines on stderr."));
    parser.addOptions({json, offline, verbose});
    if (!Ctl::parseArgs(parser, QStringLiteral("demo"), args))
        return Ctl::ExitUsage;
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("kiosk.*.info=false\nkiosk.*.debug=false"));

    SystemClock clock;
    DemoOptions options;
    options.simulatorIntervalMs = 0;
    options.embeddedCentral = !parser.isSet(offline);
    auto env = DemoEnvironment::create(clock, options);
    if (!env) {
        Ctl::printError(QStringLiteral("demo: %1 (%2)").arg(env.error().message, env.error().code));
        return Ctl::ExitNegative;
    }
    CheckpointSession *session = (*env)->session();
    if (auto s = session->signIn(DemoEnvironment::kOperatorId, DemoEnvironment::kOperatorPin); !s) {
        Ctl::printError(QStringLiteral("demo: sign-in failed: %1").arg(s.error().message));
        return Ctl::ExitNegative;
    }
    const bool asJson = parser.isSet(json);
    if (!asJson)
        Ctl::printLine(QStringLiteral("Border kiosk demo: checkpoint %1, officer %2, policy %3, central %4\n")
                           .arg(session->config().checkpoint, DemoEnvironment::kOperatorId, session->referenceStatus().policyVersion,
                                (*env)->centralUrl().isEmpty() ? QStringLiteral("none (offline)") : (*env)->centralUrl()));
    const int mismatches = playSamples(**env, *session, asJson);
    return finishDemo(**env, *session, asJson, mismatches);
}

const Ctl::Registration reg{{QStringLiteral("demo")},
                            QStringLiteral("Run the demo session headless and print each case and verdict"), &runDemo};

} // namespace
