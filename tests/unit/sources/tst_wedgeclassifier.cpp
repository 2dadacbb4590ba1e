// The keyboard-wedge classifier on timed key sequences: wedge bursts of every layout and
// rhythm are captured; an officer's typing (slow, uneven, wrong shape, chords, auto-repeat)
// is delivered whole and in order. Time is in the strokes: no clock, no waiting.
#include "scanner/sources/keyboardwedgesource.h"
#include "scanner/sources/wedgeclassifier.h"
#include "typing.h"

#include <QTest>

using namespace Kiosk::Sources;
using namespace Typing;

Q_DECLARE_METATYPE(QList<Kiosk::Sources::KeyStroke>)

namespace {

// ICAO 9303 specimens (fictional holders).
const QString td3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QString td1 = QStringLiteral("I<UTOD231458907<<<<<<<<<<<<<<<\n"
                                   "7408122F1204159UTO<<<<<<<<<<<6\n"
                                   "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
const QString td2 = QStringLiteral("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\n"
                                   "D231458907UTO7408122F1204159<<<<<<<6");

QString oneRun(QString doc) { return doc.remove(u'\n'); }

struct Outcome {
    QString delivered; // released keys in delivery order, Enter as '\n'
    QStringList captured;
    QString problem;   // a key lost, delivered twice or out of order
};

// Feeds the strokes as the event filter does: the quiet timer fires when the next key is
// later than the classifier's quiet period, and once after the last key.
Outcome run(const QList<KeyStroke> &strokes, WedgeTiming timing = {})
{
    WedgeClassifier classifier(timing);
    Outcome out;
    QList<quint64> seen;
    auto take = [&](const WedgeClassifier::Decision &d) {
        for (const quint64 seq : d.release) {
            if (seen.contains(seq))
                out.problem += QStringLiteral("key %1 delivered twice; ").arg(seq);
            seen.append(seq);
            const KeyStroke &s = strokes[qsizetype(seq - 1)];
            out.delivered += s.enter ? QChar(u'\n') : s.ch;
        }
        for (const quint64 seq : d.consumed) {
            if (seen.contains(seq))
                out.problem += QStringLiteral("key %1 consumed after delivery; ").arg(seq);
            seen.append(seq);
        }
        if (d.mrz)
            out.captured << *d.mrz;
    };
    for (qsizetype i = 0; i < strokes.size(); ++i) {
        if (i > 0) {
            const auto quietAfter = classifier.quietAfterMs();
            if (quietAfter && strokes[i].tMs - strokes[i - 1].tMs > *quietAfter)
                take(classifier.quiet());
        }
        take(classifier.feed(strokes[i]));
    }
    take(classifier.quiet());
    if (classifier.heldCount() != 0)
        out.problem += QStringLiteral("keys still held after quiet; ");
    if (seen.size() != strokes.size())
        out.problem += QStringLiteral("%1 of %2 keys accounted for; ").arg(seen.size()).arg(strokes.size());
    return out;
}

} // namespace

class TestWedgeClassifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sequences_data();
    void sequences();
    void holdsOnlyWhatCouldBeADocument();
    void filterNeedsAGuiApplication();
};

void TestWedgeClassifier::sequences_data()
{
    QTest::addColumn<QList<KeyStroke>>("strokes");
    QTest::addColumn<QString>("delivered");
    QTest::addColumn<QStringList>("captured");

    const QString name = QStringLiteral("Eriksson Anna\n");
    // --- wedges: captured, nothing typed into the focused field -----------------------------
    QTest::newRow("td3 wedge, 4 ms, Enter after each line") << steady(td3 + u'\n', 4) << QString() << QStringList{td3};
    QTest::newRow("td1 wedge, 3 lines of 30") << steady(td1 + u'\n', 3) << QString() << QStringList{td1};
    QTest::newRow("td2 wedge, no Enter after the last line (quiet ends it)") << steady(td2, 5) << QString() << QStringList{td2};
    QTest::newRow("wedge sends CR LF: two Enters per line, trailing ones swallowed")
        << steady(QString(td3).replace(u'\n', QStringLiteral("\n\n")) + QStringLiteral("\n\n"), 4) << QString()
        << QStringList{td3};
    QTest::newRow("td3 typed as one run of 88, no separator") << steady(oneRun(td3), 4) << QString() << QStringList{td3};
    QTest::newRow("td1 as one run of 90 closed by Enter") << steady(oneRun(td1) + u'\n', 4) << QString() << QStringList{td1};
    QTest::newRow("td2 as one run of 72 (a 72 is not cut short of an 88)") << steady(oneRun(td2), 4) << QString() << QStringList{td2};
    QTest::newRow("reader pauses 150 ms after each line") << steady(td3 + u'\n', 4, 150) << QString() << QStringList{td3};
    QTest::newRow("wedge with USB jitter: 2-20 ms")
        << rhythm(td3 + u'\n', {2, 9, 4, 20, 3, 6, 12, 2}) << QString() << QStringList{td3};
    QTest::newRow("two documents 500 ms apart")
        << then(steady(td3 + u'\n', 4), steady(td1 + u'\n', 4), 500) << QString() << QStringList{td3, td1};
    QTest::newRow("officer types, pauses, then the wedge reads")
        << then(rhythm(name, {140, 210, 95, 180}), steady(td2 + u'\n', 4), 800) << name << QStringList{td2};
    QTest::newRow("wedge reads, then officer presses Enter a second later")
        << then(steady(td3 + u'\n', 4), steady(QStringLiteral("\n"), 0), 1000) << QStringLiteral("\n") << QStringList{td3};

    // --- officers: everything delivered, in order --------------------------------------------
    QTest::newRow("officer types a td3 by hand at 120 ms a key") << steady(td3, 120) << td3 << QStringList{};
    QTest::newRow("fast typist, 60 ms, in MRZ shape") << steady(td2 + u'\n', 60) << td2 + u'\n' << QStringList{};
    QTest::newRow("uneven typist with 20 ms rollovers")
        << rhythm(td2 + u'\n', {20, 180, 25, 140, 90}) << td2 + u'\n' << QStringList{};
    QTest::newRow("steady 25 ms: under the per-key limit, over the wedge median")
        << steady(td3 + u'\n', 25) << td3 + u'\n' << QStringList{};
    QTest::newRow("officer types a name in mixed case") << rhythm(name, {130, 90, 210}) << name << QStringList{};
    QTest::newRow("upper-case name typed fast but short") << steady(QStringLiteral("ERIKSSON\n"), 8)
                                                          << QStringLiteral("ERIKSSON\n") << QStringList{};
    QTest::newRow("barcode wedge at wedge speed: 40-character line")
        << steady(QString(40, u'7') + u'\n', 4) << QString(40, u'7') + u'\n' << QStringList{};
    QTest::newRow("wedge speed, lines of different lengths")
        << steady(td3.left(44) + u'\n' + td2.right(36) + u'\n', 4) << td3.left(44) + u'\n' + td2.right(36) + u'\n'
        << QStringList{};
    QTest::newRow("td1 missing its third line")
        << steady(td1.left(61) + u'\n', 4) << td1.left(61) + u'\n' << QStringList{};
    QTest::newRow("lower-case letter inside a burst")
        << steady(QString(td3).replace(30, 1, u'a') + u'\n', 4) << QString(td3).replace(30, 1, u'a') + u'\n'
        << QStringList{};
    QTest::newRow("space inside a burst") << steady(QStringLiteral("P<UTO ERIKSSON\n"), 4)
                                          << QStringLiteral("P<UTO ERIKSSON\n") << QStringList{};
    QTest::newRow("a wedge burst cut by a 300 ms stall mid-line")
        << then(steady(td3.left(20), 4), steady(td3.mid(20) + u'\n', 4), 300) << td3 + u'\n' << QStringList{};
    QTest::newRow("89 characters in one run") << steady(oneRun(td3) + u'<', 4) << oneRun(td3) + u'<' << QStringList{};
}

void TestWedgeClassifier::sequences()
{
    QFETCH(QList<KeyStroke>, strokes);
    QFETCH(QString, delivered);
    QFETCH(QStringList, captured);

    const Outcome out = run(strokes);
    QVERIFY2(out.problem.isEmpty(), qPrintable(out.problem));
    QCOMPARE(out.captured, captured);
    QCOMPARE(out.delivered, delivered);
}

void TestWedgeClassifier::holdsOnlyWhatCouldBeADocument()
{
    WedgeClassifier classifier;
    // Chords, auto-repeat and keys that no MRZ holds go straight through, never held.
    KeyStroke ctrlV{QChar(u'V'), false, false, 1000};
    auto d = classifier.feed(ctrlV);
    QCOMPARE(d.release, QList<quint64>{d.seq});
    KeyStroke lower{QChar(u'a'), false, true, 1100};
    d = classifier.feed(lower);
    QCOMPARE(d.release, QList<quint64>{d.seq});
    QVERIFY(!classifier.quietAfterMs());
    // An MRZ character may begin a burst: held, with a quiet deadline.
    KeyStroke p{QChar(u'P'), false, true, 1200};
    d = classifier.feed(p);
    QVERIFY(d.holds(d.seq));
    QCOMPARE(classifier.quietAfterMs(), std::optional<int>(WedgeTiming{}.maxKeyGapMs));
    // An auto-repeated key inside the burst releases it all, in order.
    KeyStroke repeat{QChar(u'<'), false, false, 1205};
    d = classifier.feed(repeat);
    QCOMPARE(d.release, (QList<quint64>{3, 4}));
    QCOMPARE(classifier.heldCount(), 0);
}

void TestWedgeClassifier::filterNeedsAGuiApplication()
{
    // This suite runs a QCoreApplication: no keyboard, so the wedge source says so.
    KeyboardWedgeSource wedge;
    wedge.start();
    QCOMPARE(wedge.status(), SourceStatus::Unavailable);
    QCOMPARE(wedge.lastError().code, QStringLiteral("SOURCE_WEDGE_NO_GUI"));
}

QTEST_GUILESS_MAIN(TestWedgeClassifier)
#include "tst_wedgeclassifier.moc"
