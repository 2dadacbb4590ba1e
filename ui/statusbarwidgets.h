#pragma once
// The console's status bar: online/offline, pending events and the age of the
// oldest, last sync, policy version, watchlist age with a warning when stale (per policy).
// A central side that answers but wrongly is its own state (not "offline"), the
// failing round's error code and element are shown in the bar itself, and pulled events kept
// aside because they do not verify are counted while there are any.
#include "app/session/casemodel.h"

#include <QDateTime>
#include <QWidget>

class QLabel;

namespace Kiosk::Ui {

class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusWidget(QWidget *parent = nullptr);

    void setSyncStatus(const Session::SyncStatus &s, const QDateTime &now);
    void setReferenceStatus(const Session::ReferenceStatus &r);

    // "2 min", "3 h", "5 d": compact ages for the status bar.
    [[nodiscard]] static QString ageText(qint64 seconds);

private:
    QLabel *m_online;
    QLabel *m_roundError;
    QLabel *m_pending;
    QLabel *m_unverified;
    QLabel *m_lastSync;
    QLabel *m_policy;
    QLabel *m_watchlist;
};

} // namespace Kiosk::Ui
