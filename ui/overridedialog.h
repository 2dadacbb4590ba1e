#pragma once
// Override of a verdict: only with a typed reason (domain-rules §6). The dialog cannot be
// accepted until the reason is long enough; the session refuses a short one as well.
#include "app/core/verdict.h"

#include <QDialog>

class QComboBox;
class QPlainTextEdit;
class QPushButton;
class QLabel;

namespace Kiosk::Ui {

class OverrideDialog : public QDialog
{
    Q_OBJECT
public:
    OverrideDialog(VerdictKind current, Direction direction, QWidget *parent = nullptr);

    [[nodiscard]] VerdictKind verdict() const;
    [[nodiscard]] Direction direction() const;
    [[nodiscard]] QString reason() const;
    [[nodiscard]] bool canAccept() const;

private:
    void updateState();

    VerdictKind m_current;
    QComboBox *m_verdict;
    QComboBox *m_direction;
    QPlainTextEdit *m_reason;
    QLabel *m_hint;
    QPushButton *m_ok;
};

} // namespace Kiosk::Ui
