#pragma once
// One record of reference data, typed and checked: a row of a `kioskctl import` file (JSON or
// CSV, app/store/importer.h) and a visa, permit, history or watchlist row of a
// `kioskctl check --scenario` file go through the same rules. The columns of each kind, the
// formats and what is required are listed in importer.h. Error messages name the field and the
// problem, never the value (it may be personal data).
#include "app/core/checkinputs.h"
#include "app/core/crossing.h"
#include "app/core/error.h"
#include "app/core/traveldocument.h"
#include "app/store/watchlistrepository.h"

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace Kiosk::Store {

enum class ImportKind { Watchlist, Permits, Visas, Crossings };
[[nodiscard]] std::optional<ImportKind> importKindFromString(QStringView text); // watchlist|permits|visas|crossings
[[nodiscard]] QString importKindToString(ImportKind kind);

struct ImportRowError
{
    int line = 0;       // 1-based line where the record starts
    int index = -1;     // JSON: 0-based index in the array; CSV: -1
    QString field;      // empty when the row as a whole is wrong
    QString message;
};

// Whose row it is. An import file's visas, permits and crossings name their person (the
// person columns of importer.h, issuing_state, document_number, nationality, surname
// required); a scenario's rows are the scanned traveller's, and have no person columns.
enum class PersonColumns { Required, None };

// The fields a record of `kind` may have; any other is an error.
[[nodiscard]] QSet<QString> importColumns(ImportKind kind, PersonColumns person = PersonColumns::Required);

// One record as read, before any typing: its place in the file and its fields as text
// (absent = empty or null).
struct ImportRecord
{
    int line = 0;
    int index = -1;
    QHash<QString, QString> fields;
    QList<ImportRowError> shapeErrors; // JSON values that are not scalars, unknown keys
};

// A JSON value as a record: strings trimmed, whole numbers as their digits, null as absent. A
// value that is not an object, a key not in `allowed`, a fraction or a nested value is a shape
// error of the record.
[[nodiscard]] ImportRecord importRecordFromJson(int line, int index, const QJsonValue &value, const QSet<QString> &allowed);

// A checked record: the fields of its kind are filled in, the others left default.
struct ImportRow
{
    int line = 0;
    int index = -1;
    TravelDocument document;                  // the person columns (PersonColumns::Required)
    Crossing crossing;                        // crossings
    QString kioskId;
    QString eventId;
    Visa visa;                                // visas (source "register")
    Permit permit;                            // permits
    WatchlistEntry entry;                     // watchlist
    WatchlistRepository::Validity validity;   // watchlist: exit restrictions only
};

// Types and checks one record: the row, or every problem found (the record's shape errors
// first), each naming its field and the record's line and index.
[[nodiscard]] std::expected<ImportRow, QList<ImportRowError>> validateImportRow(ImportKind kind, const ImportRecord &record,
                                                                                PersonColumns person = PersonColumns::Required);

} // namespace Kiosk::Store
