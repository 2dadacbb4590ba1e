#include "ui/infotext.h"

#include <QCollator>

#include <algorithm>

namespace Kiosk::Ui {

namespace {

// The countries the shipped policy names (§21), by ICAO 9303-3 code.
struct CountryNameRow
{
    const char *code;
    const char *name;
};
constexpr CountryNameRow kCountryNames[] = {
    {"AZE", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Azerbaijan")},
    {"BLR", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Belarus")},
    {"GEO", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Georgia")},
    {"JPN", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Japan")},
    {"KAZ", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Kazakhstan")},
    {"KGZ", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Kyrgyzstan")},
    {"MDA", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Moldova")},
    {"MNG", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Mongolia")},
    {"PAK", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Pakistan")},
    {"RUS", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Russia")},
    {"TJK", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Tajikistan")},
    {"TUR", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Turkey")},
    {"UKR", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Ukraine")},
    {"UZB", QT_TRANSLATE_NOOP("Kiosk::Ui::InfoText", "Uzbekistan")},
};

QString sortedCountryList(QStringList codes, const QLocale &locale)
{
    QStringList names;
    for (const QString &code : codes)
        names.append(InfoText::countryName(code));
    QCollator collator(locale);
    std::ranges::sort(names, [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
    return locale.createSeparatedList(names);
}

} // namespace

QList<InfoTopicId> InfoText::topics()
{
    return {InfoTopicId::Visa, InfoTopicId::Work, InfoTopicId::Residence, InfoTopicId::Help};
}

QString InfoText::topicTitle(InfoTopicId id)
{
    switch (id) {
    case InfoTopicId::Visa:
        return tr("Visas");
    case InfoTopicId::Work:
        return tr("Work permits");
    case InfoTopicId::Residence:
        return tr("Longer stays");
    case InfoTopicId::Help:
        return tr("Help: 919");
    }
    return {};
}

QString InfoText::topicObjectName(InfoTopicId id)
{
    switch (id) {
    case InfoTopicId::Visa:
        return QStringLiteral("topicVisa");
    case InfoTopicId::Work:
        return QStringLiteral("topicWork");
    case InfoTopicId::Residence:
        return QStringLiteral("topicResidence");
    case InfoTopicId::Help:
        return QStringLiteral("topicHelp");
    }
    return {};
}

QString InfoText::countryName(const QString &code)
{
    for (const CountryNameRow &row : kCountryNames)
        if (code == QLatin1String(row.code))
            return QCoreApplication::translate("Kiosk::Ui::InfoText", row.name);
    return code;
}

QString InfoText::formatDate(const QDate &date, const QLocale &locale)
{
    // Day, month in words, year: unambiguous in every language (never 03/04).
    return locale.toString(date, QStringLiteral("d MMMM yyyy"));
}

InfoTopic InfoText::topic(InfoTopicId id, const std::optional<Session::PublicRegimes> &regimes, const QLocale &locale)
{
    InfoTopic t;
    t.id = id;
    t.title = topicTitle(id);
    switch (id) {
    case InfoTopicId::Visa:
        t.statements = visaStatements(regimes, locale);
        break;
    case InfoTopicId::Work:
        t.statements = workStatements();
        break;
    case InfoTopicId::Residence:
        t.statements = residenceStatements();
        break;
    case InfoTopicId::Help:
        t.statements = helpStatements();
        break;
    }
    return t;
}

// Who needs a visa (the policy's own lists, grouped by days), how to apply, what happens without one.
QList<InfoStatement> InfoText::visaStatements(const std::optional<Session::PublicRegimes> &regimes, const QLocale &locale)
{
    QList<InfoStatement> statements;
    if (regimes) {
        // Grouped by the number of days, as the policy lists them (§21: all 90 today).
        const QMap<int, QStringList> &visaFree = regimes->visaFree;
        const QStringList &waivedAny = regimes->feeWaivedAnyLength;
        const QMap<int, QStringList> &waivedUpTo = regimes->feeWaivedUpTo;
        for (auto it = visaFree.begin(); it != visaFree.end(); ++it)
            statements.append({tr("Citizens of %1 may enter without a visa and stay for up to %n day(s).", nullptr, it.key())
                                   .arg(sortedCountryList(it.value(), locale)),
                               {}, QStringLiteral("§21, §127")});
        statements.append({tr("Everyone else needs a visa. The stay allowed is the period written on the visa."), {},
                           QStringLiteral("§19, §127")});
        QStringList waivers;
        if (!waivedAny.isEmpty())
            waivers.append(tr("%1: without a fee").arg(sortedCountryList(waivedAny, locale)));
        for (auto it = waivedUpTo.begin(); it != waivedUpTo.end(); ++it)
            waivers.append(tr("%1: without a fee for stays of up to %n day(s)", nullptr, it.key())
                               .arg(sortedCountryList(it.value(), locale)));
        if (!waivers.isEmpty())
            statements.append({tr("Some citizens receive the visa without paying the fee:"), waivers, QStringLiteral("§21")});
    }
    statements.append({tr("Visas are issued by the embassies and consulates of Azerbaijan."), {}, QStringLiteral("§19, §20")});
    statements.append({tr("Documents for a visa application:"),
                       {tr("the completed application form"), tr("two colour photographs, 3 × 4 cm"),
                        tr("your passport (stateless persons: an identity document)"),
                        tr("a declaration from the host party"), tr("a cheque for the fee")},
                       QStringLiteral("§20")});
    statements.append({tr("Anyone who arrives without a valid passport, visa or other document that entitles them to "
                          "cross the border is sent back to the country they came from."),
                       {}, QStringLiteral("§19")});
    statements.append({tr("If necessary, a temporary stay can be extended: apply to the State Migration Service."), {},
                       QStringLiteral("§43, §127")});
    return statements;
}

QList<InfoStatement> InfoText::workStatements()
{
    QList<InfoStatement> statements;
    statements.append({tr("Foreign nationals may work in Azerbaijan only after receiving a work permit."), {},
                       QStringLiteral("§22, §80")});
    statements.append({tr("The employer applies for the permit. It is issued for one year and can be renewed four "
                          "times, each time for one more year."),
                       {}, QStringLiteral("§81")});
    statements.append({tr("The employer may apply before you arrive; you then receive a copy of the employment "
                          "contract before you enter the country."),
                       {}, QStringLiteral("§83")});
    statements.append({tr("Work permits are issued by the State Migration Service."), {}, QStringLiteral("§43")});
    statements.append({tr("No work permit is needed for:"),
                       {tr("persons permanently resident in Azerbaijan"), tr("persons engaged in business activities"),
                        tr("senior staff of organisations set up under international agreements"),
                        tr("staff of diplomatic missions and consular offices"),
                        tr("staff of international organisations"),
                        tr("persons on a mission of no more than three months"),
                        tr("persons in religious activities of state-registered religious organisations"),
                        tr("accredited media staff"), tr("sailors"), tr("athletes and artists"),
                        tr("university teachers invited to lecture, lecturers and scientific researchers")},
                       QStringLiteral("§86")});
    statements.append({tr("Working without the required work permit makes a person an illegal migrant."), {},
                       QStringLiteral("§147")});
    return statements;
}

QList<InfoStatement> InfoText::residenceStatements()
{
    QList<InfoStatement> statements;
    statements.append({tr("To stay in Azerbaijan for more than 90 days you need permission: apply to the State "
                          "Migration Service for a temporary residence permit."),
                       {}, QStringLiteral("§43, §128")});
    statements.append({tr("A temporary residence permit is issued, among others, to:"),
                       {tr("close relatives of Azerbaijani citizens"), tr("spouses of Azerbaijani citizens"),
                        tr("holders of a work permit"), tr("full-time students in Azerbaijan"),
                        tr("highly qualified specialists and top athletes"),
                        tr("persons who have deposited 50,000 manats in an Azerbaijani bank"),
                        tr("persons who have invested at least 500,000 manats in the economy of Azerbaijan")},
                       QStringLiteral("§129")});
    statements.append({tr("The permit is granted for one year and may be extended for not more than four years."), {},
                       QStringLiteral("§131")});
    statements.append({tr("After at least two years of legal temporary residence you may be granted permanent "
                          "residence (immigrant status)."),
                       {}, QStringLiteral("§132")});
    statements.append({tr("With a temporary or permanent residence permit you leave and return on your passport and "
                          "the permit; no return visa is needed."),
                       {}, QStringLiteral("§44")});
    statements.append({tr("Staying longer than the law or your visa allows makes you an illegal migrant: a fine or "
                          "deportation may follow."),
                       {}, QStringLiteral("§147–148")});
    return statements;
}

QList<InfoStatement> InfoText::helpStatements()
{
    QList<InfoStatement> statements;
    statements.append({tr("Migration Information Centre of the State Migration Service: telephone 919, in "
                          "Azerbaijani, Russian and English."),
                       {}, QStringLiteral("§114")});
    statements.append({tr("Official websites, with information on entry, residence, work, fees and your rights:"),
                       {tr("www.migration.gov.az: State Migration Service"), tr("www.mfa.gov.az: Ministry of Foreign Affairs"),
                        tr("www.mia.gov.az: Ministry of Internal Affairs")},
                       QStringLiteral("§115–116")});
    statements.append({tr("On the State Migration Service's website you can ask a question through its "
                          "question-and-answer service or by e-mail."),
                       {}, QStringLiteral("§115")});
    statements.append({tr("The embassies and consulates of Azerbaijan give this information on request, free of charge."),
                       {}, QStringLiteral("§116")});
    return statements;
}

InfoResultText InfoText::result(const Session::InfoResult &r, const QLocale &locale)
{
    InfoResultText t;
    switch (r.outcome) {
    case Session::InfoOutcome::None:
        return t;
    case Session::InfoOutcome::SeeOfficer:
        // The same words for every cause (domain-rules §5: nothing reveals a watchlist hit):
        // only the nationality's public regime adds the visa lines.
        t.headline = tr("Please see a border officer.");
        t.lines.append(tr("A border officer will answer your questions about your entry and stay."));
        if (r.visaNeeded) {
            t.lines.append(tr("With this passport a visa is needed to enter Azerbaijan. Visas are issued by the "
                              "embassies and consulates of Azerbaijan (§19, §20)."));
            if (r.feeWaived && r.feeWaiverMaxDays > 0)
                t.lines.append(tr("For your nationality the visa is issued without a fee for stays of up to %n day(s) (§21).",
                                  nullptr, r.feeWaiverMaxDays));
            else if (r.feeWaived)
                t.lines.append(tr("For your nationality the visa is issued without a fee (§21)."));
        }
        return t;
    case Session::InfoOutcome::MayStay:
        break;
    }
    if (r.basis == Session::StayBasis::Citizen) {
        t.headline = tr("Welcome home.");
        t.lines.append(tr("Citizens of Azerbaijan enter, stay and leave freely (§225)."));
        return t;
    }
    if (r.allowedUntil)
        t.headline = tr("You may stay in Azerbaijan until %1.").arg(formatDate(*r.allowedUntil, locale));
    if (r.daysRemaining) {
        if (*r.daysRemaining == 0)
            t.lines.append(tr("Today is the last day of your stay."));
        else
            t.lines.append(tr("That is %n more day(s) after today.", nullptr, *r.daysRemaining));
    }
    switch (r.basis) {
    case Session::StayBasis::VisaFree:
        t.lines.append(tr("With your passport you need no visa: up to %n day(s) from each entry (§21, §127).", nullptr,
                          r.visaFreeDays));
        break;
    case Session::StayBasis::Visa:
        t.lines.append(tr("Your stay is the period on your visa (§19, §127)."));
        break;
    case Session::StayBasis::ResidencePermit:
        t.lines.append(tr("Your residence permit covers the stay; with it you leave and return without a visa (§44)."));
        break;
    case Session::StayBasis::None:
    case Session::StayBasis::Citizen:
        break;
    }
    if (r.limitedByPassport)
        t.lines.append(tr("This is the expiry date of your passport: a stay never goes beyond it."));
    if (r.basis != Session::StayBasis::ResidencePermit)
        t.lines.append(tr("To stay longer, apply to the State Migration Service for a temporary residence permit "
                          "(§128–131)."));
    t.lines.append(tr("To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86)."));
    while (t.lines.size() > InfoResultText::kLines)
        t.lines.removeLast();
    return t;
}

QString InfoText::welcome() { return tr("Welcome to Azerbaijan"); }
QString InfoText::placePassport()
{
    return tr("Place your passport on the reader, photo page down, to see how long you may stay.");
}
QString InfoText::privacyNote()
{
    return tr("This screen only gives information. Nothing is recorded, and your data is cleared when you leave.");
}
QString InfoText::topicsHeading() { return tr("Information without a passport:"); }
QString InfoText::hotlineFooter()
{
    return tr("Questions? Migration Information Centre: call 919 (Azerbaijani, Russian, English).");
}
QString InfoText::languageBarName() { return tr("Language"); }
QString InfoText::languageButtonDescription(const QString &nativeName)
{
    return tr("Show this screen in %1").arg(nativeName);
}
QString InfoText::finishButton() { return tr("Finish"); }
QString InfoText::finishDescription() { return tr("Clear the screen and return to the start"); }
QString InfoText::backButton() { return tr("Back"); }
QString InfoText::backDescription() { return tr("Return to the previous screen"); }
QString InfoText::topicButtonDescription(InfoTopicId id)
{
    return tr("Open the page: %1").arg(topicTitle(id));
}
QString InfoText::sourceLabel(const QString &paragraphs)
{
    //: The paragraphs of the source report a statement comes from, e.g. "Source: §20".
    return tr("Source: %1").arg(paragraphs);
}
QString InfoText::windowTitle() { return tr("Information for travellers"); }

QString InfoText::staffExitTitle() { return tr("Staff only"); }
QString InfoText::staffExitPrompt() { return tr("Enter the staff PIN to leave the information screen."); }
QString InfoText::staffExitPinName() { return tr("Staff PIN"); }
QString InfoText::staffExitConfirm() { return tr("Leave"); }
QString InfoText::staffExitCancel() { return tr("Cancel"); }
QString InfoText::staffExitWrongPin() { return tr("Wrong PIN."); }

} // namespace Kiosk::Ui
