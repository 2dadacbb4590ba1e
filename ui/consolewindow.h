#pragma once
// The officer console: sign-in, one screen per case, keyboard-first actions,
// the lock screen and the status bar. It only talks to the CheckpointSession.
#include "app/core/verdict.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QStackedWidget;
class QDialog;

namespace Kiosk::Session {
class CheckpointSession;
struct Case;
}

namespace Kiosk::Ui {

class CaseView;
class SignInPage;
class SyncStatusWidget;

class ConsoleWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleWindow(Session::CheckpointSession *session, QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    [[nodiscard]] CaseView *caseView() const { return m_caseView; }
    // The page on screen: "signInPage", "lockPage" or "casePage" (tests, screenshots).
    [[nodiscard]] QString currentPageName() const;

    // The action behind each shortcut, by name: recordEntry (F2), recordExit (F3), refer (F4),
    // manualEntry (F6), switchDirection (F7), override (F8), newCase (Esc), lock (Ctrl+L),
    // signOut (Ctrl+Shift+Q).
    [[nodiscard]] QAction *action(const QString &name) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void showPage();
    void updateActions();
    void onCaseChanged(const Session::Case &c);
    void reportResult(const QString &code, const QString &message);
    void record(Direction d);
    void refer();
    void overrideVerdict();
    void manualEntry();
    void refreshStatus();

    Session::CheckpointSession *m_session;
    QStackedWidget *m_pages;
    SignInPage *m_signIn;
    SignInPage *m_lock;
    QWidget *m_casePage;
    CaseView *m_caseView;
    QLabel *m_direction;
    QLabel *m_operator;
    QLabel *m_message;
    SyncStatusWidget *m_status;
    QPointer<QDialog> m_dialog; // the open modal dialog, closed when the console locks
};

} // namespace Kiosk::Ui
