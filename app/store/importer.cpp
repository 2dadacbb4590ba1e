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

#include <QBuffer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

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

// --- reading the input in chunks ---------------------------------------------------------

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

Error badFile(int line, const QString &problem)
{
    return Error{QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line %1: %2").arg(line).arg(problem)};
}

// Feeds `input` to `splitter` (feed(QByteArrayView), finish(), line()) one chunk at a time, so
// that only a chunk and the record being read are ever held.
template <typename Splitter>
Result<void> readInChunks(QIODevice &input, qsizetype chunkBytes, Splitter &splitter)
{
    QByteArray chunk(std::max<qsizetype>(chunkBytes, 1), Qt::Uninitialized);
    for (;;) {
        const qint64 n = input.read(chunk.data(), chunk.size());
        if (n < 0)
            return std::unexpected(badFile(splitter.line(), QStringLiteral("cannot read the file: %1").arg(input.errorString())));
        if (n == 0)
            return splitter.finish();
        if (auto r = splitter.feed(QByteArrayView(chunk.constData(), static_cast<qsizetype>(n))); !r)
            return r;
    }
}

// --- JSON -------------------------------------------------------------------------------

// Finds the elements of the top-level array as the bytes stream past, so that each record is
// parsed on its own: QJsonDocument needs the whole text at once and keeps no positions. Only
// the array's own syntax (brackets, commas, what may come before and after) is checked here,
// knowing strings and escapes so that a bracket or comma inside a value is not structure; each
// element is handed to QJsonDocument wrapped in [ ], which judges its syntax and says where it
// goes wrong. The errors are QJsonParseError's own, so they read as when the whole file was
// parsed at once.
class JsonArraySplitter
{
public:
    using Sink = std::function<void(int line, int index, const QJsonValue &value)>;
    explicit JsonArraySplitter(Sink sink) : m_sink(std::move(sink)) {}

    [[nodiscard]] int line() const { return m_line; }

    Result<void> feed(QByteArrayView bytes)
    {
        for (const char c : bytes) {
            const int line = m_line; // the line this byte is on
            if (c == '\n')
                ++m_line;
            if (auto r = step(c, line); !r)
                return r;
            ++m_offset;
        }
        return {};
    }

    Result<void> finish()
    {
        switch (m_state) {
        case State::BeforeArray:
            return syntaxError(QJsonParseError::IllegalValue, m_line); // empty, or a BOM alone
        case State::InElement:
            // A scalar ends at the end of the input; anything else is cut off and QJsonDocument
            // says how.
            if (auto r = completeElement(); !r)
                return r;
            return syntaxError(QJsonParseError::UnterminatedArray, m_line);
        case State::FirstElement:
        case State::NextElement:
        case State::AfterElement:
            return syntaxError(QJsonParseError::UnterminatedArray, m_line);
        case State::AfterArray:
            break;
        }
        return {};
    }

private:
    enum class State { BeforeArray, FirstElement, NextElement, InElement, AfterElement, AfterArray };
    enum class Kind { Container, String, Scalar };
    // QJsonDocument refuses a document nested deeper than this; the top-level array is one.
    static constexpr std::size_t kMaxDepth = 1024;

    Result<void> step(char c, int line)
    {
        switch (m_state) {
        case State::BeforeArray: {
            // QJsonDocument skips a UTF-8 byte-order mark at the very start, nowhere else.
            static constexpr char kBom[] = "\xEF\xBB\xBF";
            if (m_offset < 3 && m_bomBytes == m_offset && c == kBom[m_offset]) {
                ++m_bomBytes;
                return {};
            }
            if (m_bomBytes > 0 && m_bomBytes < 3)
                return syntaxError(QJsonParseError::IllegalValue, line);
            if (isJsonSpace(c))
                return {};
            if (c == '[') {
                m_state = State::FirstElement;
                return {};
            }
            if (c == '{')
                return std::unexpected(badFile(line, QStringLiteral("expected a JSON array of records")));
            return syntaxError(QJsonParseError::IllegalValue, line);
        }
        case State::FirstElement:
        case State::NextElement:
            if (isJsonSpace(c))
                return {};
            if (c == ']')
                return m_state == State::FirstElement ? (m_state = State::AfterArray, Result<void>{})
                                                      : syntaxError(QJsonParseError::MissingObject, line);
            if (c == ',')
                return syntaxError(QJsonParseError::IllegalValue, line);
            startElement(c, line);
            return {};
        case State::InElement:
            return continueElement(c, line);
        case State::AfterElement:
            if (isJsonSpace(c))
                return {};
            if (c == ',' || c == ']') {
                m_state = c == ',' ? State::NextElement : State::AfterArray;
                return {};
            }
            return syntaxError(QJsonParseError::MissingValueSeparator, line);
        case State::AfterArray:
            if (isJsonSpace(c))
                return {};
            return syntaxError(QJsonParseError::GarbageAtEnd, line);
        }
        return {};
    }

    void startElement(char c, int line)
    {
        m_state = State::InElement;
        m_elementLine = line;
        m_element.clear();
        m_element.append('['); // the element is parsed as the one value of an array
        m_element.append(c);
        m_stack.clear();
        m_inString = c == '"';
        m_escaped = false;
        if (c == '{' || c == '[') {
            m_kind = Kind::Container;
            m_stack.push_back(c);
        } else {
            m_kind = m_inString ? Kind::String : Kind::Scalar;
        }
    }

    Result<void> continueElement(char c, int line)
    {
        if (m_kind == Kind::Scalar && (isJsonSpace(c) || c == ',' || c == ']')) {
            if (auto r = completeElement(); !r)
                return r;
            return step(c, line); // the byte after a number or literal is the array's
        }
        m_element.append(c);
        if (m_inString) {
            if (m_escaped)
                m_escaped = false;
            else if (c == '\\')
                m_escaped = true;
            else if (c == '"')
                m_inString = false;
            if (!m_inString && m_kind == Kind::String)
                return completeElement();
            return {};
        }
        if (m_kind == Kind::Scalar)
            return {};
        switch (c) {
        case '"':
            m_inString = true;
            break;
        case '{':
        case '[':
            m_stack.push_back(c);
            // Deeper than QJsonDocument goes: it refuses the element (and the file) now, rather
            // than after the element has grown to the rest of the input.
            if (m_stack.size() >= kMaxDepth)
                return completeElement();
            break;
        case '}':
        case ']':
            // A mismatched bracket ends the element here too: QJsonDocument names the line.
            if (m_stack.back() != (c == '}' ? '{' : '['))
                return completeElement();
            m_stack.pop_back();
            if (m_stack.empty())
                return completeElement();
            break;
        default:
            break;
        }
        return {};
    }

    Result<void> completeElement()
    {
        m_state = State::AfterElement;
        m_element.append(']');
        QJsonParseError err{};
        const QJsonDocument doc = QJsonDocument::fromJson(m_element, &err);
        if (err.error != QJsonParseError::NoError) {
            // The wrapping brackets hold no line break: the line is the element's own.
            const int line = m_elementLine + static_cast<int>(m_element.left(err.offset).count('\n'));
            return std::unexpected(badFile(line, QStringLiteral("invalid JSON: %1").arg(err.errorString())));
        }
        const QJsonArray array = doc.array();
        if (array.size() != 1) // cannot happen: the element was one value
            return syntaxError(QJsonParseError::MissingValueSeparator, m_elementLine);
        m_sink(m_elementLine, m_index++, array.first());
        return {};
    }

    static std::unexpected<Error> syntaxError(QJsonParseError::ParseError error, int line)
    {
        QJsonParseError err{};
        err.error = error;
        return std::unexpected(badFile(line, QStringLiteral("invalid JSON: %1").arg(err.errorString())));
    }

    Sink m_sink;
    State m_state = State::BeforeArray;
    Kind m_kind = Kind::Scalar;
    qint64 m_offset = 0;
    int m_bomBytes = 0;
    int m_line = 1;
    int m_index = 0;
    int m_elementLine = 0;
    QByteArray m_element;   // "[" and the element's bytes so far
    std::vector<char> m_stack; // the element's open brackets
    bool m_inString = false;
    bool m_escaped = false;
};

RawRecord jsonRecord(int line, int index, const QJsonValue &value, const QSet<QString> &allowed)
{
    RawRecord r;
    r.index = index;
    r.line = line;
    if (!value.isObject()) {
        r.shapeErrors.append({r.line, r.index, QString(), QStringLiteral("record is not a JSON object")});
        return r;
    }
    const QJsonObject obj = value.toObject();
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
    return r;
}

using RecordSink = std::function<void(const RawRecord &)>;

Result<void> readJson(QIODevice &input, qsizetype chunkBytes, const QSet<QString> &allowed, const RecordSink &sink)
{
    JsonArraySplitter splitter([&](int line, int index, const QJsonValue &value) {
        sink(jsonRecord(line, index, value, allowed));
    });
    return readInChunks(input, chunkBytes, splitter);
}

// --- CSV (RFC 4180: quotes, "" escapes, line breaks inside quotes) -----------------------

struct CsvRow
{
    int line = 0;
    QStringList cells;
};

// Splits CSV text into rows as it streams past. A quote that may be the first of a "" escape
// waits for the next character, which may come in the next piece.
class CsvSplitter
{
public:
    using Sink = std::function<Result<void>(const CsvRow &)>;
    explicit CsvSplitter(Sink sink) : m_sink(std::move(sink)) {}

    [[nodiscard]] int line() const { return m_line; }

    Result<void> feed(QStringView text)
    {
        for (const QChar c : text) {
            if (auto r = step(c); !r)
                return r;
        }
        return {};
    }

    Result<void> finish()
    {
        if (m_quotePending) { // the closing quote of the last field
            m_quotePending = false;
            m_inQuotes = false;
        }
        if (m_inQuotes)
            return std::unexpected(badFile(m_quoteLine, QStringLiteral("unterminated quoted field")));
        if (m_rowStarted)
            return endRow();
        return {};
    }

private:
    Result<void> step(QChar c)
    {
        if (!m_rowStarted) {
            m_row.line = m_line;
            m_rowStarted = true;
        }
        if (m_quotePending) {
            m_quotePending = false;
            if (c == u'"') { // "" inside quotes: one quote
                m_cell.append(u'"');
                return {};
            }
            m_inQuotes = false; // it was the closing quote; this character is outside
        }
        if (m_inQuotes) {
            if (c == u'"') {
                m_quotePending = true;
            } else {
                if (c == u'\n')
                    ++m_line;
                m_cell.append(c);
            }
            return {};
        }
        if (c == u'"' && m_cell.trimmed().isEmpty()) {
            m_cell.clear();
            m_inQuotes = true;
            m_quoteLine = m_line;
        } else if (c == u',') {
            endCell();
        } else if (c == u'\n') {
            auto r = endRow();
            ++m_line;
            return r;
        } else if (c != u'\r') {
            m_cell.append(c);
        }
        return {};
    }

    void endCell()
    {
        m_row.cells.append(m_cell);
        m_cell.clear();
    }

    Result<void> endRow()
    {
        endCell();
        const CsvRow row = std::exchange(m_row, CsvRow{});
        m_rowStarted = false;
        // A line holding nothing at all is skipped (trailing newline, blank lines).
        if (row.cells.size() == 1 && row.cells.first().trimmed().isEmpty())
            return {};
        return m_sink(row);
    }

    Sink m_sink;
    CsvRow m_row;
    QString m_cell;
    int m_line = 1;
    int m_quoteLine = 0;
    bool m_inQuotes = false;
    bool m_quotePending = false;
    bool m_rowStarted = false;
};

// CSV bytes to CsvSplitter as text. The bytes are decoded up to the last line break held: a
// '\n' never falls inside a UTF-8 sequence, so each piece decodes on its own exactly as within
// the whole file (QString::fromUtf8: invalid bytes become U+FFFD, the BOM is dropped at the
// start of the file only).
class CsvReader
{
public:
    explicit CsvReader(CsvSplitter::Sink sink) : m_splitter(std::move(sink)) {}

    [[nodiscard]] int line() const { return m_splitter.line(); }

    Result<void> feed(QByteArrayView bytes)
    {
        m_pending.append(bytes);
        const qsizetype lastBreak = m_pending.lastIndexOf('\n');
        if (lastBreak < 0)
            return {};
        auto r = m_splitter.feed(decode(QByteArrayView(m_pending).first(lastBreak + 1)));
        m_pending.remove(0, lastBreak + 1);
        return r;
    }

    Result<void> finish()
    {
        if (auto r = m_splitter.feed(decode(m_pending)); !r)
            return r;
        m_pending.clear();
        return m_splitter.finish();
    }

private:
    QString decode(QByteArrayView bytes)
    {
        QStringDecoder::Flags flags = QStringDecoder::Flag::Stateless;
        if (!std::exchange(m_atStart, false))
            flags |= QStringDecoder::Flag::ConvertInitialBom; // a U+FEFF inside the file is kept
        QStringDecoder decoder(QStringDecoder::Utf8, flags);
        return decoder(bytes);
    }

    CsvSplitter m_splitter;
    QByteArray m_pending; // bytes after the last line break decoded
    bool m_atStart = true;
};

Result<void> readCsv(QIODevice &input, qsizetype chunkBytes, const QSet<QString> &allowed, const RecordSink &sink)
{
    std::optional<QStringList> columns; // from the header, the first row
    CsvReader reader([&](const CsvRow &row) -> Result<void> {
        if (!columns) {
            QStringList names;
            for (const QString &h : row.cells) {
                QString name = h.trimmed().toLower();
                if (name.startsWith(QChar(0xFEFF))) // a byte-order mark some spreadsheets write
                    name.remove(0, 1);
                if (!allowed.contains(name))
                    return std::unexpected(badFile(row.line, QStringLiteral("unknown column '%1'").arg(name)));
                if (names.contains(name))
                    return std::unexpected(badFile(row.line, QStringLiteral("repeated column '%1'").arg(name)));
                names.append(name);
            }
            columns = names;
            return {};
        }
        RawRecord r;
        r.line = row.line;
        if (row.cells.size() != columns->size()) {
            r.shapeErrors.append({r.line, -1, QString(),
                                  QStringLiteral("%1 fields, the header has %2").arg(row.cells.size()).arg(columns->size())});
        } else {
            for (qsizetype i = 0; i < columns->size(); ++i)
                r.fields.insert(columns->at(i), row.cells[i].trimmed());
        }
        sink(r);
        return {};
    });
    if (auto r = readInChunks(input, chunkBytes, reader); !r)
        return r;
    if (!columns)
        return std::unexpected(badFile(1, QStringLiteral("no header row")));
    return {};
}

Result<void> readRecords(QIODevice &input, const ImportOptions &options, const RecordSink &sink)
{
    const QSet<QString> allowed = allowedColumns(options.kind);
    return options.format == ImportFormat::Json ? readJson(input, options.readChunkBytes, allowed, sink)
                                                : readCsv(input, options.readChunkBytes, allowed, sink);
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

Result<void> writeRecord(Database &db, ImportKind kind, const Record &rec, const QString &listVersion, const QDateTime &importedAt)
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

void addRejection(ImportReport &report, ImportRowError error)
{
    ++report.rejectedCount;
    if (report.rejected.size() < kImportMaxRejected)
        report.rejected.append(std::move(error));
}

// Types and checks one record as it streams past: its errors go to the report, and the record
// comes back only when it has none.
std::optional<Record> checkRecord(ImportKind kind, const RawRecord &raw, ImportReport &report)
{
    QList<ImportRowError> errors = raw.shapeErrors;
    std::optional<Record> rec;
    if (raw.shapeErrors.isEmpty() || !raw.fields.isEmpty())
        rec = readRecord(kind, raw, errors);
    for (ImportRowError &e : errors)
        addRejection(report, std::move(e));
    if (!errors.isEmpty())
        return std::nullopt;
    return rec;
}

Result<void> checkOptions(const ImportOptions &options)
{
    if (options.replace && options.kind != ImportKind::Watchlist)
        return fail(QStringLiteral("IMPORT_BAD_OPTIONS"), QStringLiteral("--replace applies to watchlists only"));
    return {};
}

// Writes one good record; its error is the database's refusal of the row.
using RecordWriter = std::function<Result<void>(const Record &)>;

// Reads and checks every record of `input` in one pass. While no row is bad, each good record
// goes to `write` (when there is one) as soon as it is read: the caller's transaction holds
// them, and is rolled back if a later row turns out bad, so no record needs to be kept.
Result<ImportReport> readCheckAndWrite(QIODevice &input, const ImportOptions &options, const RecordWriter &write)
{
    ImportReport report;
    std::optional<ImportRowError> refused;
    auto read = readRecords(input, options, [&](const RawRecord &raw) {
        ++report.rows;
        const std::optional<Record> rec = checkRecord(options.kind, raw, report);
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
    auto report = readCheckAndWrite(input, options, [&](const Record &rec) {
        return writeRecord(db, options.kind, rec, options.listVersion, options.importedAt);
    });
    if (!report || !report->rejected.isEmpty())
        return report; // tx rolls back: nothing of the file is kept
    // imported_at bound, not the column's SQLite default ('now'): one clock (issue 17 §2).
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
