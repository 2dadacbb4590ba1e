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
    , m_pending(cell(this, QStringLiteral("statusPending")))
    , m_lastSync(cell(this, QStringLiteral("statusLastSync")))
    , m_policy(cell(this, QStringLiteral("statusPolicy")))
    , m_watchlist(cell(this, QStringLiteral("statusWatchlist")))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (QLabel *l : {m_online, m_pending, m_lastSync, m_policy, m_watchlist})
        row->addWidget(l);
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
    // Words first, colour second.
    m_online->setText(s.online ? tr("● Online") : tr("○ Offline"));
    m_online->setStyleSheet(s.online ? QStringLiteral("color:#1b6e34;font-weight:bold")
                                     : QStringLiteral("color:#9a5200;font-weight:bold"));
    m_online->setToolTip(s.lastError.isEmpty() ? QString() : tr("Last error: %1").arg(s.lastError));
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
