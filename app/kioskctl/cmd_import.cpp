// kioskctl import --db PATH --kind watchlist|permits|visas|crossings FILE.(json|csv)
// (issue 3 §3): all or nothing per file; bad rows are reported with their line numbers (the
// first Store::kImportMaxRejected; "rejected_count" counts them all).
// Exit: 0 imported, 1 file rejected (bad rows, unreadable file, database failure), 2 usage.
#include "app/core/clock.h"
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"
#include "app/store/database.h"
#include "app/store/importer.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace {

using namespace Kiosk;
using namespace Kiosk::Ctl;

int runImport(const QStringList &args)
{
    const QString name = QStringLiteral("import");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Import watchlists, permits, visas or historical crossings from JSON or CSV. "
                       "A file with any bad row imports nothing."));
    const QCommandLineOption dbOpt(QStringLiteral("db"), QStringLiteral("The kiosk database (created if missing)."),
                                   QStringLiteral("PATH"));
    const QCommandLineOption kindOpt(QStringLiteral("kind"), QStringLiteral("watchlist | permits | visas | crossings"),
                                     QStringLiteral("KIND"));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
                                       QStringLiteral("json | csv (default: from the file's extension)"),
                                       QStringLiteral("FORMAT"));
    const QCommandLineOption versionOpt(QStringLiteral("list-version"), QStringLiteral("The list's own version."),
                                        QStringLiteral("VERSION"));
    const QCommandLineOption issuedOpt(QStringLiteral("issued-at"),
                                       QStringLiteral("When the list was issued (ISO 8601 date-time)."),
                                       QStringLiteral("DATETIME"));
    const QCommandLineOption replaceOpt(QStringLiteral("replace"),
                                        QStringLiteral("Watchlist only: the file replaces every entry held."));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"),
                                       QStringLiteral("Check the file and report its bad rows; write nothing (no --db needed)."));
    const QCommandLineOption prettyOpt(QStringLiteral("pretty"), QStringLiteral("Indented JSON output."));
    parser.addOptions({dbOpt, kindOpt, formatOpt, versionOpt, issuedOpt, replaceOpt, dryRunOpt, prettyOpt});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import (- for standard input)."));
    if (!parseArgs(parser, name, args))
        return parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;

    auto usage = [&](const QString &message) {
        printError(name + QStringLiteral(": ") + message);
        return static_cast<int>(ExitUsage);
    };
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("exactly one FILE is needed"));
    const bool dryRun = parser.isSet(dryRunOpt);
    if (!dryRun && (!parser.isSet(dbOpt) || parser.value(dbOpt).isEmpty()))
        return usage(QStringLiteral("--db PATH is required"));
    const auto kind = Store::importKindFromString(parser.value(kindOpt));
    if (!kind)
        return usage(QStringLiteral("--kind must be watchlist, permits, visas or crossings"));
    const QString file = parser.positionalArguments().constFirst();

    Store::ImportOptions options;
    options.kind = *kind;
    options.source = file == QLatin1String("-") ? QStringLiteral("stdin") : QFileInfo(file).fileName();
    options.listVersion = parser.value(versionOpt);
    options.replace = parser.isSet(replaceOpt);
    options.importedAt = SystemClock().now(); // kioskctl is a composition root: the system clock
    if (options.replace && *kind != Store::ImportKind::Watchlist)
        return usage(QStringLiteral("--replace applies to --kind watchlist only"));
    if (parser.isSet(issuedOpt)) {
        const QDateTime t = QDateTime::fromString(parser.value(issuedOpt), Qt::ISODate);
        if (!t.isValid())
            return usage(QStringLiteral("--issued-at must be an ISO 8601 date-time"));
        options.issuedAt = t;
    }
    QString format = parser.value(formatOpt).toLower();
    if (format.isEmpty())
        format = QFileInfo(file).suffix().toLower();
    if (format == QLatin1String("json"))
        options.format = Store::ImportFormat::Json;
    else if (format == QLatin1String("csv"))
        options.format = Store::ImportFormat::Csv;
    else
        return usage(QStringLiteral("--format must be json or csv (or the file must end in .json or .csv)"));

    // Read as it is imported, a chunk at a time: the file may be larger than the memory spared
    // for it (issue 18 §7).
    QString readError;
    QFile input;
    if (!openInput(file, input, &readError)) {
        printError(name + QStringLiteral(": ") + readError);
        return ExitNegative;
    }
    Result<Store::ImportReport> report = Store::ImportReport{};
    if (dryRun) {
        report = Store::validateImport(input, options);
    } else {
        // A page cache of 8 MiB, not the check's 32: the import's per-row lookups gain nothing
        // from more (100,000 crossings in 6.3 s either way), while a larger cache fills with the
        // pages written and grows the process with the file (69 MB at 300,000 rows against
        // 41 MB; tst_importmemory).
        Store::Database::Options dbOptions;
        dbOptions.cacheKiB = 8 * 1024;
        auto db = Store::Database::open(parser.value(dbOpt), dbOptions);
        if (!db) {
            printError(QStringLiteral("%1: %2: %3").arg(name, db.error().code, db.error().message));
            return ExitNegative;
        }
        report = Store::importRecords(*db, input, options);
    }
    if (!report) {
        printError(QStringLiteral("%1: %2: %3: %4").arg(name, file, report.error().code, report.error().message));
        return ExitNegative;
    }

    QJsonArray rejected;
    for (const auto &e : std::as_const(report->rejected)) {
        QJsonObject o{{QStringLiteral("line"), e.line}, {QStringLiteral("error"), e.message}};
        if (e.index >= 0)
            o.insert(QStringLiteral("index"), e.index);
        if (!e.field.isEmpty())
            o.insert(QStringLiteral("field"), e.field);
        rejected.append(o);
        printError(QStringLiteral("%1:%2: %3%4").arg(file).arg(e.line).arg(
            e.field.isEmpty() ? QString() : e.field + QStringLiteral(": "), e.message));
    }
    const int unlisted = report->rejectedCount - static_cast<int>(report->rejected.size());
    if (unlisted > 0)
        printError(QStringLiteral("%1: %2 more errors not listed").arg(file).arg(unlisted));
    const QJsonObject out{{QStringLiteral("kind"), Store::importKindToString(*kind)},
                          {QStringLiteral("file"), file},
                          {QStringLiteral("rows"), report->rows},
                          {QStringLiteral("imported"), report->imported},
                          {QStringLiteral("dry_run"), dryRun},
                          {QStringLiteral("rejected"), rejected},
                          {QStringLiteral("rejected_count"), report->rejectedCount}};
    if (parser.isSet(prettyOpt))
        printJsonPretty(out);
    else
        printJsonLine(out);
    return report->rejected.isEmpty() ? ExitOk : ExitNegative;
}

const Registration reg{{QStringLiteral("import")},
                       QStringLiteral("Import watchlists, permits, visas or crossings (JSON/CSV, all or nothing)"),
                       &runImport};

} // namespace
