#pragma once
// Staff leave the information screen with a key combination and a PIN. The session checks the
// PIN (CheckpointSession::requestStaffExit: against a PBKDF2 hash, off the GUI thread, through
// its one PIN throttle); a wrong PIN keeps the screen as it is.
#include "app/session/checkpointsession.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Kiosk::Ui {

class InfoStaffExitDialog : public QDialog
{
    Q_OBJECT
public:
    InfoStaffExitDialog(Session::CheckpointSession *session, int minimumTouchPixels, QWidget *parent = nullptr);

    // Hands `pin` to the session (also what the Leave button does); pinAnswered() tells the
    // answer, and a right PIN accepts the dialog. After kMaxAttempts wrong PINs, or when the
    // session's throttle holds PIN entry back, the dialog gives up (rejected): a traveller cannot
    // sit and guess, and the screen offers no new dialog while the throttle waits.
    void tryPin(const QString &pin);
    static constexpr int kMaxAttempts = Session::CheckpointSession::kStaffPinAttempts;
    [[nodiscard]] bool failedOut() const { return m_failures >= kMaxAttempts; }

Q_SIGNALS:
    void pinAnswered(bool right);

private:
    void onPinChecked(Session::PinPurpose purpose, const QString &errorCode, const QString &message);

    Session::CheckpointSession *m_session;
    QLabel *m_prompt;
    QLineEdit *m_pin;
    QLabel *m_error;
    QPushButton *m_leave;
    QPushButton *m_cancel;
    int m_failures = 0;
    bool m_waiting = false;
};

} // namespace Kiosk::Ui
