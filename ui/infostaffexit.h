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
    InfoStaffExitDialog(QString pinHash, int minimumPinIterations, int minimumTouchPixels, QWidget *parent = nullptr);

    // Checks `pin` and accepts the dialog when it is right (also what the Leave button does).
    // After kMaxAttempts wrong PINs the dialog gives up (rejected): a traveller cannot sit and
    // guess, and the screen refuses a new attempt for a while (InfoScreen).
    bool tryPin(const QString &pin);
    static constexpr int kMaxAttempts = 3;
    [[nodiscard]] bool failedOut() const { return m_failures >= kMaxAttempts; }

private:
    QString m_pinHash;
    int m_minimumPinIterations;
    QLabel *m_prompt;
    QLineEdit *m_pin;
    QLabel *m_error;
    QPushButton *m_leave;
    QPushButton *m_cancel;
    int m_failures = 0;
};

} // namespace Kiosk::Ui
