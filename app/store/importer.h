#pragma once
// `kioskctl import`: loads watchlists, permits, visas and historical crossings
// from JSON or CSV into the store. A file is all or nothing: every row is checked first, every
// bad row is reported with its line (JSON: also its index in the array), and a file with any
// bad row imports nothing; the good file is written in ONE transaction (a database refusal on
// a row, e.g. a repeated watchlist id, also rejects the whole file with that row's line).
//
// Formats (one record per JSON object in a top-level array, or per CSV row after a header):
//   person columns (permits, visas, crossings):
//     issuing_state, document_number, nationality, surname   required
//     given_names, birth_date, document_code, expiry_date     optional
//   crossings:  direction (entry|exit), date; optional checkpoint, kiosk_id, event_id
//   visas:      valid_from, valid_until, days; optional entries (0 = multiple), number
//   permits:    kind (temporary_residence|permanent_residence|work), valid_from, valid_until;
//               optional number
//   watchlist:  kind (entry_ban|stolen_document|wanted|protected_person|exit_restriction), id;
//               a document (issuing_state + document_number) and/or a person (surname,
//               given_names, birth_date, nationality); optional basis; exit_restriction rows
//               may carry valid_from / valid_until
// Dates are ISO 8601 calendar dates (YYYY-MM-DD). Unknown columns are errors (a typo must not
// silently drop a field). Error messages name line, field and problem, never the value (it may
// be personal data). Each record is typed and checked by validateImportRow (app/store/importrow.h),
// which `kioskctl check --scenario` uses for its rows too; the chunked JSON and CSV readers are
// app/store/importreader_p.h.
//
// Memory: the file is read in chunks and each record is checked and written as it
// goes by, inside the one transaction that a bad row rolls back, so an import holds one record
// and the first kImportMaxRejected errors, never the file (a 100,000-row file: tst_importmemory).
#include "app/core/error.h"
#include "app/store/importrow.h"

#include <QByteArray>
#include <QIODevice>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace Kiosk::Store {

class Database;

enum class ImportFormat { Json, Csv };

struct ImportOptions
{
    ImportKind kind = ImportKind::Watchlist;
    ImportFormat format = ImportFormat::Json;
    QString source;                   // file name, recorded in list_imports
    QString listVersion;              // the list's own version, if any
    std::optional<QDateTime> issuedAt;
    // When the import happens, on the caller's clock: recorded in list_imports, it
    // is what a watchlist's age (WATCHLIST_STALE) is measured from, against the same clock.
    // Required by importRecords (IMPORT_BAD_OPTIONS without it); validateImport writes nothing.
    QDateTime importedAt;
    bool replace = false;             // watchlist only: the file replaces the whole list
    // How much of the input is read at a time. Tests and the fuzzer use a few bytes, to put
    // chunk boundaries inside strings, escapes and UTF-8 sequences.
    qsizetype readChunkBytes = 64 * 1024;
};

// A file of 100,000 bad rows must not hold 100,000 messages: the first ones say what is wrong.
inline constexpr int kImportMaxRejected = 100;

struct ImportReport
{
    int rows = 0;                     // records read
    int imported = 0;                 // records written (0 whenever rejected is not empty)
    QList<ImportRowError> rejected;   // the first kImportMaxRejected, in file order
    int rejectedCount = 0;            // every error found, also those not kept in `rejected`
};

// Errors (the file as a whole cannot be read): IMPORT_BAD_FILE (not a JSON array, CSV without
// header or with unknown columns; the message gives the line), IMPORT_BAD_OPTIONS (--replace on
// a kind other than watchlist), STORE_* database failures not tied to a row.
// `input` is open for reading; it is read to its end, once. Read failures: IMPORT_BAD_FILE.
[[nodiscard]] Result<ImportReport> importRecords(Database &db, QIODevice &input, const ImportOptions &options);
[[nodiscard]] Result<ImportReport> importRecords(Database &db, const QByteArray &bytes, const ImportOptions &options);

// Reads and checks a file without a database (`kioskctl import --dry-run`, the fuzzer): the
// same report, `imported` always 0. Rows that only the database can refuse (a repeated
// watchlist id) are not caught here. Errors: IMPORT_BAD_FILE, IMPORT_BAD_OPTIONS.
[[nodiscard]] Result<ImportReport> validateImport(QIODevice &input, const ImportOptions &options);
[[nodiscard]] Result<ImportReport> validateImport(const QByteArray &bytes, const ImportOptions &options);

} // namespace Kiosk::Store
