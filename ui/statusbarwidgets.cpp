#include "ui/statusbarwidgets.h"

#include <QHBoxLayout>
#include <QLabel>

namespace Kiosk::Ui {

namespace {

QLabel *cell(QWidget *parent, const QString &name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setContentsMargins(6, 0, 6, 0);
    return l;
}

} // namespace

SyncStatusWidget::SyncStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_online(cell(this, QStringLiteral("statusOnline")))
    , m_roundError(cell(this, QStringLiteral("statusRoundError")))
    , m_pending(cell(this, QStringLiteral("statusPending")))
    , m_unverified(cell(this, QStringLiteral("statusUnverified")))
    , m_lastSync(cell(this, QStringLiteral("statusLastSync")))
    , m_policy(cell(this, QStringLiteral("statusPolicy")))
    , m_watchlist(cell(this, QStringLiteral("statusWatchlist")))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (QLabel *l : {m_online, m_roundError, m_pending, m_unverified, m_lastSync, m_policy, m_watchlist})
        row->addWidget(l);
    // On a narrow screen the error's text gives way (its whole text is in the tooltip), not the
    // cells after it.
    m_roundError->setMinimumWidth(1);
    setSyncStatus({}, {});
    setReferenceStatus({});
}

QString SyncStatusWidget::ageText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n s", nullptr, static_cast<int>(seconds));
    if (seconds < 3600)
        return tr("%n min", nullptr, static_cast<int>(seconds / 60));
    if (seconds < 86400 * 2)
        return tr("%n h", nullptr, static_cast<int>(seconds / 3600));
    return tr("%n d", nullptr, static_cast<int>(seconds / 86400));
}

void SyncStatusWidget::setSyncStatus(const Session::SyncStatus &s, const QDateTime &now)
{
    // Words first, colour second. A central side answering garbage is reachable: "offline"
    // would send the officer to the cable, not to the central service's operators.
    if (s.online) {
        m_online->setText(tr("● Online"));
        m_online->setStyleSheet(QStringLiteral("color:#1b6e34;font-weight:bold"));
    } else if (s.answeringWrongly) {
        m_online->setText(tr("⚠ Central answering wrongly"));
        m_online->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    } else {
        m_online->setText(tr("○ Offline"));
        m_online->setStyleSheet(QStringLiteral("color:#9a5200;font-weight:bold"));
    }
    const QString lastError = s.lastError.isEmpty() ? QString() : tr("Last error: %1").arg(s.lastError);
    m_online->setToolTip(lastError);
    // What failed now, in the bar (code and element: "SYNC_PROTOCOL: GET /v1/feed: events[3]
    // ..."), cut to a status bar's length; the whole text in the tooltip.
    constexpr qsizetype MaxErrorChars = 64; // the code and the element fit; the bar keeps its other cells
    const QString shown = s.roundError.size() > MaxErrorChars ? s.roundError.left(MaxErrorChars - 1) + u'…' : s.roundError;
    m_roundError->setText(s.roundError.isEmpty() ? QString() : tr("Sync failed: %1").arg(shown));
    m_roundError->setToolTip(s.roundError.isEmpty() ? QString() : tr("Sync failed: %1").arg(s.roundError));
    m_roundError->setStyleSheet(QStringLiteral("color:#a11d1d"));
    m_roundError->setVisible(!s.roundError.isEmpty());
    if (s.pendingEvents == 0)
        m_pending->setText(tr("No events pending"));
    else if (s.oldestPendingSeconds)
        m_pending->setText(tr("%n event(s) pending, oldest %1", nullptr, s.pendingEvents).arg(ageText(*s.oldestPendingSeconds)));
    else
        m_pending->setText(tr("%n event(s) pending", nullptr, s.pendingEvents));
    if (s.rejectedEvents > 0) {
        // A rejected event stays in the outbox until staff re-queue it: never silent.
        m_pending->setText(m_pending->text() + QStringLiteral(" · ")
                           + tr("⚠ %n event(s) REJECTED by central", nullptr, s.rejectedEvents));
        m_pending->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    } else {
        m_pending->setStyleSheet(QString());
    }
    // Another checkpoint's crossings that did not arrive (yet): kept aside and retried, never
    // silently missing from the history the verdicts read.
    m_unverified->setText(s.unverifiedPulls > 0 ? tr("⚠ %n pulled event(s) unverified", nullptr, s.unverifiedPulls) : QString());
    m_unverified->setToolTip(s.unverifiedPulls > 0 ? tr("Events of other checkpoints that do not verify yet: kept aside and retried each round")
                                                   : QString());
    m_unverified->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    m_unverified->setVisible(s.unverifiedPulls > 0);
    if (s.lastSuccess.isValid() && now.isValid())
        m_lastSync->setText(tr("Last sync %1 ago").arg(ageText(std::max<qint64>(0, s.lastSuccess.secsTo(now)))));
    else
        m_lastSync->setText(tr("Never synced"));
}

void SyncStatusWidget::setReferenceStatus(const Session::ReferenceStatus &r)
{
    m_policy->setText(r.policyVersion.isEmpty() ? tr("No policy") : tr("Policy %1").arg(r.policyVersion));
    if (r.watchlistAgeSeconds < 0) {
        m_watchlist->setText(tr("⚠ Watchlists not loaded"));
        m_watchlist->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    } else if (r.watchlistStale) {
        m_watchlist->setText(tr("⚠ Watchlists STALE: %1 old").arg(ageText(r.watchlistAgeSeconds)));
        m_watchlist->setStyleSheet(QStringLiteral("color:#a11d1d;font-weight:bold"));
    } else {
        m_watchlist->setText(tr("Watchlists %1 old").arg(ageText(r.watchlistAgeSeconds)));
        m_watchlist->setStyleSheet(QString());
    }
}

} // namespace Kiosk::Ui
