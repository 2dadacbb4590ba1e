#pragma once
// Tells a keyboard-wedge document reader from an officer at the keyboard.
// A wedge types a whole MRZ in a burst: 60-90 characters of A-Z 0-9 '<' with inter-key
// intervals of a few milliseconds, in lines of 30, 36 or 44 separated by Enter (or in one
// run). An officer types slower than any wedge, unevenly, and rarely in that shape.
//
// The classifier HOLDS keys that could begin a burst and later either RELEASES them (they
// were typing, delivered in their original order) or CONSUMES them (they were a document).
// Pure: every keystroke carries its own timestamp and the caller reports quiet periods, so
// no clock is read here and the tests are rows of timed key sequences.
#include <QList>
#include <QString>
#include <optional>

namespace Kiosk::Sources {

struct KeyStroke {
    QChar ch;           // the character typed; ignored for Enter
    bool enter = false; // Return or Enter: the line separator wedges send
    bool plain = true;  // false for Ctrl/Alt/Meta chords, navigation keys and auto-repeat
    qint64 tMs = 0;     // when it was pressed (event timestamp), monotonic
};

struct WedgeTiming {
    int maxKeyGapMs = 35;    // longest pause between two characters of a line
    int maxLineGapMs = 200;  // longest pause after a line's Enter (readers pause per line)
    int maxMedianGapMs = 15; // a wedge's typical interval; even a fast typist is ~80 ms
    int tailMs = 200;        // Enter keys this soon after a captured document belong to it
};

class WedgeClassifier
{
public:
    explicit WedgeClassifier(WedgeTiming timing = {}) : m_timing(timing) {}

    struct Decision {
        quint64 seq = 0;              // the number given to the stroke just fed (feed only)
        QList<quint64> release;       // strokes to deliver now, in typing order
        QList<quint64> consumed;      // strokes that made up a captured document
        std::optional<QString> mrz;   // the captured document, lines joined by '\n'
        [[nodiscard]] bool holds(quint64 s) const { return !release.contains(s) && !consumed.contains(s); }
    };

    // A key was pressed. Strokes are numbered from 1 in the order fed.
    [[nodiscard]] Decision feed(const KeyStroke &stroke);
    // No key came within quietAfterMs() of the last one: decide on what is held.
    [[nodiscard]] Decision quiet();
    // How long after the last held key quiet() is due; empty when nothing is held.
    [[nodiscard]] std::optional<int> quietAfterMs() const;
    [[nodiscard]] qsizetype heldCount() const { return m_held.size(); }

private:
    struct Held {
        quint64 seq;
        KeyStroke stroke;
    };
    [[nodiscard]] std::optional<QString> documentIfComplete(bool final) const;
    [[nodiscard]] bool timingIsWedge() const;
    void releaseAll(Decision &d);
    void consumeAll(Decision &d, QString mrz);

    WedgeTiming m_timing;
    QList<Held> m_held;
    quint64 m_nextSeq = 1;
    std::optional<qint64> m_lastCaptureMs;
};

} // namespace Kiosk::Sources
