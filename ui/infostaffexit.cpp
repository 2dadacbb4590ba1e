#include "ui/infostaffexit.h"

#include "app/crypto/passwordhash.h"
#include "ui/infotext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

InfoStaffExitDialog::InfoStaffExitDialog(QString pinHash, int minimumPinIterations, int minimumTouchPixels, QWidget *parent)
    : QDialog(parent)
    , m_pinHash(std::move(pinHash))
    , m_minimumPinIterations(minimumPinIterations)
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
    connect(m_leave, &QPushButton::clicked, this, [this] { (void)tryPin(m_pin->text()); });
}

bool InfoStaffExitDialog::tryPin(const QString &pin)
{
    const auto ok = Crypto::verifyPassword(pin, m_pinHash, m_minimumPinIterations);
    m_pin->clear();
    if (ok && *ok) {
        accept();
        return true;
    }
    m_error->setText(InfoText::staffExitWrongPin());
    if (++m_failures >= kMaxAttempts)
        reject();
    return false;
}

} // namespace Kiosk::Ui
