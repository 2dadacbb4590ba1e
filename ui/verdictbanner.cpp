#include "ui/verdictbanner.h"

#include "ui/consoletext.h"

#include <QHBoxLayout>
#include <QVBoxLayout>

namespace Kiosk::Ui {

VerdictBanner::VerdictBanner(QWidget *parent)
    : QWidget(parent)
    , m_symbol(new QLabel(this))
    , m_word(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("verdictBanner"));
    m_word->setObjectName(QStringLiteral("verdictWord"));
    m_detail->setObjectName(QStringLiteral("verdictDetail"));
    setAutoFillBackground(true);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    m_symbol->setFont(big);
    m_word->setFont(big);
    QFont mid = font();
    mid.setPointSizeF(mid.pointSizeF() * 1.2);
    m_detail->setFont(mid);
    m_detail->setWordWrap(true);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(16, 10, 16, 10);
    row->addWidget(m_symbol);
    auto *words = new QVBoxLayout;
    words->addWidget(m_word);
    words->addWidget(m_detail);
    row->addLayout(words, 1);
    showNoVerdict(tr("Place a document on the reader."));
}

void VerdictBanner::paintAs(const QColor &background)
{
    QPalette p = palette();
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, Qt::white);
    setPalette(p);
    for (QLabel *l : {m_symbol, m_word, m_detail})
        l->setPalette(p);
}

void VerdictBanner::showVerdict(VerdictKind verdict, Direction direction, const QString &detail)
{
    m_verdict = verdict;
    // Colours chosen for ≥ 4.5:1 contrast with white text (WCAG 2.1 AA).
    switch (verdict) {
    case VerdictKind::Admit:
        paintAs(QColor(0x1b, 0x6e, 0x34));
        m_symbol->setText(QStringLiteral("✔"));
        break;
    case VerdictKind::Refer:
        paintAs(QColor(0x9a, 0x52, 0x00));
        m_symbol->setText(QStringLiteral("⚠"));
        break;
    case VerdictKind::Refuse:
        paintAs(QColor(0xa1, 0x1d, 0x1d));
        m_symbol->setText(QStringLiteral("✖"));
        break;
    }
    m_word->setText(tr("%1 — %2 (%3)")
                        .arg(ConsoleText::verdictWord(verdict), ConsoleText::verdictMeaning(verdict),
                             ConsoleText::direction(direction).toLower()));
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    setAccessibleName(m_word->text());
}

void VerdictBanner::showNoVerdict(const QString &why)
{
    m_verdict.reset();
    paintAs(QColor(0x3c, 0x44, 0x4f));
    m_symbol->setText(QStringLiteral("…"));
    m_word->setText(tr("No verdict"));
    m_detail->setText(why);
    m_detail->setVisible(true);
    setAccessibleName(m_word->text());
}

QString VerdictBanner::text() const
{
    return m_word->text();
}

} // namespace Kiosk::Ui
