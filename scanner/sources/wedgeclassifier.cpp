#include "scanner/sources/wedgeclassifier.h"

#include "scanner/sources/mrzlineshape.h"

#include <algorithm>

namespace Kiosk::Sources {

namespace {

// The lines typed so far: characters split at Enter; consecutive Enters (CR LF sent as two
// keys) count as one separator. The last element is the line being typed (maybe empty).
template <typename HeldList>
QStringList linesOf(const HeldList &held, bool *sawEnter = nullptr)
{
    QStringList lines{QString()};
    bool enter = false;
    for (const auto &h : held) {
        if (h.stroke.enter) {
            enter = true;
            if (!lines.last().isEmpty())
                lines.append(QString());
        } else {
            lines.last().append(h.stroke.ch);
        }
    }
    if (sawEnter)
        *sawEnter = enter;
    return lines;
}

} // namespace

std::optional<int> WedgeClassifier::quietAfterMs() const
{
    if (m_held.isEmpty())
        return std::nullopt;
    return m_held.last().stroke.enter ? m_timing.maxLineGapMs : m_timing.maxKeyGapMs;
}

bool WedgeClassifier::timingIsWedge() const
{
    // Gaps between characters of one line (the pause after Enter is the reader's, not a
    // typing rhythm). The per-gap maximum is enforced as keys arrive; here, the median.
    QList<qint64> gaps;
    for (qsizetype i = 1; i < m_held.size(); ++i) {
        if (!m_held[i].stroke.enter && !m_held[i - 1].stroke.enter)
            gaps.append(m_held[i].stroke.tMs - m_held[i - 1].stroke.tMs);
    }
    if (gaps.isEmpty())
        return false;
    const auto mid = gaps.begin() + gaps.size() / 2;
    std::nth_element(gaps.begin(), mid, gaps.end());
    return *mid <= m_timing.maxMedianGapMs;
}

std::optional<QString> WedgeClassifier::documentIfComplete(bool final) const
{
    bool sawEnter = false;
    QStringList lines = linesOf(m_held, &sawEnter);
    const bool endsWithEnter = lines.last().isEmpty();
    if (endsWithEnter)
        lines.removeLast();
    if (!sawEnter || (lines.size() == 1 && endsWithEnter)) {
        // One run without separators (or a run closed by a single Enter): split by total
        // length. Only when the burst is over, or 72 would be taken for a TD2 before an
        // 88-character TD3 finished typing.
        if (!final && !endsWithEnter)
            return std::nullopt;
        if (const auto split = splitContinuousMrz(lines.value(0)))
            return split->join(QLatin1Char('\n'));
        return std::nullopt;
    }
    if (!endsWithEnter && !final)
        return std::nullopt; // the last line may still be growing
    const qsizetype length = lines.first().size();
    if (lines.size() != mrzLineCountFor(length))
        return std::nullopt;
    for (const QString &line : lines) {
        if (line.size() != length || !isMrzLine(line))
            return std::nullopt;
    }
    return lines.join(QLatin1Char('\n'));
}

void WedgeClassifier::releaseAll(Decision &d)
{
    for (const Held &h : m_held)
        d.release.append(h.seq);
    m_held.clear();
}

void WedgeClassifier::consumeAll(Decision &d, QString mrz)
{
    for (const Held &h : m_held)
        d.consumed.append(h.seq);
    m_lastCaptureMs = m_held.last().stroke.tMs;
    m_held.clear();
    d.mrz = std::move(mrz);
}

WedgeClassifier::Decision WedgeClassifier::quiet()
{
    Decision d;
    if (m_held.isEmpty())
        return d;
    if (auto doc = documentIfComplete(true); doc && timingIsWedge())
        consumeAll(d, std::move(*doc));
    else
        releaseAll(d);
    return d;
}

WedgeClassifier::Decision WedgeClassifier::feed(const KeyStroke &stroke)
{
    Decision d;
    // Too long since the last held key: the burst is over, whatever it was.
    if (const auto allowed = quietAfterMs(); allowed && stroke.tMs - m_held.last().stroke.tMs > *allowed)
        d = quiet();
    d.seq = m_nextSeq++;

    if (m_held.isEmpty()) {
        // A reader that ends its document with CR LF types Enter once or twice more.
        if (stroke.enter && stroke.plain && m_lastCaptureMs && stroke.tMs - *m_lastCaptureMs <= m_timing.tailMs) {
            d.consumed.append(d.seq);
            return d;
        }
        m_lastCaptureMs.reset();
        if (!stroke.plain || stroke.enter || !isMrzCharacter(stroke.ch)) {
            d.release.append(d.seq); // cannot begin a document: straight through
            return d;
        }
        m_held.append({d.seq, stroke});
        return d;
    }

    m_held.append({d.seq, stroke});
    if (!stroke.plain || (!stroke.enter && !isMrzCharacter(stroke.ch))) {
        releaseAll(d);
        return d;
    }
    bool sawEnter = false;
    const QStringList lines = linesOf(m_held, &sawEnter);
    const qsizetype firstLength = lines.first().size();
    const qsizetype maxRun = 90; // 3 x 30, the longest zone typed without separators
    bool shapeBroken = false;
    if (stroke.enter) {
        // Enter closes the line before it (a repeated Enter closes nothing new). The first
        // line may be a whole zone typed in one run; later lines must match the first.
        const QString &closed = lines.size() >= 2 ? lines[lines.size() - 2] : lines.last();
        if (lines.size() == 2)
            shapeBroken = mrzLineCountFor(closed.size()) == 0 && !splitContinuousMrz(closed);
        else
            shapeBroken = closed.size() != firstLength || mrzLineCountFor(firstLength) == 0;
    } else if (sawEnter) {
        shapeBroken = lines.last().size() > firstLength || lines.size() > 3;
    } else {
        shapeBroken = lines.last().size() > maxRun;
    }
    if (shapeBroken) {
        releaseAll(d);
        return d;
    }
    if (stroke.enter) {
        if (auto doc = documentIfComplete(false)) {
            if (timingIsWedge())
                consumeAll(d, std::move(*doc));
            else
                releaseAll(d);
        }
    }
    return d;
}

} // namespace Kiosk::Sources
