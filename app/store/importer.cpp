#include "app/store/importer.h"
#include "app/core/wholenumber.h"

#include "app/core/checkinputs.h"
#include "app/core/crossing.h"
#include "app/core/traveldocument.h"
#include "app/store/crossingrepository.h"
#include "app/store/database.h"
#include "app/store/permitrepository.h"
#include "app/store/personrepository.h"
#include "app/store/sqlvalue_p.h"
#include "app/store/visarepository.h"
#include "app/store/watchlistrepository.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>

#include <array>
#include <utility>

namespace Kiosk::Store {

namespace {

constexpr std::array<std::pair<ImportKind, const char16_t *>, 4> kKinds{{
    {ImportKind::Watchlist, u"watchlist"},
    {ImportKind::Permits, u"permits"},
    {ImportKind::Visas, u"visas"},
    {ImportKind::Crossings, u"crossings"},
}};

const QStringList kPersonColumns{QStringLiteral("issuing_state"), QStringLiteral("document_number"),
                                 QStringLiteral("nationality"),   QStringLiteral("surname"),
                                 QStringLiteral("given_names"),   QStringLiteral("birth_date"),
                                 QStringLiteral("document_code"), QStringLiteral("expiry_date")};

QSet<QString> allowedColumns(ImportKind kind)
{
    QStringList cols;
    switch (kind) {
    case ImportKind::Crossings:
        cols = kPersonColumns
            + QStringList{QStringLiteral("direction"), QStringLiteral("date"), QStringLiteral("checkpoint"),
                          QStringLiteral("kiosk_id"), QStringLiteral("event_id")};
        break;
    case ImportKind::Visas:
        cols = kPersonColumns
            + QStringList{QStringLiteral("valid_from"), QStringLiteral("valid_until"), QStringLiteral("days"),
                          QStringLiteral("entries"), QStringLiteral("number")};
        break;
    case ImportKind::Permits:
        cols = kPersonColumns
            + QStringList{QStringLiteral("kind"), QStringLiteral("valid_from"), QStringLiteral("valid_until"),
                          QStringLiteral("number")};
        break;
    case ImportKind::Watchlist:
        cols = QStringList{QStringLiteral("kind"),          QStringLiteral("id"),
                           QStringLiteral("surname"),       QStringLiteral("given_names"),
                           QStringLiteral("birth_date"),    QStringLiteral("nationality"),
                           QStringLiteral("issuing_state"), QStringLiteral("document_number"),
                           QStringLiteral("basis"),         QStringLiteral("valid_from"),
                           QStringLiteral("valid_until")};
        break;
    }
    return QSet<QString>(cols.begin(), cols.end());
}

// One record as read, before any typing: its place in the file and its fields as text
// (absent = empty or null).
struct RawRecord
{
    int line = 0;
    int index = -1;
    QHash<QString, QString> fields;
    QList<ImportRowError> shapeErrors; // JSON values that are not scalars, unknown keys
};

// --- JSON -------------------------------------------------------------------------------

int lineAtOffset(const QByteArray &bytes, qsizetype offset)
{
    return 1 + static_cast<int>(bytes.left(offset).count('\n'));
}

// Start line of every element of the top-level array (QJsonDocument keeps no positions).
QList<int> topLevelElementLines(const QByteArray &bytes)
{
    QList<int> lines;
    int line = 1;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    bool expectValue = false;
    for (const char c : bytes) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (depth == 1 && expectValue && !space && c != ',' && c != ']') {
            lines.append(line);
            expectValue = false;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '[':
        case '{':
            ++depth;
            if (depth == 1)
                expectValue = true;
            break;
        case ']':
        case '}':
            --depth;
            break;
        case ',':
            if (depth == 1)
                expectValue = true;
            break;
        default:
            break;
        }
    }
    return lines;
}

Result<QList<RawRecord>> readJson(const QByteArray &bytes, const QSet<QString> &allowed)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &err);
    if (err.error != QJsonParseError::NoError)
        return fail(QStringLiteral("IMPORT_BAD_FILE"),
                    QStringLiteral("line %1: invalid JSON: %2").arg(lineAtOffset(bytes, err.offset)).arg(err.errorString()));
    if (!doc.isArray())
        return fail(QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line 1: expected a JSON array of records"));
    const QJsonArray array = doc.array();
    const QList<int> lines = topLevelElementLines(bytes);
    QList<RawRecord> out;
    for (qsizetype i = 0; i < array.size(); ++i) {
        RawRecord r;
        r.index = static_cast<int>(i);
        r.line = i < lines.size() ? lines[i] : 0;
        if (!array[i].isObject()) {
            r.shapeErrors.append({r.line, r.index, QString(), QStringLiteral("record is not a JSON object")});
            out.append(r);
            continue;
        }
        const QJsonObject obj = array[i].toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            const QString key = it.key();
            if (!allowed.contains(key)) {
                r.shapeErrors.append({r.line, r.index, key, QStringLiteral("unknown field")});
                continue;
            }
            const QJsonValue v = it.value();
            if (v.isString()) {
                r.fields.insert(key, v.toString().trimmed());
            } else if (v.isDouble()) {
                if (const auto n = wholeNumber(v.toDouble()))
                    r.fields.insert(key, QString::number(*n));
                else
                    r.shapeErrors.append({r.line, r.index, key, QStringLiteral("not a whole number")});
            } else if (!v.isNull()) {
                r.shapeErrors.append({r.line, r.index, key, QStringLiteral("must be a string, a number or null")});
            }
        }
        out.append(r);
    }
    return out;
}

// --- CSV (RFC 4180: quotes, "" escapes, line breaks inside quotes) -----------------------

struct CsvRow
{
    int line = 0;
    QStringList cells;
};

Result<QList<CsvRow>> splitCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<CsvRow> rows;
    CsvRow row;
    QString cell;
    int line = 1;
    bool inQuotes = false;
    bool rowStarted = false;
    int quoteLine = 0;
    auto endCell = [&] {
        row.cells.append(cell);
        cell.clear();
    };
    auto endRow = [&] {
        endCell();
        // A line holding nothing at all is skipped (trailing newline, blank lines).
        if (!(row.cells.size() == 1 && row.cells.first().trimmed().isEmpty()))
            rows.append(row);
        row = CsvRow{};
        rowStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!rowStarted) {
            row.line = line;
            rowStarted = true;
        }
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    cell.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                cell.append(c);
            }
            continue;
        }
        if (c == u'"' && cell.trimmed().isEmpty()) {
            cell.clear();
            inQuotes = true;
            quoteLine = line;
        } else if (c == u',') {
            endCell();
        } else if (c == u'\n') {
            endRow();
            ++line;
        } else if (c != u'\r') {
            cell.append(c);
        }
    }
    if (inQuotes)
        return fail(QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line %1: unterminated quoted field").arg(quoteLine));
    if (rowStarted)
        endRow();
    return rows;
}

Result<QList<RawRecord>> readCsv(const QByteArray &bytes, const QSet<QString> &allowed)
{
    auto rows = splitCsv(bytes);
    if (!rows)
        return std::unexpected(rows.error());
    if (rows->isEmpty())
        return fail(QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line 1: no header row"));
    const CsvRow header = rows->takeFirst();
    QStringList columns;
    for (const QString &h : header.cells) {
        QString name = h.trimmed().toLower();
        if (name.startsWith(QChar(0xFEFF))) // a byte-order mark some spreadsheets write
            name.remove(0, 1);
        if (!allowed.contains(name))
            return fail(QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line %1: unknown column '%2'").arg(header.line).arg(name));
        if (columns.contains(name))
            return fail(QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line %1: repeated column '%2'").arg(header.line).arg(name));
        columns.append(name);
    }
    QList<RawRecord> out;
    for (const CsvRow &row : std::as_const(*rows)) {
        RawRecord r;
        r.line = row.line;
        if (row.cells.size() != columns.size()) {
            r.shapeErrors.append({r.line, -1, QString(),
                                  QStringLiteral("%1 fields, the header has %2").arg(row.cells.size()).arg(columns.size())});
        } else {
            for (qsizetype i = 0; i < columns.size(); ++i)
                r.fields.insert(columns[i], row.cells[i].trimmed());
        }
        out.append(r);
    }
    return out;
}

// --- typing and checking one record ----------------------------------------------------

struct Record
{
    int line = 0;
    int index = -1;
    TravelDocument document;
    Crossing crossing;
    QString kioskId;
    QString eventId;
    Visa visa;
    Permit permit;
    WatchlistEntry entry;
    WatchlistRepository::Validity validity;
};

class FieldReader
{
public:
    FieldReader(const RawRecord &raw, QList<ImportRowError> &errors) : m_raw(raw), m_errors(errors) {}

    void error(const QString &field, const QString &message) { m_errors.append({m_raw.line, m_raw.index, field, message}); }

    QString text(const QString &field, bool required)
    {
        const QString v = m_raw.fields.value(field);
        if (required && v.isEmpty())
            error(field, QStringLiteral("required"));
        return v;
    }
    std::optional<QDate> date(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        // Strict ISO 8601 calendar date: exactly YYYY-MM-DD.
        const QDate d = v.size() == 10 ? QDate::fromString(v, Qt::ISODate) : QDate();
        if (!d.isValid()) {
            error(field, QStringLiteral("not a date (YYYY-MM-DD)"));
            return std::nullopt;
        }
        return d;
    }
    std::optional<int> count(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        bool ok = false;
        const int n = v.toInt(&ok);
        if (!ok || n < 0) {
            error(field, QStringLiteral("not a whole number >= 0"));
            return std::nullopt;
        }
        return n;
    }
    std::optional<CountryCode> country(const QString &field, bool required)
    {
        const QString v = text(field, required);
        if (v.isEmpty())
            return std::nullopt;
        auto c = CountryCode::fromString(v.toUpper());
        if (!c)
            error(field, QStringLiteral("not an ICAO 9303-3 country code"));
        return c;
    }

private:
    const RawRecord &m_raw;
    QList<ImportRowError> &m_errors;
};

void readPerson(FieldReader &f, Record &rec)
{
    rec.document.issuingState = f.country(QStringLiteral("issuing_state"), true).value_or(CountryCode());
    rec.document.documentNumber = PersonRepository::normaliseDocumentNumber(f.text(QStringLiteral("document_number"), true));
    rec.document.nationality = f.country(QStringLiteral("nationality"), true).value_or(CountryCode());
    rec.document.surname = f.text(QStringLiteral("surname"), true);
    rec.document.givenNames = f.text(QStringLiteral("given_names"), false);
    rec.document.birthDate = f.date(QStringLiteral("birth_date"), false);
    rec.document.expiryDate = f.date(QStringLiteral("expiry_date"), false);
    const QString code = f.text(QStringLiteral("document_code"), false);
    rec.document.documentCode = code.isEmpty() ? QStringLiteral("P") : code.toUpper();
    rec.document.kind = documentKindFromCode(rec.document.documentCode);
}

void checkValidity(FieldReader &f, const std::optional<QDate> &from, const std::optional<QDate> &until)
{
    if (from && until && *from > *until)
        f.error(QStringLiteral("valid_until"), QStringLiteral("before valid_from"));
}

Record readRecord(ImportKind kind, const RawRecord &raw, QList<ImportRowError> &errors)
{
    Record rec;
    rec.line = raw.line;
    rec.index = raw.index;
    FieldReader f(raw, errors);
    switch (kind) {
    case ImportKind::Crossings: {
        readPerson(f, rec);
        const QString dir = f.text(QStringLiteral("direction"), true);
        if (auto d = directionFromString(dir))
            rec.crossing.direction = *d;
        else if (!dir.isEmpty())
            f.error(QStringLiteral("direction"), QStringLiteral("must be entry or exit"));
        rec.crossing.date = f.date(QStringLiteral("date"), true).value_or(QDate());
        rec.crossing.checkpoint = f.text(QStringLiteral("checkpoint"), false);
        rec.kioskId = f.text(QStringLiteral("kiosk_id"), false);
        rec.eventId = f.text(QStringLiteral("event_id"), false);
        break;
    }
    case ImportKind::Visas: {
        readPerson(f, rec);
        const auto from = f.date(QStringLiteral("valid_from"), true);
        const auto until = f.date(QStringLiteral("valid_until"), true);
        checkValidity(f, from, until);
        rec.visa.validFrom = from.value_or(QDate());
        rec.visa.validUntil = until.value_or(QDate());
        rec.visa.days = f.count(QStringLiteral("days"), true).value_or(0);
        rec.visa.entries = f.count(QStringLiteral("entries"), false).value_or(0);
        rec.visa.number = f.text(QStringLiteral("number"), false);
        rec.visa.source = QStringLiteral("register");
        break;
    }
    case ImportKind::Permits: {
        readPerson(f, rec);
        const QString k = f.text(QStringLiteral("kind"), true);
        if (auto pk = permitKindFromString(k))
            rec.permit.kind = *pk;
        else if (!k.isEmpty())
            f.error(QStringLiteral("kind"), QStringLiteral("must be temporary_residence, permanent_residence or work"));
        const auto from = f.date(QStringLiteral("valid_from"), true);
        const auto until = f.date(QStringLiteral("valid_until"), true);
        checkValidity(f, from, until);
        rec.permit.validFrom = from.value_or(QDate());
        rec.permit.validUntil = until.value_or(QDate());
        rec.permit.number = f.text(QStringLiteral("number"), false);
        break;
    }
    case ImportKind::Watchlist: {
        const QString k = f.text(QStringLiteral("kind"), true);
        if (auto wk = watchlistKindFromString(k))
            rec.entry.kind = *wk;
        else if (!k.isEmpty())
            f.error(QStringLiteral("kind"),
                    QStringLiteral("must be entry_ban, stolen_document, wanted, protected_person or exit_restriction"));
        rec.entry.id = f.text(QStringLiteral("id"), true);
        rec.entry.surname = f.text(QStringLiteral("surname"), false);
        rec.entry.givenNames = f.text(QStringLiteral("given_names"), false);
        rec.entry.birthDate = f.date(QStringLiteral("birth_date"), false);
        rec.entry.nationality = f.country(QStringLiteral("nationality"), false);
        rec.entry.issuingState = f.country(QStringLiteral("issuing_state"), false);
        rec.entry.documentNumber = PersonRepository::normaliseDocumentNumber(f.text(QStringLiteral("document_number"), false));
        rec.entry.basis = f.text(QStringLiteral("basis"), false);
        rec.validity.from = f.date(QStringLiteral("valid_from"), false);
        rec.validity.until = f.date(QStringLiteral("valid_until"), false);
        checkValidity(f, rec.validity.from, rec.validity.until);
        const bool hasDocument = rec.entry.issuingState.has_value() && !rec.entry.documentNumber.isEmpty();
        if (rec.entry.issuingState.has_value() != !rec.entry.documentNumber.isEmpty())
            f.error(rec.entry.documentNumber.isEmpty() ? QStringLiteral("document_number") : QStringLiteral("issuing_state"),
                    QStringLiteral("a document needs both issuing_state and document_number"));
        if (rec.entry.kind == WatchlistKind::StolenDocument && !hasDocument && !k.isEmpty())
            f.error(QStringLiteral("document_number"), QStringLiteral("required for stolen_document"));
        else if (rec.entry.kind != WatchlistKind::StolenDocument && rec.entry.surname.isEmpty() && !hasDocument)
            f.error(QStringLiteral("surname"), QStringLiteral("a person entry needs a surname (or a document)"));
        if (rec.entry.kind == WatchlistKind::ExitRestriction && rec.entry.surname.isEmpty())
            f.error(QStringLiteral("surname"), QStringLiteral("required for exit_restriction"));
        if (rec.entry.kind != WatchlistKind::ExitRestriction && (rec.validity.from || rec.validity.until))
            f.error(QStringLiteral("valid_from"), QStringLiteral("only exit_restriction entries have a validity"));
        break;
    }
    }
    return rec;
}

Result<void> writeRecord(Database &db, ImportKind kind, const Record &rec, const QString &listVersion)
{
    if (kind == ImportKind::Watchlist) {
        auto r = WatchlistRepository(db).add(rec.entry, listVersion, rec.validity);
        if (!r)
            return std::unexpected(r.error());
        return {};
    }
    auto person = PersonRepository(db).findOrCreate(rec.document);
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

} // namespace

std::optional<ImportKind> importKindFromString(QStringView text)
{
    for (const auto &[k, name] : kKinds) {
        if (text == QStringView(name))
            return k;
    }
    return std::nullopt;
}

QString importKindToString(ImportKind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return QString::fromUtf16(name);
    }
    return {};
}

namespace {

struct Checked
{
    ImportReport report;
    QList<Record> records;
};

Result<Checked> readAndCheck(const QByteArray &bytes, const ImportOptions &options)
{
    if (options.replace && options.kind != ImportKind::Watchlist)
        return fail(QStringLiteral("IMPORT_BAD_OPTIONS"), QStringLiteral("--replace applies to watchlists only"));
    const QSet<QString> allowed = allowedColumns(options.kind);
    auto raw = options.format == ImportFormat::Json ? readJson(bytes, allowed) : readCsv(bytes, allowed);
    if (!raw)
        return std::unexpected(raw.error());
    Checked out;
    out.report.rows = static_cast<int>(raw->size());
    out.records.reserve(raw->size());
    for (const RawRecord &r : std::as_const(*raw)) {
        out.report.rejected.append(r.shapeErrors);
        if (r.shapeErrors.isEmpty() || !r.fields.isEmpty())
            out.records.append(readRecord(options.kind, r, out.report.rejected));
    }
    return out;
}

} // namespace

Result<ImportReport> validateImport(const QByteArray &bytes, const ImportOptions &options)
{
    auto checked = readAndCheck(bytes, options);
    if (!checked)
        return std::unexpected(checked.error());
    return checked->report;
}

Result<ImportReport> importRecords(Database &db, const QByteArray &bytes, const ImportOptions &options)
{
    auto checked = readAndCheck(bytes, options);
    if (!checked)
        return std::unexpected(checked.error());
    ImportReport &report = checked->report;
    const QList<Record> &records = checked->records;
    if (!report.rejected.isEmpty())
        return report; // nothing written

    Transaction tx(db);
    if (!tx.isActive())
        return std::unexpected(tx.error());
    if (options.replace) {
        if (auto r = WatchlistRepository(db).clear(); !r)
            return std::unexpected(r.error());
    }
    for (const Record &rec : std::as_const(records)) {
        if (auto r = writeRecord(db, options.kind, rec, options.listVersion); !r) {
            // The database refused this row (a repeated id, ...): the whole file is rejected.
            report.rejected.append({rec.line, rec.index, QString(), r.error().message});
            return report; // tx rolls back
        }
    }
    auto logged = db.exec(QStringLiteral("INSERT INTO list_imports (kind, source, list_version, issued_at, row_count) "
                                         "VALUES (?, ?, ?, ?, ?)"),
                          {importKindToString(options.kind), Sql::str(options.source), Sql::str(options.listVersion),
                           options.issuedAt ? QVariant(options.issuedAt->toUTC().toString(Qt::ISODate))
                                            : QVariant(QMetaType(QMetaType::QString)),
                           report.rows});
    if (!logged)
        return std::unexpected(logged.error());
    if (auto r = tx.commit(); !r)
        return std::unexpected(r.error());
    report.imported = report.rows;
    return report;
}

} // namespace Kiosk::Store
