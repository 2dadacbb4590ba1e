#pragma once
// Timed key sequences for the wedge tests: text with '\n' for Enter, typed at a given rhythm.
#include "scanner/sources/wedgeclassifier.h"

#include <QList>
#include <QString>
#include <functional>

namespace Typing {

using Kiosk::Sources::KeyStroke;

// gapAfter(i, previous) gives the pause before stroke i (i >= 1).
inline QList<KeyStroke> type(QStringView text, qint64 startMs, const std::function<qint64(qsizetype, const KeyStroke &)> &gapBefore)
{
    QList<KeyStroke> strokes;
    qint64 t = startMs;
    for (qsizetype i = 0; i < text.size(); ++i) {
        KeyStroke s;
        s.enter = text[i] == u'\n';
        if (!s.enter)
            s.ch = text[i];
        if (i > 0)
            t += gapBefore(i, strokes.last());
        s.tMs = t;
        strokes.append(s);
    }
    return strokes;
}

// Every key `gapMs` apart; `lineGapMs` after each Enter (a reader's per-line pause).
inline QList<KeyStroke> steady(QStringView text, qint64 gapMs, qint64 lineGapMs = -1, qint64 startMs = 1000)
{
    return type(text, startMs, [=](qsizetype, const KeyStroke &prev) {
        return prev.enter && lineGapMs >= 0 ? lineGapMs : gapMs;
    });
}

// Human rhythm: a repeating pattern of pauses (uneven, as fingers are).
inline QList<KeyStroke> rhythm(QStringView text, const QList<qint64> &pattern, qint64 startMs = 1000)
{
    return type(text, startMs, [&](qsizetype i, const KeyStroke &) { return pattern[i % pattern.size()]; });
}

inline QList<KeyStroke> operator+(QList<KeyStroke> a, const QList<KeyStroke> &b)
{
    a.append(b);
    return a;
}

// b typed `pauseMs` after the last key of a.
inline QList<KeyStroke> then(QList<KeyStroke> a, QList<KeyStroke> b, qint64 pauseMs)
{
    const qint64 shift = (a.isEmpty() ? 0 : a.last().tMs + pauseMs) - (b.isEmpty() ? 0 : b.first().tMs);
    for (KeyStroke &s : b)
        s.tMs += shift;
    a.append(b);
    return a;
}

} // namespace Typing
