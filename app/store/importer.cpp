#include "app/store/importer.h"

#include "app/store/crossingrepository.h"
#include "app/store/database.h"
#include "app/store/importreader_p.h"
#include "app/store/permitrepository.h"
#include "app/store/personrepository.h"
#include "app/store/sqlvalue_p.h"
#include "app/store/visarepository.h"
#include "app/store/watchlistrepository.h"

#include <QBuffer>

#include <functional>
#include <optional>
#include <utility>

namespace Kiosk::Store {

namespace {

Result<void> writeRecord(Database &db, ImportKind kind, const ImportRow &rec, const QString &listVersion, const QDateTime &importedAt)
{
    if (kind == ImportKind::Watchlist) {
        auto r = WatchlistRepository(db).add(rec.entry, importedAt, listVersion, rec.validity);
        if (!r)
            return std::unexpected(r.error());
        return {};
    }
    auto person = PersonRepository(db).findOrCreate(rec.document, importedAt);
    if (!person)
        return std::unexpected(person.error());
    Result<qint64> written;
    switch (kind) {
    case ImportKind::Crossings: {
        CrossingRecord c;
        c.personId = person->personId;
        c.documentId = person->documentId;
        c.crossing = rec.crossing;
        c.kioskId = rec.kioskId;
        c.eventId = rec.eventId;
        c.source = QStringLiteral("import");
        written = CrossingRepository(db).record(c);
        break;
    }
    case ImportKind::Visas:
        written = VisaRepository(db).add(person->personId, person->documentId, rec.visa);
        break;
    case ImportKind::Permits:
        written = PermitRepository(db).add(person->personId, rec.permit);
        break;
    case ImportKind::Watchlist:
        break;
    }
    if (!written)
        return std::unexpected(written.error());
    return {};
}

void addRejection(ImportReport &report, ImportRowError error)
{
    ++report.rejectedCount;
    if (report.rejected.size() < kImportMaxRejected)
        report.rejected.append(std::move(error));
}

// Types and checks one record as it streams past: its errors go to the report, and the record
// comes back only when it has none.
std::optional<ImportRow> checkRecord(ImportKind kind, const ImportRecord &raw, ImportReport &report)
{
    auto row = validateImportRow(kind, raw);
    if (row)
        return std::move(*row);
    for (ImportRowError &e : row.error())
        addRejection(report, std::move(e));
    return std::nullopt;
}

Result<void> checkOptions(const ImportOptions &options)
{
    if (options.replace && options.kind != ImportKind::Watchlist)
        return fail(QStringLiteral("IMPORT_BAD_OPTIONS"), QStringLiteral("--replace applies to watchlists only"));
    return {};
}

// Writes one good record; its error is the database's refusal of the row.
using RecordWriter = std::function<Result<void>(const ImportRow &)>;

// Reads and checks every record of `input` in one pass. While no row is bad, each good record
// goes to `write` (when there is one) as soon as it is read: the caller's transaction holds
// them, and is rolled back if a later row turns out bad, so no record needs to be kept.
Result<ImportReport> readCheckAndWrite(QIODevice &input, const ImportOptions &options, const RecordWriter &write)
{
    ImportReport report;
    std::optional<ImportRowError> refused;
    const QSet<QString> allowed = importColumns(options.kind);
    auto read = readImportRecords(input, options.format, options.readChunkBytes, allowed, [&](const ImportRecord &raw) {
        ++report.rows;
        const std::optional<ImportRow> rec = checkRecord(options.kind, raw, report);
        // After a bad row or a refusal the file is rolled back anyway: writing more is waste.
        if (!rec || !write || report.rejectedCount > 0 || refused)
            return;
        if (auto r = write(*rec); !r) // a repeated id, ...: the whole file is rejected
            refused = ImportRowError{rec->line, rec->index, QString(), r.error().message};
    });
    if (!read)
        return std::unexpected(read.error());
    // The refusal is reported only for a file without bad rows, as when every row was checked
    // before the first was written: the bad rows are what the sender must fix first.
    if (refused && report.rejectedCount == 0)
        addRejection(report, *refused);
    return report;
}

// The byte-array entry points read through a QBuffer, the same path as a file.
template <typename Import>
Result<ImportReport> readBytes(const QByteArray &bytes, Import &&import)
{
    QBuffer buffer;
    buffer.setData(bytes);
    if (!buffer.open(QIODevice::ReadOnly))
        return std::unexpected(badFile(1, QStringLiteral("cannot read the file: %1").arg(buffer.errorString())));
    return import(buffer);
}

} // namespace

Result<ImportReport> validateImport(QIODevice &input, const ImportOptions &options)
{
    if (auto ok = checkOptions(options); !ok)
        return std::unexpected(ok.error());
    return readCheckAndWrite(input, options, RecordWriter());
}

Result<ImportReport> validateImport(const QByteArray &bytes, const ImportOptions &options)
{
    return readBytes(bytes, [&](QIODevice &input) { return validateImport(input, options); });
}

Result<ImportReport> importRecords(Database &db, QIODevice &input, const ImportOptions &options)
{
    if (auto ok = checkOptions(options); !ok)
        return std::unexpected(ok.error());
    if (!options.importedAt.isValid())
        return fail(QStringLiteral("IMPORT_BAD_OPTIONS"), QStringLiteral("an import needs the time it happens (importedAt)"));

    // One transaction for the whole file, open while it is read: a bad row or a refusal
    // anywhere rolls back every row written before it (and --replace's clearing).
    Transaction tx(db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    if (options.replace) {
        if (auto r = WatchlistRepository(db).clear(); !r)
            return std::unexpected(r.error());
    }
    auto report = readCheckAndWrite(input, options, [&](const ImportRow &rec) {
        return writeRecord(db, options.kind, rec, options.listVersion, options.importedAt);
    });
    if (!report || !report->rejected.isEmpty())
        return report; // tx rolls back: nothing of the file is kept
    // imported_at bound, not the column's SQLite default ('now'): one clock.
    auto logged = db.exec(QStringLiteral("INSERT INTO list_imports (kind, source, list_version, issued_at, imported_at, row_count) "
                                         "VALUES (?, ?, ?, ?, ?, ?)"),
                          {importKindToString(options.kind), Sql::str(options.source), Sql::str(options.listVersion),
                           options.issuedAt ? QVariant(options.issuedAt->toUTC().toString(Qt::ISODate))
                                            : QVariant(QMetaType(QMetaType::QString)),
                           Sql::instant(options.importedAt), report->rows});
    if (!logged)
        return std::unexpected(logged.error());
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    report->imported = report->rows;
    return report;
}

Result<ImportReport> importRecords(Database &db, const QByteArray &bytes, const ImportOptions &options)
{
    return readBytes(bytes, [&](QIODevice &input) { return importRecords(db, input, options); });
}

} // namespace Kiosk::Store
