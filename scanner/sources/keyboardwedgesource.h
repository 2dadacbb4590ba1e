#pragma once
// Keyboard-wedge document readers: USB readers that present themselves as a keyboard and
// type the MRZ. An application-wide event filter feeds every key press aimed at a window to
// the WedgeClassifier: a document burst is swallowed and reported as mrzTextRead; anything
// else (an officer typing) reaches its window unchanged and in order, at most a few tens of
// milliseconds late.
#include "scanner/sources/documentsource.h"
#include "scanner/sources/wedgeclassifier.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPointer>
#include <QTimer>

#include <map>
#include <memory>

namespace Kiosk::Sources {

class KeyboardWedgeSource final : public DocumentSource
{
    Q_OBJECT
public:
    explicit KeyboardWedgeSource(WedgeTiming timing = {}, QObject *parent = nullptr);
    ~KeyboardWedgeSource() override;

    [[nodiscard]] SourceInfo info() const override;
    // Installs the filter on the application (needs a QGuiApplication).
    void start() override;
    void stop() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Pending {
        QPointer<QObject> receiver;
        std::unique_ptr<QKeyEvent> press;
    };
    bool onKeyPress(QObject *window, QKeyEvent *event);
    // Returns whether the current event (seq) must be swallowed.
    bool apply(const WedgeClassifier::Decision &decision, quint64 current, QObject *window, QKeyEvent *event);
    void replay(Pending &pending);
    void onQuiet();
    void armQuietTimer();

    WedgeClassifier m_classifier;
    std::map<quint64, Pending> m_pending;
    QList<int> m_swallowReleases; // keys whose press we swallowed: their release goes too
    QTimer m_quietTimer;
    QElapsedTimer m_monotonic;
    bool m_installed = false;
    bool m_replaying = false;
};

} // namespace Kiosk::Sources
