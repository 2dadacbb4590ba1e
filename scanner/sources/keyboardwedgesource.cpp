#include "scanner/sources/keyboardwedgesource.h"

#include "scanner/sources/logging_p.h"

#include <QGuiApplication>

namespace Kiosk::Sources {

namespace {

// A little slack after the classifier's quiet period: the timer fires on wall time, the
// classifier judges event timestamps; keys still queued in the event loop come first.
constexpr int quietSlackMs = 15;
constexpr qsizetype maxSwallowedReleases = 256;

bool isModifierOnly(int key)
{
    switch (key) {
    case Qt::Key_Shift:
    case Qt::Key_Control:
    case Qt::Key_Alt:
    case Qt::Key_AltGr:
    case Qt::Key_Meta:
    case Qt::Key_CapsLock:
    case Qt::Key_NumLock:
        return true;
    default:
        return false;
    }
}

} // namespace

KeyboardWedgeSource::KeyboardWedgeSource(WedgeTiming timing, QObject *parent)
    : DocumentSource(parent), m_classifier(timing)
{
    m_monotonic.start();
    m_quietTimer.setSingleShot(true);
    connect(&m_quietTimer, &QTimer::timeout, this, &KeyboardWedgeSource::onQuiet);
}

KeyboardWedgeSource::~KeyboardWedgeSource()
{
    if (m_installed && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

SourceInfo KeyboardWedgeSource::info() const
{
    return {SourceKind::KeyboardWedge, QStringLiteral("wedge"), QStringLiteral("Keyboard-wedge document reader")};
}

void KeyboardWedgeSource::start()
{
    if (m_installed)
        return;
    clearError();
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        reportError(QStringLiteral("SOURCE_WEDGE_NO_GUI"),
                    QStringLiteral("a keyboard-wedge reader needs the graphical application (no keyboard here)"));
        setStatus(SourceStatus::Unavailable);
        return;
    }
    QCoreApplication::instance()->installEventFilter(this);
    m_installed = true;
    setStatus(SourceStatus::Running);
}

void KeyboardWedgeSource::stop()
{
    m_quietTimer.stop();
    // Whatever is held was typed by someone (or was a whole document): settle it now
    // rather than lose it.
    apply(m_classifier.quiet(), 0, nullptr, nullptr);
    if (m_installed)
        QCoreApplication::instance()->removeEventFilter(this);
    m_installed = false;
    m_pending.clear();
    m_swallowReleases.clear();
    setStatus(SourceStatus::Stopped);
}

bool KeyboardWedgeSource::eventFilter(QObject *watched, QEvent *event)
{
    // Key events reach a QWindow first (the widget window forwards them to the focus
    // widget): filtering there sees each key exactly once, before any widget.
    if (m_replaying || !watched->isWindowType())
        return false;
    if (event->type() == QEvent::KeyPress)
        return onKeyPress(watched, static_cast<QKeyEvent *>(event));
    if (event->type() == QEvent::KeyRelease) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (const auto at = m_swallowReleases.indexOf(key->key()); at >= 0 && !key->isAutoRepeat()) {
            m_swallowReleases.removeAt(at);
            return true;
        }
    }
    return false;
}

bool KeyboardWedgeSource::onKeyPress(QObject *window, QKeyEvent *event)
{
    if (isModifierOnly(event->key()))
        return false; // wedges press Shift for letters and '<': neither a key nor a break

    KeyStroke stroke;
    // The platform stamps key events; an event synthesized without a stamp gets the filter's
    // own monotonic time rather than 0 (which would make every gap look wedge-fast).
    stroke.tMs = event->timestamp() != 0 ? static_cast<qint64>(event->timestamp()) : m_monotonic.elapsed();
    stroke.enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    const QString text = event->text();
    const Qt::KeyboardModifiers chord = event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    stroke.plain = !event->isAutoRepeat() && chord == Qt::NoModifier && (stroke.enter || text.size() == 1);
    if (!stroke.enter && text.size() == 1)
        stroke.ch = text.front();

    const auto decision = m_classifier.feed(stroke);
    const bool swallow = apply(decision, decision.seq, window, event);
    armQuietTimer();
    return swallow;
}

bool KeyboardWedgeSource::apply(const WedgeClassifier::Decision &decision, quint64 current, QObject *window,
                                QKeyEvent *event)
{
    bool swallowCurrent = false;
    if (current != 0 && decision.holds(current)) {
        m_pending.emplace(current, Pending{window, std::unique_ptr<QKeyEvent>(static_cast<QKeyEvent *>(event->clone()))});
        swallowCurrent = true;
    }
    if (current != 0 && decision.consumed.contains(current))
        swallowCurrent = true;

    for (const quint64 seq : decision.release) {
        if (seq == current) {
            if (decision.release.size() == 1)
                break; // the usual case: an ordinary key goes through natively
            // Earlier held keys are replayed first; the current one must follow them.
            Pending now{window, std::unique_ptr<QKeyEvent>(static_cast<QKeyEvent *>(event->clone()))};
            replay(now);
            swallowCurrent = true;
            continue;
        }
        if (auto it = m_pending.find(seq); it != m_pending.end()) {
            replay(it->second);
            m_pending.erase(it);
        }
    }
    for (const quint64 seq : decision.consumed)
        m_pending.erase(seq);

    if (swallowCurrent && event) {
        m_swallowReleases.append(event->key());
        if (m_swallowReleases.size() > maxSwallowedReleases)
            m_swallowReleases.removeFirst();
    }
    if (decision.mrz) {
        qCInfo(lcSources) << "keyboard wedge: document captured," << decision.consumed.size() << "keys";
        Q_EMIT mrzTextRead(*decision.mrz, info());
    }
    return swallowCurrent;
}

void KeyboardWedgeSource::replay(Pending &pending)
{
    if (!pending.receiver || !pending.press)
        return;
    const QKeyEvent &p = *pending.press;
    QKeyEvent release(QEvent::KeyRelease, p.key(), p.modifiers(), p.nativeScanCode(), p.nativeVirtualKey(),
                      p.nativeModifiers(), p.text(), false, 1, p.device());
    release.setTimestamp(p.timestamp());
    m_replaying = true;
    QCoreApplication::sendEvent(pending.receiver, pending.press.get());
    if (pending.receiver)
        QCoreApplication::sendEvent(pending.receiver, &release);
    m_replaying = false;
}

void KeyboardWedgeSource::onQuiet()
{
    const auto decision = m_classifier.quiet();
    apply(decision, 0, nullptr, nullptr);
}

void KeyboardWedgeSource::armQuietTimer()
{
    if (const auto after = m_classifier.quietAfterMs())
        m_quietTimer.start(*after + quietSlackMs);
    else
        m_quietTimer.stop();
}

} // namespace Kiosk::Sources
