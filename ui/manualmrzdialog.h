#pragma once
// Manual MRZ entry for a damaged document, with live check-digit feedback: every
// keystroke re-reads the text and shows, per field, whether its check digit holds.
#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Kiosk::Session {
class CheckpointSession;
}

namespace Kiosk::Ui {

class ManualMrzDialog : public QDialog
{
    Q_OBJECT
public:
    ManualMrzDialog(const Session::CheckpointSession *session, QWidget *parent = nullptr);

    [[nodiscard]] QString mrzText() const;
    [[nodiscard]] QString feedbackText() const; // for tests

private:
    void updateFeedback();

    const Session::CheckpointSession *m_session;
    QPlainTextEdit *m_edit;
    QLabel *m_feedback;
    QPushButton *m_ok;
};

} // namespace Kiosk::Ui
