#pragma once
// Every user-visible text of the officer console that depends on a code (field keys, reason
// codes, verdicts, watchlist kinds), in one place and through tr() so the az/ru translations
// (resources/i18n/, checked by scripts/check-translations) cover them. Every reason code has
// its title (a switch, checked by -Wswitch).
#include "app/core/checkinputs.h"
#include "app/core/verdict.h"
#include "app/session/casemodel.h"

#include <QCoreApplication>
#include <QString>

namespace Kiosk::Ui {

class ConsoleText
{
    Q_DECLARE_TR_FUNCTIONS(Kiosk::Ui::ConsoleText)
public:
    [[nodiscard]] static QString fieldLabel(const QString &key);
    [[nodiscard]] static QString verdictWord(VerdictKind v);        // "ADMIT"
    [[nodiscard]] static QString verdictMeaning(VerdictKind v);     // "may cross"
    [[nodiscard]] static QString reasonTitle(ReasonCode code);      // plain language, one line
    [[nodiscard]] static QString watchlistKind(WatchlistKind k);
    [[nodiscard]] static QString direction(Direction d);
    [[nodiscard]] static QString sealState(Session::SealSignature s);
    [[nodiscard]] static QString action(Session::OfficerAction a);
};

} // namespace Kiosk::Ui
