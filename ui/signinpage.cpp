#include "ui/signinpage.h"

#include "app/session/checkpointsession.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

SignInPage::SignInPage(Session::CheckpointSession *session, Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_mode(mode)
    , m_title(new QLabel(this))
    , m_operator(new QLineEdit(this))
    , m_pin(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setObjectName(mode == Mode::SignIn ? QStringLiteral("signInPage") : QStringLiteral("lockPage"));
    m_operator->setObjectName(QStringLiteral("operatorId"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_error->setObjectName(QStringLiteral("signInError"));
    m_button->setObjectName(QStringLiteral("signInButton"));
    m_pin->setEchoMode(QLineEdit::Password);
    m_pin->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    m_operator->setAccessibleName(tr("Operator id"));
    m_pin->setAccessibleName(tr("PIN"));
    m_error->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    m_error->setWordWrap(true);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setAlignment(Qt::AlignCenter);

    auto *form = new QFormLayout;
    form->addRow(tr("Operator id"), m_operator);
    form->addRow(tr("PIN"), m_pin);
    auto *box = new QWidget(this);
    box->setMaximumWidth(420);
    auto *inner = new QVBoxLayout(box);
    inner->addWidget(m_title);
    inner->addLayout(form);
    inner->addWidget(m_button);
    inner->addWidget(m_error);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(box, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    if (mode == Mode::SignIn) {
        m_title->setText(tr("Officer sign-in"));
        m_button->setText(tr("Sign in (Enter)"));
    } else {
        m_title->setText(tr("Console locked"));
        m_button->setText(tr("Unlock (Enter)"));
        m_operator->setReadOnly(true);
    }
    connect(m_button, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_session, &Session::CheckpointSession::pinChecked, this, &SignInPage::onPinChecked);
    connect(m_pin, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_operator, &QLineEdit::returnPressed, m_pin, qOverload<>(&QWidget::setFocus));
}

void SignInPage::reset()
{
    m_pin->clear();
    m_error->clear();
    if (m_mode == Mode::Unlock) {
        const auto op = m_session->currentOperator();
        m_operator->setText(op ? op->id : QString());
        m_pin->setFocus();
    } else {
        m_operator->clear();
        m_operator->setFocus();
    }
}

void SignInPage::submit()
{
    if (m_waiting)
        return;
    const QString pin = m_pin->text();
    m_pin->clear(); // never keep the PIN in a widget longer than needed
    // The session checks the PIN off the GUI thread and answers with pinChecked().
    m_waiting = true;
    m_button->setEnabled(false);
    m_error->clear();
    if (m_mode == Mode::SignIn)
        m_session->requestSignIn(m_operator->text(), pin);
    else
        m_session->requestUnlock(pin);
}

void SignInPage::onPinChecked(Session::PinPurpose purpose, const QString &errorCode, const QString &message)
{
    const Session::PinPurpose mine = m_mode == Mode::SignIn ? Session::PinPurpose::SignIn : Session::PinPurpose::Unlock;
    if (!m_waiting || purpose != mine)
        return;
    m_waiting = false;
    m_button->setEnabled(true);
    if (!errorCode.isEmpty()) {
        m_error->setText(message);
        m_pin->setFocus();
        return;
    }
    m_error->clear();
}

} // namespace Kiosk::Ui
