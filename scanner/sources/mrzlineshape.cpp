#include "scanner/sources/mrzlineshape.h"

#include <algorithm>

namespace Kiosk::Sources {

bool isMrzLine(QStringView line)
{
    return mrzLineCountFor(line.size()) > 0 && std::all_of(line.begin(), line.end(), isMrzCharacter);
}

std::optional<QStringList> splitContinuousMrz(QStringView text)
{
    qsizetype lineLength = 0;
    for (const qsizetype candidate : {qsizetype{30}, qsizetype{36}, qsizetype{44}}) {
        if (text.size() == candidate * mrzLineCountFor(candidate))
            lineLength = candidate;
    }
    if (lineLength == 0 || !std::all_of(text.begin(), text.end(), isMrzCharacter))
        return std::nullopt;
    QStringList lines;
    for (qsizetype at = 0; at < text.size(); at += lineLength)
        lines.append(text.mid(at, lineLength).toString());
    return lines;
}

namespace {

QStringView stripFraming(QStringView raw)
{
    const auto isJunk = [](QChar c) { return c.isSpace() || c.category() == QChar::Other_Control; };
    while (!raw.isEmpty() && isJunk(raw.front()))
        raw = raw.sliced(1);
    while (!raw.isEmpty() && isJunk(raw.back()))
        raw.chop(1);
    return raw;
}

} // namespace

MrzLineAssembler::Step MrzLineAssembler::addLine(QStringView raw, qint64 nowMs)
{
    const QStringView line = stripFraming(raw);
    if (line.isEmpty())
        return {LineFate::Accepted, std::nullopt}; // a bare CR between pages: nothing to do

    if (!m_lines.isEmpty() && nowMs - m_lastMs > m_maxGapMs)
        m_lines.clear();
    m_lastMs = nowMs;

    if (!isMrzLine(line)) {
        m_lines.clear();
        return {LineFate::Rejected, std::nullopt};
    }
    if (!m_lines.isEmpty() && m_lines.front().size() != line.size())
        m_lines.clear(); // the previous page was cut short; this line begins a new one
    m_lines.append(line.toString());
    if (m_lines.size() < mrzLineCountFor(line.size()))
        return {LineFate::Accepted, std::nullopt};
    QString document = m_lines.join(QLatin1Char('\n'));
    m_lines.clear();
    return {LineFate::Completed, std::move(document)};
}

QStringList LineSplitter::feed(QByteArrayView bytes)
{
    QStringList lines;
    for (const char byte : bytes) {
        if (byte == '\r' || byte == '\n') {
            // CR LF gives an empty line between the two terminators: dropped here.
            if (!m_buffer.isEmpty() && !m_overflowing)
                lines.append(QString::fromLatin1(m_buffer));
            m_buffer.clear();
            m_overflowing = false;
            continue;
        }
        if (m_overflowing)
            continue;
        // A reader that never sends a terminator must not grow the buffer without bound:
        // an over-long line is garbage anyway and is discarded up to its terminator.
        if (m_buffer.size() >= m_maxLineBytes) {
            m_buffer.clear();
            m_overflowing = true;
            continue;
        }
        m_buffer.append(byte);
    }
    return lines;
}

} // namespace Kiosk::Sources
