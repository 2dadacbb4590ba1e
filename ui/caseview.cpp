#include "ui/caseview.h"

#include "ui/consoletext.h"
#include "ui/verdictbanner.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Kiosk::Ui {

namespace {

QLabel *wrappingLabel(QWidget *parent, const QString &objectName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::RichText);
    l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

} // namespace

CaseView::CaseView(QWidget *parent)
    : QWidget(parent)
    , m_banner(new VerdictBanner(this))
{
    setObjectName(QStringLiteral("caseView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    outer->addWidget(m_banner);

    m_outcome = wrappingLabel(this, QStringLiteral("caseOutcome"));
    outer->addWidget(m_outcome);

    auto *columns = new QHBoxLayout;
    outer->addLayout(columns, 1);

    // Left: the document, the seal, the boarding pass.
    auto *left = new QVBoxLayout;
    m_documentBox = new QGroupBox(tr("Document as read"), this);
    m_documentBox->setObjectName(QStringLiteral("documentBox"));
    auto *docLayout = new QVBoxLayout(m_documentBox);
    auto *photo = new QLabel(tr("Photo"), m_documentBox);
    photo->setObjectName(QStringLiteral("photoPlaceholder"));
    photo->setAlignment(Qt::AlignCenter);
    photo->setFrameShape(QFrame::Box);
    photo->setMinimumSize(90, 115); // ICAO 9303-3 portrait proportion 35×45
    photo->setMaximumSize(90, 115);
    auto *top = new QHBoxLayout;
    top->addWidget(photo, 0, Qt::AlignTop);
    m_fieldsGrid = new QGridLayout;
    m_fieldsGrid->setColumnStretch(1, 1);
    top->addLayout(m_fieldsGrid, 1);
    docLayout->addLayout(top);
    m_documentNote = wrappingLabel(m_documentBox, QStringLiteral("documentNote"));
    docLayout->addWidget(m_documentNote);
    left->addWidget(m_documentBox);

    m_sealBox = new QGroupBox(tr("Visa seal"), this);
    m_seal = wrappingLabel(m_sealBox, QStringLiteral("sealState"));
    (new QVBoxLayout(m_sealBox))->addWidget(m_seal);
    left->addWidget(m_sealBox);
    m_boardingBox = new QGroupBox(tr("Boarding pass"), this);
    m_boarding = wrappingLabel(m_boardingBox, QStringLiteral("boardingPass"));
    (new QVBoxLayout(m_boardingBox))->addWidget(m_boarding);
    left->addWidget(m_boardingBox);
    left->addStretch(1);
    columns->addLayout(left, 5);

    // Right: reasons and figures, watchlist, history.
    auto *right = new QVBoxLayout;
    auto *reasonsBox = new QGroupBox(tr("Reasons"), this);
    m_reasons = wrappingLabel(reasonsBox, QStringLiteral("reasons"));
    m_figures = wrappingLabel(reasonsBox, QStringLiteral("stayFigures"));
    auto *rl = new QVBoxLayout(reasonsBox);
    rl->addWidget(m_figures);
    rl->addWidget(m_reasons);
    right->addWidget(reasonsBox);

    m_watchlistBox = new QGroupBox(tr("Watchlist hits (officer only)"), this);
    m_watchlistBox->setObjectName(QStringLiteral("watchlistBox"));
    m_watchlist = wrappingLabel(m_watchlistBox, QStringLiteral("watchlistHits"));
    (new QVBoxLayout(m_watchlistBox))->addWidget(m_watchlist);
    right->addWidget(m_watchlistBox);

    auto *historyBox = new QGroupBox(tr("Crossing history (all checkpoints)"), this);
    m_history = new QListWidget(historyBox);
    m_history->setObjectName(QStringLiteral("historyTimeline"));
    m_history->setFocusPolicy(Qt::NoFocus);
    (new QVBoxLayout(historyBox))->addWidget(m_history);
    right->addWidget(historyBox, 1);
    columns->addLayout(right, 6);

    clear();
}

void CaseView::clear()
{
    m_banner->showNoVerdict(tr("Place a document on the reader, or press F6 to type the MRZ."));
    while (QLayoutItem *item = m_fieldsGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_documentNote->clear();
    m_reasons->clear();
    m_figures->clear();
    m_history->clear();
    m_watchlist->clear();
    m_watchlistBox->hide();
    m_sealBox->hide();
    m_boardingBox->hide();
    m_outcome->clear();
    m_outcome->hide();
}

void CaseView::showCase(const Session::Case &c)
{
    clear();
    if (!c.document) {
        m_banner->showNoVerdict(tr("The document could not be read. Press F6 to type the MRZ."));
    } else if (!c.evaluated) {
        m_banner->showVerdict(VerdictKind::Refer, c.direction, tr("The check could not be completed."));
    } else {
        QString detail;
        if (c.figures.overstayDays && *c.figures.overstayDays > 0)
            detail = tr("Overstay: %n day(s)", nullptr, *c.figures.overstayDays);
        else if (c.figures.allowedUntil && c.figures.daysRemaining)
            detail = tr("Allowed until %1 — %n day(s) remaining", nullptr, *c.figures.daysRemaining)
                         .arg(dateText(*c.figures.allowedUntil));
        else if (!c.reasons.isEmpty())
            detail = ConsoleText::reasonTitle(c.reasons.front().code);
        m_banner->showVerdict(c.verdict, c.direction, detail);
    }
    fillDocument(c);
    fillReasons(c);
    fillFigures(c);
    fillHistory(c);
    fillWatchlist(c);
    fillExtras(c);
    if (c.outcome) {
        const auto &o = *c.outcome;
        QString text = tr("<b>%1</b> at %2 by the officer on duty — event %3 (no. %4), queued for sync.")
                           .arg(esc(ConsoleText::action(o.action)), esc(o.recordedAt.toString(Qt::ISODate)),
                                esc(o.eventId))
                           .arg(o.sequence);
        if (!o.overrideReason.isEmpty())
            text += QStringLiteral("<br>") + tr("Override reason: %1").arg(esc(o.overrideReason));
        m_outcome->setText(text);
        m_outcome->show();
    }
}

void CaseView::fillDocument(const Session::Case &c)
{
    int row = 0;
    for (const Session::DocumentField &f : c.fields) {
        auto *label = new QLabel(ConsoleText::fieldLabel(f.key), m_documentBox);
        auto *value = new QLabel(f.value.isEmpty() ? QStringLiteral("—") : f.value, m_documentBox);
        value->setObjectName(QStringLiteral("field_") + f.key);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        auto *check = new QLabel(m_documentBox);
        check->setObjectName(QStringLiteral("check_") + f.key);
        if (f.checkDigitOk) {
            // A tick or a cross with words beside: the colour only repeats what the word says.
            check->setText(*f.checkDigitOk ? tr("✔ check digit OK") : tr("✖ check digit FAILS"));
            check->setStyleSheet(*f.checkDigitOk ? QStringLiteral("color:#1b6e34") : QStringLiteral("color:#a11d1d;font-weight:bold"));
        }
        if (f.corrected) {
            value->setStyleSheet(QStringLiteral("background:#fff3b0;color:#000"));
            value->setToolTip(tr("Corrected by the check digit: %1").arg(f.correctionNote));
            check->setText(check->text() + QStringLiteral("  ") + tr("(corrected: %1)").arg(f.correctionNote));
        }
        m_fieldsGrid->addWidget(label, row, 0);
        m_fieldsGrid->addWidget(value, row, 1);
        m_fieldsGrid->addWidget(check, row, 2);
        ++row;
    }
    QStringList notes;
    if (!c.format.isEmpty())
        notes << tr("Format %1; read by %2.").arg(esc(c.format), esc(c.sourceDescription));
    if (c.compositeCheckOk)
        notes << (*c.compositeCheckOk ? tr("✔ composite check digit OK") : tr("✖ composite check digit FAILS"));
    for (const QString &e : c.readErrors)
        notes << QStringLiteral("<span style='color:#a11d1d'>✖ %1</span>").arg(esc(e));
    for (const QString &w : c.readWarnings)
        notes << QStringLiteral("⚠ %1").arg(esc(w));
    m_documentNote->setText(notes.join(QStringLiteral("<br>")));
}

void CaseView::fillReasons(const Session::Case &c)
{
    QString html;
    for (const Reason &r : c.reasons) {
        html += QStringLiteral("<p><b>%1</b> <span style='color:gray'>[%2 · %3]</span><br>%4</p>")
                    .arg(esc(ConsoleText::reasonTitle(r.code)), esc(reasonCodeToString(r.code)), esc(r.source), esc(r.explanation));
    }
    m_reasons->setText(html);
}

void CaseView::fillFigures(const Session::Case &c)
{
    QStringList lines;
    const auto &f = c.figures;
    if (f.allowedUntil)
        lines << tr("Allowed until: <b>%1</b>").arg(dateText(*f.allowedUntil));
    if (f.daysAllowed)
        lines << tr("Days allowed: %1").arg(*f.daysAllowed);
    if (f.daysUsed)
        lines << tr("Days used: %1").arg(*f.daysUsed);
    if (f.daysRemaining)
        lines << tr("Days remaining: <b>%1</b>").arg(*f.daysRemaining);
    if (f.overstayDays && *f.overstayDays > 0)
        lines << QStringLiteral("<span style='color:#a11d1d'><b>%1</b></span>")
                     .arg(tr("Overstay: %n day(s)", nullptr, *f.overstayDays));
    if (!c.policyVersion.isEmpty())
        lines << QStringLiteral("<span style='color:gray'>%1</span>").arg(tr("Policy %1").arg(esc(c.policyVersion)));
    m_figures->setText(lines.join(QStringLiteral(" · ")));
}

void CaseView::fillHistory(const Session::Case &c)
{
    if (c.history.isEmpty()) {
        m_history->addItem(tr("No crossings on record."));
        return;
    }
    for (const Session::HistoryEntry &h : c.history) {
        const QString arrow = h.direction == Direction::Entry ? QStringLiteral("→]") : QStringLiteral("[→");
        QString text = QStringLiteral("%1  %2  %3  %4")
                           .arg(dateText(h.date), arrow, ConsoleText::direction(h.direction), h.checkpoint);
        if (h.thisCheckpoint)
            text += QStringLiteral("  ") + tr("(this checkpoint)");
        m_history->addItem(text);
    }
}

void CaseView::fillWatchlist(const Session::Case &c)
{
    if (c.watchlistHits.isEmpty())
        return;
    QString html;
    for (const Session::WatchlistHit &h : c.watchlistHits)
        html += QStringLiteral("<p><b>%1</b> — %2<br><span style='color:gray'>%3</span></p>")
                    .arg(esc(ConsoleText::watchlistKind(h.kind)), esc(h.basis),
                         esc(tr("entry %1, matched on %2").arg(h.entryId, h.matchedOn)));
    m_watchlist->setText(html);
    m_watchlistBox->show();
}

void CaseView::fillExtras(const Session::Case &c)
{
    if (c.seal) {
        const auto &s = *c.seal;
        // A symbol beside the words, as for check digits: authentic is its own answer.
        const QString symbol = s.signature == Session::SealSignature::Valid ? QStringLiteral("✔")
            : s.signature == Session::SealSignature::Invalid                 ? QStringLiteral("✖")
                                                                              : QStringLiteral("⚠");
        QString text = QStringLiteral("<b>%1 %2</b>").arg(symbol, esc(ConsoleText::sealState(s.signature)));
        if (!s.signer.isEmpty())
            text += QStringLiteral("<br>") + tr("Signer: %1").arg(esc(s.signer));
        if (s.visa)
            text += QStringLiteral("<br>") + tr("Visa %1: valid %2 to %3, %n day(s)", nullptr, s.visa->days)
                                                  .arg(esc(s.visa->number), dateText(s.visa->validFrom), dateText(s.visa->validUntil));
        if (!s.detail.isEmpty())
            text += QStringLiteral("<br>") + esc(s.detail);
        m_seal->setText(text);
        m_sealBox->show();
    }
    if (c.boardingPass) {
        const auto &b = *c.boardingPass;
        QString text = tr("Flight <b>%1</b> %2 → %3 on %4, seat %5")
                           .arg(esc(b.flight), esc(b.from), esc(b.to), dateText(b.flightDate), esc(b.seat));
        text += QStringLiteral("<br>") + (b.nameMatchesDocument ? tr("✔ name matches the document")
                                                                 : tr("✖ name differs from the document"));
        m_boarding->setText(text);
        m_boardingBox->show();
    }
}

} // namespace Kiosk::Ui
