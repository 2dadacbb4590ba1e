#include "ui/overridedialog.h"

#include "app/session/checkpointsession.h"
#include "ui/consoletext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

OverrideDialog::OverrideDialog(VerdictKind current, Direction direction, QWidget *parent)
    : QDialog(parent)
    , m_current(current)
    , m_verdict(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_reason(new QPlainTextEdit(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("overrideDialog"));
    setWindowTitle(tr("Override the verdict"));
    m_verdict->setObjectName(QStringLiteral("overrideVerdict"));
    m_direction->setObjectName(QStringLiteral("overrideDirection"));
    m_reason->setObjectName(QStringLiteral("overrideReason"));
    m_reason->setAccessibleName(tr("Reason for the override"));
    m_reason->setTabChangesFocus(true);
    for (VerdictKind v : {VerdictKind::Admit, VerdictKind::Refer, VerdictKind::Refuse})
        m_verdict->addItem(ConsoleText::verdictWord(v), static_cast<int>(v));
    m_verdict->setCurrentIndex(current == VerdictKind::Admit ? 1 : 0);
    for (Direction d : {Direction::Entry, Direction::Exit})
        m_direction->addItem(ConsoleText::direction(d), static_cast<int>(d));
    m_direction->setCurrentIndex(direction == Direction::Entry ? 0 : 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("overrideOk"));
    m_ok->setText(tr("Record with override"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, &OverrideDialog::updateState);
    connect(m_verdict, &QComboBox::currentIndexChanged, this, &OverrideDialog::updateState);

    auto *form = new QFormLayout;
    form->addRow(tr("Current verdict"), new QLabel(ConsoleText::verdictWord(current), this));
    form->addRow(tr("New verdict"), m_verdict);
    form->addRow(tr("Record as"), m_direction);
    form->addRow(tr("Reason (required)"), m_reason);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(buttons);
    updateState();
}

VerdictKind OverrideDialog::verdict() const
{
    return static_cast<VerdictKind>(m_verdict->currentData().toInt());
}

Direction OverrideDialog::direction() const
{
    return static_cast<Direction>(m_direction->currentData().toInt());
}

QString OverrideDialog::reason() const
{
    return m_reason->toPlainText().simplified();
}

bool OverrideDialog::canAccept() const
{
    return reason().size() >= Session::CheckpointSession::kMinimumOverrideReasonLength && verdict() != m_current;
}

void OverrideDialog::updateState()
{
    m_ok->setEnabled(canAccept());
    if (verdict() == m_current)
        m_hint->setText(tr("Choose a verdict different from the current one."));
    else if (reason().size() < Session::CheckpointSession::kMinimumOverrideReasonLength)
        m_hint->setText(tr("Type the reason: at least %n characters. It is recorded and signed with your id.", nullptr,
                           Session::CheckpointSession::kMinimumOverrideReasonLength));
    else
        m_hint->setText(tr("The override is recorded as its own signed event."));
}

} // namespace Kiosk::Ui
