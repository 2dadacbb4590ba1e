#pragma once
// One screen per case: the document as read (a tick or a cross per check digit,
// corrections highlighted), the verdict banner, every reason in plain language with its source
// paragraph, the stay figures, the crossing history across checkpoints, watchlist hits with
// their basis, the visa seal's signature state and the boarding pass's flight.
#include "app/session/casemodel.h"

#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QListWidget;

namespace Kiosk::Ui {

class VerdictBanner;

class CaseView : public QWidget
{
    Q_OBJECT
public:
    explicit CaseView(QWidget *parent = nullptr);

    void showCase(const Session::Case &c);
    void clear();

    [[nodiscard]] VerdictBanner *banner() const { return m_banner; }

private:
    void fillDocument(const Session::Case &c);
    void fillReasons(const Session::Case &c);
    void fillFigures(const Session::Case &c);
    void fillHistory(const Session::Case &c);
    void fillWatchlist(const Session::Case &c);
    void fillExtras(const Session::Case &c);

    VerdictBanner *m_banner;
    QGroupBox *m_documentBox;
    QGridLayout *m_fieldsGrid;
    QLabel *m_documentNote;
    QLabel *m_reasons;
    QLabel *m_figures;
    QListWidget *m_history;
    QGroupBox *m_watchlistBox;
    QLabel *m_watchlist;
    QGroupBox *m_sealBox;
    QLabel *m_seal;
    QGroupBox *m_boardingBox;
    QLabel *m_boarding;
    QLabel *m_outcome;
};

} // namespace Kiosk::Ui
