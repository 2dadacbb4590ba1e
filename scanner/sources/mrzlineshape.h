#pragma once
// The SHAPE of machine-readable-zone text, as readers deliver it: which line lengths and
// line counts make a document (ICAO 9303-4 §4.2 TD3 and MRV-A: 2 x 44; 9303-5 §4.2 TD1:
// 3 x 30; 9303-6 §4.2 TD2 and 9303-7 MRV-B: 2 x 36) and which characters may appear
// (9303-3 §4.1: A-Z, 0-9 and the filler '<'). Nothing here checks content: check digits and
// correction belong to the MRZ parser. Sources use the shape to frame a document out of a
// stream of lines, and the keyboard wedge to tell a reader from an officer.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace Kiosk::Sources {

[[nodiscard]] constexpr bool isMrzCharacter(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'<';
}

// The number of lines a document with lines of this length has: 3 for 30, 2 for 36 and 44,
// 0 for any other length.
[[nodiscard]] constexpr int mrzLineCountFor(qsizetype lineLength)
{
    switch (lineLength) {
    case 30: return 3;
    case 36:
    case 44: return 2;
    default: return 0;
    }
}

// A line of 30, 36 or 44 MRZ characters.
[[nodiscard]] bool isMrzLine(QStringView line);

// A run of MRZ characters with no line breaks (some readers and wedges send the whole zone
// at once): 90 -> 3 x 30, 72 -> 2 x 36, 88 -> 2 x 44. The three totals are distinct, so the
// split is unambiguous. Empty when the text is not exactly one such run.
[[nodiscard]] std::optional<QStringList> splitContinuousMrz(QStringView text);

// Frames documents out of a stream of lines (serial readers). Lines that are not MRZ-shaped
// are dropped and break the document being assembled; a line of another length starts a new
// document; a gap longer than maxGapMs between lines of one document starts over (a reader
// that lost the rest of a page must not glue its first line to the next page). Time is an
// argument: the caller passes a monotonic timestamp.
class MrzLineAssembler
{
public:
    explicit MrzLineAssembler(qint64 maxGapMs = 2000) : m_maxGapMs(maxGapMs) {}

    enum class LineFate { Accepted, Completed, Rejected };
    struct Step {
        LineFate fate = LineFate::Rejected;
        std::optional<QString> document; // lines joined by '\n' when fate == Completed
    };

    // One line without its terminator. Surrounding whitespace and control characters
    // (STX/ETX framing some readers add) are stripped; an empty line is ignored.
    [[nodiscard]] Step addLine(QStringView raw, qint64 nowMs);
    void reset() { m_lines.clear(); }
    [[nodiscard]] qsizetype pendingLines() const { return m_lines.size(); }

private:
    qint64 m_maxGapMs;
    qint64 m_lastMs = 0;
    QStringList m_lines;
};

// Splits a byte stream into lines terminated by CR, LF or CR LF (serial readers differ).
// Bytes after the last terminator stay buffered until more arrive.
class LineSplitter
{
public:
    explicit LineSplitter(qsizetype maxLineBytes = 256) : m_maxLineBytes(maxLineBytes) {}
    // Complete lines (latin-1 decoded, terminators removed, empty lines kept out).
    [[nodiscard]] QStringList feed(QByteArrayView bytes);
    void reset()
    {
        m_buffer.clear();
        m_overflowing = false;
    }
    [[nodiscard]] qsizetype buffered() const { return m_buffer.size(); }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;
    bool m_overflowing = false;
};

} // namespace Kiosk::Sources
