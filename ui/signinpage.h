#pragma once
// Operator sign-in (id + PIN) and the lock screen (the same operator's PIN).
#include "app/session/checkpointsession.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Kiosk::Ui {

class SignInPage : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { SignIn, Unlock };
    SignInPage(Session::CheckpointSession *session, Mode mode, QWidget *parent = nullptr);

    void reset(); // clears the PIN (and the id when signing in), focuses the first empty field

private:
    void submit();
    void onPinChecked(Kiosk::Session::PinPurpose purpose, const QString &errorCode, const QString &message);

    Session::CheckpointSession *m_session;
    Mode m_mode;
    QLabel *m_title;
    QLineEdit *m_operator;
    QLineEdit *m_pin;
    QLabel *m_error;
    QPushButton *m_button;
    bool m_waiting = false; // a PIN of this page is being checked
};

} // namespace Kiosk::Ui
