// kioskctl import --db PATH --kind watchlist|permits|visas|crossings FILE.(json|csv):
// all or nothing per file; bad rows are reported with their line numbers (the
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

const QString kName = QStringLiteral("import");

// The command line of `kioskctl import`.
struct ImportCommandLine
{
    const QCommandLineOption db{QStringLiteral("db"), QStringLiteral("The kiosk database (created if missing)."), QStringLiteral("PATH")};
    const QCommandLineOption kind{QStringLiteral("kind"), QStringLiteral("watchlist | permits | visas | crossings"), QStringLiteral("KIND")};
    const QCommandLineOption format{QStringLiteral("format"), QStringLiteral("json | csv (default: from the file's extension)"),
                                    QStringLiteral("FORMAT")};
    const QCommandLineOption version{QStringLiteral("list-version"), QStringLiteral("The list's own version."), QStringLiteral("VERSION")};
    const QCommandLineOption issued{QStringLiteral("issued-at"), QStringLiteral("When the list was issued (ISO 8601 date-time)."),
                                    QStringLiteral("DATETIME")};
    const QCommandLineOption replace{QStringLiteral("replace"), QStringLiteral("Watchlist only: the file replaces every entry held.")};
    const QCommandLineOption dryRun{QStringLiteral("dry-run"),
                                    QStringLiteral("Check the file and report its bad rows; write nothing (no --db needed).")};
    const QCommandLineOption pretty{QStringLiteral("pretty"), QStringLiteral("Indented JSON output.")};
    QCommandLineParser parser;

    ImportCommandLine()
    {
        parser.setApplicationDescription(
            QStringLiteral("Import watchlists, permits, visas or historical crossings from JSON or CSV. "
                           "A file with any bad row imports nothing."));
        parser.addOptions({db, kind, format, version, issued, replace, dryRun, pretty});
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The file to import (- for standard input)."));
    }
};

// What to import, read from the command line.
struct ImportRequest
{
    QString file;
    bool dryRun = false;
    Store::ImportOptions options;
};

// The request, or what is wrong with the command line.
std::expected<ImportRequest, QString> readRequest(const ImportCommandLine &cli)
{
    const QCommandLineParser &parser = cli.parser;
    if (parser.positionalArguments().size() != 1)
        return std::unexpected(QStringLiteral("exactly one FILE is needed"));
    ImportRequest request;
    request.dryRun = parser.isSet(cli.dryRun);
    if (!request.dryRun && (!parser.isSet(cli.db) || parser.value(cli.db).isEmpty()))
        return std::unexpected(QStringLiteral("--db PATH is required"));
    const auto kind = Store::importKindFromString(parser.value(cli.kind));
    if (!kind)
        return std::unexpected(QStringLiteral("--kind must be watchlist, permits, visas or crossings"));
    request.file = parser.positionalArguments().constFirst();

    Store::ImportOptions &options = request.options;
    options.kind = *kind;
    options.source = request.file == QLatin1String("-") ? QStringLiteral("stdin") : QFileInfo(request.file).fileName();
    options.listVersion = parser.value(cli.version);
    options.replace = parser.isSet(cli.replace);
    options.importedAt = SystemClock().now(); // kioskctl is a composition root: the system clock
    if (options.replace && *kind != Store::ImportKind::Watchlist)
        return std::unexpected(QStringLiteral("--replace applies to --kind watchlist only"));
    if (parser.isSet(cli.issued)) {
        const QDateTime t = QDateTime::fromString(parser.value(cli.issued), Qt::ISODate);
        if (!t.isValid())
            return std::unexpected(QStringLiteral("--issued-at must be an ISO 8601 date-time"));
        options.issuedAt = t;
    }
    QString format = parser.value(cli.format).toLower();
    if (format.isEmpty())
        format = QFileInfo(request.file).suffix().toLower();
    if (format == QLatin1String("json"))
        options.format = Store::ImportFormat::Json;
    else if (format == QLatin1String("csv"))
        options.format = Store::ImportFormat::Csv;
    else
        return std::unexpected(QStringLiteral("--format must be json or csv (or the file must end in .json or .csv)"));
    return request;
}

// Validates (a dry run) or imports the file into the database at `dbPath`; the report, or
// nullopt when the file or the database failed (said on stderr).
std::optional<Store::ImportReport> importFile(const ImportRequest &request, const QString &dbPath)
{
    // Read as it is imported, a chunk at a time: the file may be larger than the memory spared
    // for it.
    QString readError;
    QFile input;
    if (!openInput(request.file, input, &readError)) {
        printError(kName + QStringLiteral(": ") + readError);
        return std::nullopt;
    }
    Result<Store::ImportReport> report = Store::ImportReport{};
    if (request.dryRun) {
        report = Store::validateImport(input, request.options);
    } else {
        // A page cache of 8 MiB, not the check's 32: the import's per-row lookups gain nothing
        // from more (100,000 crossings in 6.3 s either way), while a larger cache fills with the
        // pages written and grows the process with the file (69 MB at 300,000 rows against
        // 41 MB; tst_importmemory).
        Store::Database::Options dbOptions;
        dbOptions.cacheKiB = 8 * 1024;
        auto db = Store::Database::open(dbPath, dbOptions);
        if (!db) {
            printError(QStringLiteral("%1: %2: %3").arg(kName, db.error().code, db.error().message));
            return std::nullopt;
        }
        report = Store::importRecords(*db, input, request.options);
    }
    if (!report) {
        printError(QStringLiteral("%1: %2: %3: %4").arg(kName, request.file, report.error().code, report.error().message));
        return std::nullopt;
    }
    return *report;
}

// The bad rows: each on stderr as FILE:LINE, and as the JSON array of the report.
QJsonArray rejectedRows(const QString &file, const Store::ImportReport &report)
{
    QJsonArray rejected;
    for (const auto &e : std::as_const(report.rejected)) {
        QJsonObject o{{QStringLiteral("line"), e.line}, {QStringLiteral("error"), e.message}};
        if (e.index >= 0)
            o.insert(QStringLiteral("index"), e.index);
        if (!e.field.isEmpty())
            o.insert(QStringLiteral("field"), e.field);
        rejected.append(o);
        printError(QStringLiteral("%1:%2: %3%4").arg(file).arg(e.line).arg(
            e.field.isEmpty() ? QString() : e.field + QStringLiteral(": "), e.message));
    }
    const int unlisted = report.rejectedCount - static_cast<int>(report.rejected.size());
    if (unlisted > 0)
        printError(QStringLiteral("%1: %2 more errors not listed").arg(file).arg(unlisted));
    return rejected;
}

int runImport(const QStringList &args)
{
    ImportCommandLine cli;
    if (!parseArgs(cli.parser, kName, args))
        return cli.parser.isSet(QStringLiteral("help")) ? ExitOk : ExitUsage;
    const auto request = readRequest(cli);
    if (!request) {
        printError(kName + QStringLiteral(": ") + request.error());
        return ExitUsage;
    }
    const std::optional<Store::ImportReport> report = importFile(*request, cli.parser.value(cli.db));
    if (!report)
        return ExitNegative;
    const QJsonArray rejected = rejectedRows(request->file, *report);
    const QJsonObject out{{QStringLiteral("kind"), Store::importKindToString(request->options.kind)},
                          {QStringLiteral("file"), request->file},
                          {QStringLiteral("rows"), report->rows},
                          {QStringLiteral("imported"), report->imported},
                          {QStringLiteral("dry_run"), request->dryRun},
                          {QStringLiteral("rejected"), rejected},
                          {QStringLiteral("rejected_count"), report->rejectedCount}};
    if (cli.parser.isSet(cli.pretty))
        printJsonPretty(out);
    else
        printJsonLine(out);
    return report->rejected.isEmpty() ? ExitOk : ExitNegative;
}

const Registration reg{{QStringLiteral("import")},
                       QStringLiteral("Import watchlists, permits, visas or crossings (JSON/CSV, all or nothing)"),
                       &runImport};

} // namespace
