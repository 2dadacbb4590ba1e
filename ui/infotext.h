#pragma once
// Every text the information screen shows a traveller, through tr() (context
// Kiosk::Ui::InfoText), so that resources/i18n/kiosk_{az,ru,en}.ts translate them.
//
// The content statements come from the source report (../shared/seed, cited as §N) and from
// the policy in force; each statement carries its paragraphs, shown with it, so a traveller
// (and a reviewer) can trace it (domain-rules §7).
#include "app/session/inforesult.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace Kiosk::Ui {

// The screen's words are about the session's values (app/session/inforesult.h).
using Session::InfoOutcome;
using Session::InfoResult;
using Session::StayBasis;

enum class InfoTopicId { Visa, Work, Residence, Help };

struct InfoStatement
{
    QString text;
    QStringList items; // a list under the text, if any
    QString source;    // "§20"
};

struct InfoTopic
{
    InfoTopicId id = InfoTopicId::Visa;
    QString title;
    QList<InfoStatement> statements;
};

// The result of a passport check in words: a headline and lines under it, fixed in number so
// every outcome uses the same widgets (ui/infoscreen.h).
struct InfoResultText
{
    static constexpr int kLines = 5;
    QString headline;
    QStringList lines; // at most kLines
};

class InfoText
{
    Q_DECLARE_TR_FUNCTIONS(Kiosk::Ui::InfoText)
public:
    [[nodiscard]] static QList<InfoTopicId> topics();
    [[nodiscard]] static QString topicTitle(InfoTopicId id);
    [[nodiscard]] static QString topicObjectName(InfoTopicId id); // "topicVisa", ...
    // The statements of a page; the visa-free and fee-waiver lists are the policy in force's
    // (CheckpointSession::publicRegimes), none when there is no policy.
    [[nodiscard]] static InfoTopic topic(InfoTopicId id, const std::optional<Session::PublicRegimes> &regimes, const QLocale &locale);

    [[nodiscard]] static InfoResultText result(const Session::InfoResult &r, const QLocale &locale);
    [[nodiscard]] static QString formatDate(const QDate &date, const QLocale &locale);
    // A country's name in the current language, for the countries the policy lists; the ICAO
    // code for any other.
    [[nodiscard]] static QString countryName(const QString &code);

    // Start page and the parts around every page.
    [[nodiscard]] static QString welcome();
    [[nodiscard]] static QString placePassport();
    [[nodiscard]] static QString privacyNote();
    [[nodiscard]] static QString topicsHeading();
    [[nodiscard]] static QString hotlineFooter();
    [[nodiscard]] static QString languageBarName();
    [[nodiscard]] static QString languageButtonDescription(const QString &nativeName);
    [[nodiscard]] static QString finishButton();
    [[nodiscard]] static QString finishDescription();
    [[nodiscard]] static QString backButton();
    [[nodiscard]] static QString backDescription();
    [[nodiscard]] static QString topicButtonDescription(InfoTopicId id);
    [[nodiscard]] static QString sourceLabel(const QString &paragraphs);
    [[nodiscard]] static QString windowTitle();

    // Staff exit (Ctrl+Alt+Shift+K and the staff PIN, ui/infoscreen.h).
    [[nodiscard]] static QString staffExitTitle();
    [[nodiscard]] static QString staffExitPrompt();
    [[nodiscard]] static QString staffExitPinName();
    [[nodiscard]] static QString staffExitConfirm();
    [[nodiscard]] static QString staffExitCancel();
    [[nodiscard]] static QString staffExitWrongPin();

private:
    [[nodiscard]] static QList<InfoStatement> visaStatements(const std::optional<Session::PublicRegimes> &regimes, const QLocale &locale);
    [[nodiscard]] static QList<InfoStatement> workStatements();
    [[nodiscard]] static QList<InfoStatement> residenceStatements();
    [[nodiscard]] static QList<InfoStatement> helpStatements();
};

} // namespace Kiosk::Ui
