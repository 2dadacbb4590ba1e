#include "app/store/importreader_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace Kiosk::Store {

Error badFile(int line, const QString &problem)
{
    return Error{QStringLiteral("IMPORT_BAD_FILE"), QStringLiteral("line %1: %2").arg(line).arg(problem)};
}

namespace {

// --- reading the input in chunks ---------------------------------------------------------

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
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

Result<void> readJson(QIODevice &input, qsizetype chunkBytes, const QSet<QString> &allowed, const ImportRecordSink &sink)
{
    JsonArraySplitter splitter([&](int line, int index, const QJsonValue &value) {
        sink(importRecordFromJson(line, index, value, allowed));
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

Result<void> readCsv(QIODevice &input, qsizetype chunkBytes, const QSet<QString> &allowed, const ImportRecordSink &sink)
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
        ImportRecord r;
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

} // namespace

Result<void> readImportRecords(QIODevice &input, ImportFormat format, qsizetype chunkBytes, const QSet<QString> &allowed,
                               const ImportRecordSink &sink)
{
    return format == ImportFormat::Json ? readJson(input, chunkBytes, allowed, sink) : readCsv(input, chunkBytes, allowed, sink);
}

} // namespace Kiosk::Store
