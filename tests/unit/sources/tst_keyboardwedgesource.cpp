// The keyboard-wedge event filter in a real (offscreen) QGuiApplication: key events with
// chosen timestamps are sent to a QWindow as the platform would. A wedge burst never reaches
// the window; an officer's keys all do, in order, each press with its release.
#include "scanner/sources/keyboardwedgesource.h"
#include "typing.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

using namespace Kiosk::Sources;

namespace {

const QString td3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                   "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

class RecordingWindow : public QWindow
{
public:
    QString typed;
    int presses = 0;
    int releases = 0;

protected:
    // Shift alone passes through by design (it types nothing); count the keys that type.
    void keyPressEvent(QKeyEvent *e) override
    {
        if (e->key() == Qt::Key_Shift)
            return;
        ++presses;
        typed += (e->key() == Qt::Key_Return) ? QStringLiteral("\n") : e->text();
    }
    void keyReleaseEvent(QKeyEvent *e) override
    {
        if (e->key() != Qt::Key_Shift)
            ++releases;
    }
};

int keyFor(QChar c)
{
    if (c == u'\n')
        return Qt::Key_Return;
    if (c == u'<')
        return Qt::Key_Less;
    if (c.isDigit())
        return Qt::Key_0 + (c.unicode() - u'0');
    if (c.isLetter())
        return Qt::Key_A + (c.toUpper().unicode() - u'A');
    return Qt::Key_Space;
}

// Sends press and release for each stroke, stamped with the stroke's time, as a wedge or a
// keyboard would through the platform: Shift around upper case and '<', like real wedges.
void send(QWindow &window, const QList<KeyStroke> &strokes)
{
    for (const KeyStroke &s : strokes) {
        const QChar c = s.enter ? QChar(u'\n') : s.ch;
        const bool shifted = c.isUpper() || c == u'<';
        const auto ts = static_cast<quint64>(s.tMs);
        const Qt::KeyboardModifiers mods = shifted ? Qt::ShiftModifier : Qt::NoModifier;
        if (shifted) {
            QKeyEvent shift(QEvent::KeyPress, Qt::Key_Shift, Qt::ShiftModifier);
            shift.setTimestamp(ts);
            QCoreApplication::sendEvent(&window, &shift);
        }
        QKeyEvent press(QEvent::KeyPress, keyFor(c), mods, s.enter ? QStringLiteral("\r") : QString(c));
        press.setTimestamp(ts);
        QCoreApplication::sendEvent(&window, &press);
        QKeyEvent release(QEvent::KeyRelease, keyFor(c), mods, s.enter ? QStringLiteral("\r") : QString(c));
        release.setTimestamp(ts + 1);
        QCoreApplication::sendEvent(&window, &release);
        if (shifted) {
            QKeyEvent shift(QEvent::KeyRelease, Qt::Key_Shift, Qt::NoModifier);
            shift.setTimestamp(ts + 1);
            QCoreApplication::sendEvent(&window, &shift);
        }
    }
}

// A window with a started wedge filter in front of it.
struct Rig {
    RecordingWindow window;
    KeyboardWedgeSource wedge;
    QSignalSpy reads{&wedge, &DocumentSource::mrzTextRead};
    Rig() { wedge.start(); }
};

} // namespace

class TestKeyboardWedgeSource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wedgeBurstIsCapturedAndSwallowed();
    void officerTypingReachesTheWindowInOrder();
    void ordinaryKeysPassAtOnce();
    void stoppedFilterPassesEverything();
    void stopDeliversWhatIsHeld();
};

void TestKeyboardWedgeSource::wedgeBurstIsCapturedAndSwallowed()
{
    Rig rig;
    auto &[window, wedge, reads] = rig;
    QCOMPARE(wedge.status(), SourceStatus::Running);

    send(window, Typing::steady(td3 + QStringLiteral("\n\n"), 4, -1, 50000));
    QTRY_COMPARE_WITH_TIMEOUT(reads.size(), 1, 5000);
    QCOMPARE(reads.at(0).at(0).toString(), td3);
    QCOMPARE(reads.at(0).at(1).value<SourceInfo>().kind, SourceKind::KeyboardWedge);
    QTest::qWait(100); // let any quiet timer run: nothing may leak out afterwards
    QCOMPARE(window.typed, QString());
    QCOMPARE(window.presses, 0);
    QCOMPARE(window.releases, 0);
}

void TestKeyboardWedgeSource::officerTypingReachesTheWindowInOrder()
{
    Rig rig;
    auto &[window, wedge, reads] = rig;
    const QString typed = QStringLiteral("ERIKSSON\nD23145890<\n");
    send(window, Typing::rhythm(typed, {140, 95, 210, 120}, 90000));
    QTRY_COMPARE_WITH_TIMEOUT(window.typed, typed, 5000);
    QCOMPARE(window.presses, typed.size());
    QCOMPARE(window.releases, typed.size());
    QCOMPARE(reads.size(), 0);
}

void TestKeyboardWedgeSource::ordinaryKeysPassAtOnce()
{
    Rig rig;
    auto &window = rig.window;
    send(window, Typing::steady(QStringLiteral("anna"), 150, -1, 120000));
    // Lower case can begin no MRZ: delivered synchronously, not after a quiet period.
    QCOMPARE(window.typed, QStringLiteral("anna"));
    QCOMPARE(window.releases, 4);
}

void TestKeyboardWedgeSource::stoppedFilterPassesEverything()
{
    Rig rig;
    auto &[window, wedge, reads] = rig;
    wedge.stop();
    QCOMPARE(wedge.status(), SourceStatus::Stopped);
    send(window, Typing::steady(td3 + u'\n', 4, -1, 150000));
    QCOMPARE(window.typed, td3 + u'\n');
    QCOMPARE(reads.size(), 0);
}

void TestKeyboardWedgeSource::stopDeliversWhatIsHeld()
{
    Rig rig;
    auto &[window, wedge, reads] = rig;
    send(window, Typing::steady(QStringLiteral("L89"), 4, -1, 200000)); // could begin a TD3 line 2
    QCOMPARE(window.typed, QString());                                   // held for now
    wedge.stop();
    QCOMPARE(window.typed, QStringLiteral("L89"));
    QCOMPARE(window.releases, 3);
    QCOMPARE(reads.size(), 0);
}

QTEST_MAIN(TestKeyboardWedgeSource)
#include "tst_keyboardwedgesource.moc"
