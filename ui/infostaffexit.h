#pragma once
// Staff leave the information screen with a key combination and a PIN (issue 8 §3). The PIN is
// checked against a PBKDF2 hash (app/crypto/passwordhash.h), never stored in clear; a wrong PIN
// keeps the screen as it is.
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Kiosk::Ui {

class InfoStaffExitDialog : public QDialog
{
    Q_OBJECT
public:
    InfoStaffExitDialog(QString pinHash, int minimumTouchPixels, QWidget *parent = nullptr);

    // Checks `pin` and accepts the dialog when it is right (also what the Leave button does).
    bool tryPin(const QString &pin);

private:
    QString m_pinHash;
    QLabel *m_prompt;
    QLineEdit *m_pin;
    QLabel *m_error;
    QPushButton *m_leave;
    QPushButton *m_cancel;
};

} // namespace Kiosk::Ui
