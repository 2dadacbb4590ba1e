#include "ui/infostaffexit.h"

#include "ui/infotext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

InfoStaffExitDialog::InfoStaffExitDialog(Session::CheckpointSession *session, int minimumTouchPixels, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_prompt(new QLabel(InfoText::staffExitPrompt(), this))
    , m_pin(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_leave(new QPushButton(InfoText::staffExitConfirm(), this))
    , m_cancel(new QPushButton(InfoText::staffExitCancel(), this))
{
    setObjectName(QStringLiteral("staffExitDialog"));
    setWindowTitle(InfoText::staffExitTitle());
    setModal(true);
    m_prompt->setWordWrap(true);
    m_pin->setObjectName(QStringLiteral("staffPin"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setAccessibleName(InfoText::staffExitPinName());
    m_pin->setMinimumHeight(minimumTouchPixels);
    m_error->setObjectName(QStringLiteral("staffPinError"));
    m_leave->setObjectName(QStringLiteral("staffLeave"));
    m_leave->setAccessibleName(InfoText::staffExitConfirm());
    m_leave->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("staffCancel"));
    m_cancel->setAccessibleName(InfoText::staffExitCancel());
    for (QPushButton *b : {m_leave, m_cancel})
        b->setMinimumSize(minimumTouchPixels * 3, minimumTouchPixels);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_leave);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_prompt);
    layout->addWidget(m_pin);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_leave, &QPushButton::clicked, this, [this] { tryPin(m_pin->text()); });
    connect(m_session, &Session::CheckpointSession::pinChecked, this, &InfoStaffExitDialog::onPinChecked);
}

void InfoStaffExitDialog::tryPin(const QString &pin)
{
    m_pin->clear();
    if (m_waiting)
        return;
    m_waiting = true;
    m_leave->setEnabled(false);
    m_session->requestStaffExit(pin);
}

void InfoStaffExitDialog::onPinChecked(Session::PinPurpose purpose, const QString &errorCode, const QString &)
{
    if (!m_waiting || purpose != Session::PinPurpose::StaffExit)
        return;
    m_waiting = false;
    m_leave->setEnabled(true);
    const bool right = errorCode.isEmpty();
    Q_EMIT pinAnswered(right);
    if (right) {
        accept();
        return;
    }
    m_error->setText(InfoText::staffExitWrongPin());
    if (++m_failures >= kMaxAttempts || errorCode == QLatin1String("SIGNIN_DELAYED"))
        reject();
}

} // namespace Kiosk::Ui
