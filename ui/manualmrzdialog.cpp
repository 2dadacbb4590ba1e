#include "ui/manualmrzdialog.h"

#include "app/session/checkpointsession.h"
#include "ui/consoletext.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kiosk::Ui {

ManualMrzDialog::ManualMrzDialog(const Session::CheckpointSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_edit(new QPlainTextEdit(this))
    , m_feedback(new QLabel(this))
{
    setObjectName(QStringLiteral("manualMrzDialog"));
    setWindowTitle(tr("Type the MRZ"));
    m_edit->setObjectName(QStringLiteral("manualMrzEdit"));
    m_feedback->setObjectName(QStringLiteral("manualMrzFeedback"));
    m_edit->setAccessibleName(tr("Machine readable zone, two or three lines"));
    // OCR-B is the MRZ's own typeface (ICAO 9303-3 §4.2); monospace keeps the columns aligned
    // where it is not installed.
    QFont mrzFont(QStringLiteral("OCR B"));
    mrzFont.setStyleHint(QFont::Monospace);
    mrzFont.setFixedPitch(true);
    mrzFont.setPointSizeF(font().pointSizeF() * 1.3);
    m_edit->setFont(mrzFont);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setMinimumWidth(QFontMetrics(mrzFont).horizontalAdvance(QString(46, u'W')));
    m_edit->setTabChangesFocus(true);
    m_feedback->setTextFormat(Qt::RichText);
    m_feedback->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Check this document"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ManualMrzDialog::updateFeedback);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Type the lines at the bottom of the data page; use < for the filler."), this));
    layout->addWidget(m_edit);
    layout->addWidget(m_feedback);
    layout->addWidget(buttons);
    updateFeedback();
}

QString ManualMrzDialog::mrzText() const
{
    return m_edit->toPlainText().toUpper();
}

QString ManualMrzDialog::feedbackText() const
{
    return m_feedback->text();
}

void ManualMrzDialog::updateFeedback()
{
    const QString text = mrzText().trimmed();
    if (text.isEmpty()) {
        m_feedback->setText(tr("Waiting for input."));
        m_ok->setEnabled(false);
        return;
    }
    QStringList lines;
    const QStringList typed = text.split(u'\n');
    for (int i = 0; i < typed.size(); ++i)
        lines << tr("Line %1: %n character(s)", nullptr, static_cast<int>(typed[i].trimmed().size())).arg(i + 1);
    const Session::Case preview = m_session->previewMrz(text);
    if (!preview.document) {
        for (const QString &e : preview.readErrors)
            lines << QStringLiteral("<span style='color:#a11d1d'>✖ %1</span>").arg(e.toHtmlEscaped());
        m_feedback->setText(lines.join(QStringLiteral("<br>")));
        m_ok->setEnabled(false);
        return;
    }
    for (const Session::DocumentField &f : preview.fields) {
        if (!f.checkDigitOk)
            continue;
        lines << (*f.checkDigitOk
                      ? QStringLiteral("<span style='color:#1b6e34'>✔ %1</span>").arg(tr("%1: check digit OK").arg(ConsoleText::fieldLabel(f.key)))
                      : QStringLiteral("<span style='color:#a11d1d'><b>✖ %1</b></span>").arg(tr("%1: check digit FAILS").arg(ConsoleText::fieldLabel(f.key))));
    }
    if (preview.compositeCheckOk)
        lines << (*preview.compositeCheckOk ? tr("✔ composite check digit OK") : tr("✖ composite check digit FAILS"));
    m_feedback->setText(lines.join(QStringLiteral("<br>")));
    // A failing check digit may be the document's own fault: the officer may still submit,
    // and the rules then answer REFER (MRZ_CHECK_FAILED).
    m_ok->setEnabled(true);
}

} // namespace Kiosk::Ui
