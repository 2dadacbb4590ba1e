// The information screen: each verdict class in each language shows the right
// text; the neutral page is identical for every REFER/REFUSE cause; after the timeout (or the
// passport removed) no widget holds a name, a number or a date of the previous traveller; the
// info role cannot reach any officer action; touch targets, accessible names, keyboard, font.
//
// Two backends: the demo's real store + rules engine (DemoEnvironment, Role::Info) for what a
// real verdict shows, and a scripted CaseBackend for the matrix of REFER/REFUSE causes, which
// the demo does not hold for one nationality (the screen's mapping is what is under test).
#include "app/core/clock.h"
#include "app/session/checkpointsession.h"
#include "app/demo/demoenvironment.h"
#include "app/demo/demoseed.h"
#include "app/demo/demopolicy.h"
#include "scanner/sources/simulatorsource.h"
#include "ui/infoscreen.h"
#include "ui/infostaffexit.h"
#include "app/crypto/passwordhash.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Kiosk;
using Kiosk::Ui::InfoScreen;

namespace {

// 1 March 2026, 12:00 at the checkpoint (Asia/Baku); the tests run in America/Sao_Paulo.
QDateTime checkpointNoon()
{
    return QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone("Asia/Baku"));
}
const QDate kToday(2026, 3, 1);

// What the scripted backend answers for one document number.
struct Script
{
    VerdictKind verdict = VerdictKind::Admit;
    QStringList codes;
    Session::StayFigures figures;
    QList<Session::HistoryEntry> history;
    QList<Session::WatchlistHit> hits;
};

class ScriptedBackend final : public Session::CaseBackend
{
public:
    QHash<QString, Script> scripts;
    int records = 0;
    QList<Direction> directionsSeen;

    Result<void> evaluate(Session::Case &c) override
    {
        directionsSeen.append(c.direction);
        const Script s = scripts.value(c.document->documentNumber);
        c.verdict = s.verdict;
        for (const QString &code : s.codes)
            c.reasons.append(Reason{reasonCodeFromString(code).value(), s.verdict, QStringLiteral("§0"), QStringLiteral("scripted")});
        c.figures = s.figures;
        c.history = s.history;
        c.watchlistHits = s.hits;
        c.policyVersion = QStringLiteral("2009.07-1");
        return {};
    }
    Result<Session::RecordOutcome> record(const Session::Case &, const Session::RecordRequest &) override
    {
        ++records; // must stay 0: the info role never records
        return fail(QStringLiteral("NOT_IN_TEST"), QStringLiteral("the info screen must not record"));
    }
    Session::ReferenceStatus referenceStatus(const QDateTime &) const override { return {}; }

    // The policy in force the session reports (as StoreBackend does); unset: none.
    std::optional<Rules::PolicyVersion> policy;
    const Rules::PolicyVersion *policyInForce(const QDate &) const override { return policy ? &*policy : nullptr; }
};

struct Traveller
{
    QString surname;
    QString given;
    QString number;
    QString nationality;
    QDate birth;
};

QString mrzOf(const Traveller &t, const QDate &expiry = QDate(2031, 6, 30))
{
    return Session::makeTd3Mrz(t.nationality, t.surname, t.given, t.number, t.nationality, t.birth, u'F', expiry);
}

// Every text a person or a screen reader could get from the widgets of `root` and of every
// other top-level widget (dialogs): class, object name, text, accessible name and description,
// tool tip, window title, visibility.
QStringList widgetTexts(const QWidget *root)
{
    QStringList out;
    QList<const QWidget *> widgets{root};
    for (const QWidget *w : root->findChildren<QWidget *>())
        widgets.append(w);
    for (const QWidget *w : widgets) {
        QString text;
        if (auto *l = qobject_cast<const QLabel *>(w))
            text = l->text();
        else if (auto *b = qobject_cast<const QAbstractButton *>(w))
            text = b->text();
        else if (auto *e = qobject_cast<const QLineEdit *>(w))
            text = e->text();
        out.append(QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8")
                       .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text, w->accessibleName(),
                            w->accessibleDescription(), w->toolTip(), w->isWindow() ? w->windowTitle() : QString(),
                            w->isVisibleTo(root) ? QStringLiteral("shown") : QStringLiteral("hidden")));
    }
    return out;
}

QStringList allTopLevelTexts()
{
    QStringList out;
    for (QWidget *w : QApplication::topLevelWidgets())
        out += widgetTexts(w);
    return out;
}

QString visibleText(const InfoScreen &screen)
{
    QStringList parts;
    for (const QLabel *l : screen.findChildren<QLabel *>())
        if (l->isVisibleTo(&screen) && !l->text().isEmpty())
            parts.append(l->text());
    return parts.join(QLatin1Char('\n'));
}

Ui::InfoSettings testSettings()
{
    Ui::InfoSettings s;
    s.kioskMode = false;
    s.idleSeconds = 30;
    return s;
}

// An information screen's session, whose staff PIN is 135790 (hashed cheaply).
Session::SessionConfig infoConfig()
{
    Session::SessionConfig cfg;
    cfg.role = Session::Role::Info;
    cfg.staffPinHash = *Crypto::hashPassword(u"135790", {Crypto::kTestPbkdf2Iterations, 16});
    cfg.minimumPinIterations = Crypto::kTestPbkdf2Iterations;
    return cfg;
}

// Hands `pin` to the staff-exit dialog and waits for the session's answer (checked off the GUI
// thread): whether the PIN was right.
bool pinRight(Ui::InfoStaffExitDialog *dialog, const QString &pin)
{
    QSignalSpy answered(dialog, &Ui::InfoStaffExitDialog::pinAnswered);
    dialog->tryPin(pin);
    if (!answered.wait(10000))
        return false;
    return answered.at(0).at(0).toBool();
}

} // namespace

class TestInfoScreen : public QObject
{
    Q_OBJECT

    FixedClock m_clock{checkpointNoon()};

    struct Rig
    {
        ScriptedBackend *backend = nullptr;
        std::unique_ptr<Session::CheckpointSession> session;
        std::unique_ptr<InfoScreen> screen;
    };

    Rig makeRig()
    {
        Rig rig;
        auto backend = std::make_unique<ScriptedBackend>();
        rig.backend = backend.get();
        // The session reports the policy in force, as StoreBackend does: the screen loads none
        // of its own.
        if (auto shipped = Session::demoPolicy())
            if (const Rules::PolicyVersion *inForce = shipped->inForce(kToday))
                backend->policy = *inForce;
        rig.session = std::make_unique<Session::CheckpointSession>(infoConfig(), m_clock, Session::OperatorDirectory{}, std::move(backend));
        rig.screen = std::make_unique<InfoScreen>(rig.session.get(), testSettings());
        rig.screen->resize(1280, 800);
        rig.screen->show();
        return rig;
    }

    // The demo's store and policy, read-only (Role::Info), no central, no timer.
    Result<std::unique_ptr<Session::DemoEnvironment>> makeDemo()
    {
        Session::DemoOptions options;
        options.role = Session::Role::Info;
        options.simulatorIntervalMs = 0;
        options.embeddedCentral = false;
        options.backgroundTravellers = 20;
        options.kdfIterations = Crypto::kTestPbkdf2Iterations;
        return Session::DemoEnvironment::create(m_clock, options);
    }

    // Back at the start and nothing of the traveller left: not in the screen's memory nor the
    // session's, on no widget of any window, and the texts equal those of a screen that never
    // saw anyone. A failure is reported at the caller's test.
    void verifyClearedOf(const Rig &rig, const QStringList &personal)
    {
        QVERIFY(!rig.screen->holdsPersonalData());
        QVERIFY(!rig.screen->result().has_value());
        QVERIFY(rig.session->currentCase() == nullptr);
        QCOMPARE(rig.screen->language(), QStringLiteral("en")); // back to the default
        const QString all = allTopLevelTexts().join(QLatin1Char('\n'));
        for (const QString &p : personal)
            QVERIFY2(!all.contains(p), qPrintable(QStringLiteral("still on a widget: %1").arg(p)));
        Rig fresh = makeRig();
        QCOMPARE(widgetTexts(rig.screen.get()), widgetTexts(fresh.screen.get()));
    }

    static Script admitVisaFree()
    {
        Script s;
        s.codes = {QStringLiteral("VISA_FREE")};
        s.figures.allowedUntil = QDate(2026, 5, 29); // entry + 89 days (domain-rules §2)
        s.figures.daysAllowed = 90;
        s.figures.daysUsed = 1;
        s.figures.daysRemaining = 89;
        return s;
    }

private Q_SLOTS:
    void initTestCase();

    void languageMap();
    void verdictClassTexts_data();
    void verdictClassTexts();
    void pluralFormsOfDaysLeft();
    void realVerdictsFromTheDemoStore();
    void neutralIdenticalForEveryCause_data();
    void neutralIdenticalForEveryCause();
    void openStayIsAskedAsTheCurrentStay();
    void nothingPersonalAfterIdleTimeout();
    void nothingPersonalAfterPassportRemoved();
    void removalByTheReaderClearsAtOnce();
    void regimeLinesFollowThePolicyInForce();
    void languageFollowsPassportUnlessChosen();
    void infoRoleReachesNoOfficerAction();
    void informationPages_data();
    void informationPages();
    void touchTargetsNamesAndKeyboard();
    void fontCoversAzerbaijaniAndCyrillic();
    void travellerCannotCloseStaffCanWithPin();
    void staffPinGuessingIsStopped();
    void noConfiguredStaffPinMeansNoExit();
    void barcodeBeforePassportAsksForThePassport();
    void screenshotsFit();
};

void TestInfoScreen::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(":/kiosk/i18n/kiosk_az.qm")), "translations compiled in");
    QVERIFY(QFile::exists(QStringLiteral(":/kiosk/i18n/kiosk_ru.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/kiosk/i18n/kiosk_en.qm")));
}

void TestInfoScreen::languageMap()
{
    auto map = Ui::InfoLanguages::load();
    QVERIFY2(map.has_value(), map ? "" : qPrintable(map.error().message));
    QCOMPARE(map->languages(), QStringList({"az", "ru", "en"}));
    QCOMPARE(map->defaultLanguage(), QStringLiteral("en"));
    for (const char *ru : {"RUS", "BLR", "KAZ", "KGZ", "TJK", "UZB", "UKR", "MDA"})
        QCOMPARE(map->suggestedFor(*CountryCode::fromString(QString::fromLatin1(ru))), QStringLiteral("ru"));
    QCOMPARE(map->suggestedFor(*CountryCode::fromString(u"TUR")), QStringLiteral("az"));
    QCOMPARE(map->suggestedFor(*CountryCode::fromString(u"AZE")), QStringLiteral("az"));
    QCOMPARE(map->suggestedFor(*CountryCode::fromString(u"GBR")), QStringLiteral("en"));
    // A bad file is an error naming the key, never a crash or a silent default.
    auto bad = Ui::InfoLanguages::fromJson(R"({"languages":["az","en"],"default":"en","by_nationality":{"RUS":"ru"}})");
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, QStringLiteral("INFO_LANGUAGES_INVALID"));
    QVERIFY(bad.error().message.contains(QStringLiteral("by_nationality.RUS")));
    QVERIFY(!Ui::InfoLanguages::fromJson("not json"));
}

// Each verdict class in each language: the exact words a traveller reads.
void TestInfoScreen::verdictClassTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QStringList>("lines");

    const QString enLonger = QStringLiteral("To stay longer, apply to the State Migration Service for a temporary residence permit (§128–131).");
    const QString enWork = QStringLiteral("To work in Azerbaijan you need a work permit, unless you are exempt (§80, §86).");
    QTest::newRow("en: ADMIT visa-free, date and days left")
        << "en" << "admit" << QStringLiteral("You may stay in Azerbaijan until 29 May 2026.")
        << QStringList{QStringLiteral("That is 89 more days after today."),
                       QStringLiteral("With your passport you need no visa: up to 90 days from each entry (§21, §127)."),
                       enLonger, enWork};
    QTest::newRow("en: visa national sent to an officer, visa lines")
        << "en" << "visa-required" << QStringLiteral("Please see a border officer.")
        << QStringList{QStringLiteral("A border officer will answer your questions about your entry and stay."),
                       QStringLiteral("With this passport a visa is needed to enter Azerbaijan. Visas are issued by the embassies and consulates of Azerbaijan (§19, §20).")};
    QTest::newRow("en: visa-free national sent to an officer, neutral only")
        << "en" << "neutral" << QStringLiteral("Please see a border officer.")
        << QStringList{QStringLiteral("A border officer will answer your questions about your entry and stay.")};

    const QString azLonger = QStringLiteral("Daha uzun qalmaq üçün müvəqqəti yaşama icazəsi almaq məqsədilə Dövlət Miqrasiya Xidmətinə müraciət edin (§128–131).");
    const QString azWork = QStringLiteral("Azərbaycanda işləmək üçün, azad edilmiş şəxslərdən deyilsinizsə, iş icazəsi lazımdır (§80, §86).");
    QTest::newRow("az: ADMIT visa-free, date and days left")
        << "az" << "admit" << QStringLiteral("Azərbaycanda 29 may 2026 tarixinədək qala bilərsiniz.")
        << QStringList{QStringLiteral("Bu gündən sonra daha 89 gününüz qalır."),
                       QStringLiteral("Pasportunuzla viza tələb olunmur: hər girişdən etibarən 90 günədək (§21, §127)."),
                       azLonger, azWork};
    QTest::newRow("az: visa national sent to an officer, visa lines")
        << "az" << "visa-required" << QStringLiteral("Zəhmət olmasa, sərhəd xidməti əməkdaşına müraciət edin.")
        << QStringList{QStringLiteral("Sərhəd xidməti əməkdaşı girişiniz və qalmağınızla bağlı suallarınızı cavablandıracaq."),
                       QStringLiteral("Bu pasportla Azərbaycana gəlmək üçün viza lazımdır. Vizaları Azərbaycanın səfirlikləri və konsulluqları verir (§19, §20).")};
    QTest::newRow("az: visa-free national sent to an officer, neutral only")
        << "az" << "neutral" << QStringLiteral("Zəhmət olmasa, sərhəd xidməti əməkdaşına müraciət edin.")
        << QStringList{QStringLiteral("Sərhəd xidməti əməkdaşı girişiniz və qalmağınızla bağlı suallarınızı cavablandıracaq.")};

    const QString ruLonger = QStringLiteral("Чтобы остаться дольше, обратитесь в Государственную миграционную службу за разрешением на временное проживание (§128–131).");
    const QString ruWork = QStringLiteral("Для работы в Азербайджане нужно разрешение на работу, если вы не освобождены от него (§80, §86).");
    QTest::newRow("ru: ADMIT visa-free, date and days left")
        << "ru" << "admit" << QStringLiteral("Вы можете оставаться в Азербайджане до 29 мая 2026.")
        << QStringList{QStringLiteral("После сегодняшнего дня у вас остаётся ещё 89 дней."),
                       QStringLiteral("С вашим паспортом виза не нужна: до 90 дней с каждого въезда (§21, §127)."),
                       ruLonger, ruWork};
    QTest::newRow("ru: visa national sent to an officer, visa lines")
        << "ru" << "visa-required" << QStringLiteral("Пожалуйста, обратитесь к сотруднику пограничной службы.")
        << QStringList{QStringLiteral("Сотрудник пограничной службы ответит на ваши вопросы о въезде и пребывании."),
                       QStringLiteral("С этим паспортом для въезда в Азербайджан нужна виза. Визы выдают посольства и консульства Азербайджана (§19, §20).")};
    QTest::newRow("ru: visa-free national sent to an officer, neutral only")
        << "ru" << "neutral" << QStringLiteral("Пожалуйста, обратитесь к сотруднику пограничной службы.")
        << QStringList{QStringLiteral("Сотрудник пограничной службы ответит на ваши вопросы о въезде и пребывании.")};
}

void TestInfoScreen::verdictClassTexts()
{
    QFETCH(QString, language);
    QFETCH(QString, kind);
    QFETCH(QString, headline);
    QFETCH(QStringList, lines);

    Rig rig = makeRig();
    Traveller t{QStringLiteral("KAVELIN"), QStringLiteral("MIRA"), QStringLiteral("K12345678"), QStringLiteral("GEO"), QDate(1990, 4, 2)};
    Script s = admitVisaFree();
    if (kind == u"visa-required") {
        t.nationality = QStringLiteral("CHN");
        s = Script{VerdictKind::Refuse, {QStringLiteral("VISA_MISSING")}, {}, {}, {}};
    } else if (kind == u"neutral") {
        s = Script{VerdictKind::Refer, {QStringLiteral("DOCUMENT_REPORTED_STOLEN")}, {}, {}, {}};
    }
    rig.backend->scripts.insert(t.number, s);
    rig.screen->chooseLanguage(language);
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Result);
    QCOMPARE(rig.screen->language(), language);
    QCOMPARE(rig.screen->findChild<QLabel *>(QStringLiteral("resultHeadline"))->text(), headline);
    QStringList shown;
    for (int i = 1; i <= Ui::InfoResultText::kLines; ++i) {
        auto *line = rig.screen->findChild<QLabel *>(QStringLiteral("resultLine%1").arg(i));
        if (line->isVisibleTo(rig.screen.get()))
            shown.append(line->text());
    }
    QCOMPARE(shown, lines);
    // Nothing of the document on screen: the screen never shows names or numbers.
    const QString all = allTopLevelTexts().join(QLatin1Char('\n'));
    QVERIFY(!all.contains(t.surname));
    QVERIFY(!all.contains(t.number));
}

// Russian has three plural forms (1 день, 3 дня, 5 дней, 21 день), Azerbaijani one noun form.
void TestInfoScreen::pluralFormsOfDaysLeft()
{
    Rig rig = makeRig();
    Ui::InfoResult r;
    r.outcome = Ui::InfoOutcome::MayStay;
    r.basis = Ui::StayBasis::Visa;
    r.allowedUntil = kToday.addDays(1);
    const QList<std::tuple<QString, int, QString>> rows = {
        {"ru", 1, "После сегодняшнего дня у вас остаётся ещё 1 день."},
        {"ru", 3, "После сегодняшнего дня у вас остаётся ещё 3 дня."},
        {"ru", 5, "После сегодняшнего дня у вас остаётся ещё 5 дней."},
        {"ru", 21, "После сегодняшнего дня у вас остаётся ещё 21 день."},
        {"az", 1, "Bu gündən sonra daha 1 gününüz qalır."},
        {"az", 30, "Bu gündən sonra daha 30 gününüz qalır."},
        {"en", 1, "That is 1 more day after today."},
        {"en", 2, "That is 2 more days after today."},
        {"en", 0, "Today is the last day of your stay."},
    };
    for (const auto &[language, days, expected] : rows) {
        rig.screen->chooseLanguage(language);
        r.daysRemaining = days;
        const Ui::InfoResultText text = Ui::InfoText::result(r, Ui::InfoLanguages::locale(language));
        QCOMPARE(text.lines.value(0), expected);
    }
}

// The real engine on the demo's store: a visa-free arrival gets a date 89 days on; a banned
// visa national, an overstayer and a citizen with an exit restriction get the neutral page.
void TestInfoScreen::realVerdictsFromTheDemoStore()
{
    auto env = makeDemo();
    QVERIFY2(env.has_value(), env ? "" : qPrintable(env.error().message));
    InfoScreen screen((*env)->session(), testSettings());
    screen.resize(1280, 800);
    screen.show();
    const QDate today = (*env)->session()->localToday();
    auto headline = [&] { return screen.findChild<QLabel *>(QStringLiteral("resultHeadline"))->text(); };
    int seen = 0;
    for (const Session::DemoDocument &doc : (*env)->documents()) {
        screen.chooseLanguage(QStringLiteral("en"));
        (void)(*env)->session()->submitMrz(doc.mrz, Session::InputKind::Simulator, QStringLiteral("demo"));
        QVERIFY(screen.result().has_value());
        if (doc.kind == u"visa-free") {
            QCOMPARE(screen.result()->outcome, Ui::InfoOutcome::MayStay);
            QCOMPARE(headline(), QStringLiteral("You may stay in Azerbaijan until %1.")
                                     .arg(Ui::InfoText::formatDate(today.addDays(89), Ui::InfoLanguages::locale("en"))));
            ++seen;
        } else if (doc.kind == u"banned" || doc.kind == u"overstayer" || doc.kind == u"stolen-document") {
            QCOMPARE(screen.result()->outcome, Ui::InfoOutcome::SeeOfficer);
            QCOMPARE(headline(), QStringLiteral("Please see a border officer."));
            QVERIFY(!screen.result()->allowedUntil.has_value());
            ++seen;
        }
        screen.returnToStart();
        QVERIFY((*env)->session()->currentCase() == nullptr);
    }
    QCOMPARE(seen, 4);
    // The demo session in the info role recorded nothing.
    QCOMPARE((*env)->session()->syncStatus().pendingEvents, 0);
}

// For one nationality, every REFER and REFUSE cause leaves the same widget tree: same widgets,
// same texts, same accessible names, same visibility (domain-rules §5: nothing reveals a hit).
void TestInfoScreen::neutralIdenticalForEveryCause_data()
{
    QTest::addColumn<QString>("nationality");
    QTest::newRow("visa national (CHN): neutral + visa lines") << "CHN";
    QTest::newRow("visa-free national (RUS): neutral only") << "RUS";
    QTest::newRow("fee-waiver national (TUR): neutral + visa + waiver") << "TUR";
    QTest::newRow("unknown state (XXX)") << "XXX";
}

void TestInfoScreen::neutralIdenticalForEveryCause()
{
    QFETCH(QString, nationality);
    using VK = VerdictKind;
    Session::WatchlistHit ban{WatchlistKind::EntryBan, QStringLiteral("CIS-BAN-9"), QStringLiteral("§51"), QStringLiteral("person")};
    Session::WatchlistHit stolen{WatchlistKind::StolenDocument, QStringLiteral("SLTD-9"), QStringLiteral("§169"), QStringLiteral("document")};
    Session::StayFigures overstay;
    overstay.allowedUntil = QDate(2026, 1, 10);
    overstay.daysAllowed = 90;
    overstay.daysUsed = 140;
    overstay.daysRemaining = 0;
    overstay.overstayDays = 50;
    const QList<std::pair<QString, Script>> causes = {
        {"entry ban (watchlist hit)", {VK::Refuse, {"ENTRY_BAN"}, {}, {}, {ban}}},
        {"visa missing", {VK::Refuse, {"VISA_MISSING"}, {}, {}, {}}},
        {"visa expired", {VK::Refuse, {"VISA_EXPIRED"}, {}, {}, {}}},
        {"passport expired", {VK::Refuse, {"PASSPORT_EXPIRED"}, {}, {}, {}}},
        {"visa-free days used", {VK::Refuse, {"VISA_FREE_DAYS_USED"}, {}, {}, {}}},
        {"stolen document (watchlist hit)", {VK::Refer, {"DOCUMENT_REPORTED_STOLEN"}, {}, {}, {stolen}}},
        {"wanted", {VK::Refer, {"WANTED"}, {}, {}, {}}},
        {"protected person", {VK::Refer, {"PROTECTED_PERSON"}, {}, {}, {}}},
        {"overstay, with figures", {VK::Refer, {"VISA_FREE", "OVERSTAY"}, overstay, {}, {}}},
        {"mrz check failed", {VK::Refer, {"MRZ_CHECK_FAILED"}, {}, {}, {}}},
        {"watchlist stale", {VK::Refer, {"VISA_FREE", "WATCHLIST_STALE"}, admitVisaFree().figures, {}, {}}},
        {"minor", {VK::Refer, {"MINOR"}, {}, {}, {}}},
        {"possible same person", {VK::Refer, {"POSSIBLE_SAME_PERSON"}, {}, {}, {}}},
    };
    for (const QString &language : {QStringLiteral("en"), QStringLiteral("az"), QStringLiteral("ru")}) {
        QStringList first;
        QString firstCause;
        int i = 0;
        for (const auto &[cause, script] : causes) {
            Rig rig = makeRig();
            // A different person each time: names, numbers and birth dates must not show either.
            Traveller t{QStringLiteral("SURNAME%1").arg(QChar(u'A' + i)), QStringLiteral("GIVEN%1").arg(QChar(u'A' + i)),
                        QStringLiteral("N%1").arg(1000000 + i * 7919, 8, 10, QLatin1Char('0')), nationality,
                        QDate(1960 + i, 1 + i % 12, 1 + i)};
            ++i;
            rig.backend->scripts.insert(t.number, script);
            rig.screen->chooseLanguage(language);
            QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
            QCOMPARE(rig.screen->result()->outcome, Ui::InfoOutcome::SeeOfficer);
            const QStringList texts = widgetTexts(rig.screen.get());
            if (first.isEmpty()) {
                first = texts;
                firstCause = cause;
                continue;
            }
            if (texts != first) {
                for (qsizetype k = 0; k < std::min(texts.size(), first.size()); ++k)
                    if (texts[k] != first[k])
                        qWarning().noquote() << firstCause << ":" << first[k] << "\n" << cause << ":" << texts[k];
            }
            QVERIFY2(texts == first, qPrintable(QStringLiteral("%1: '%2' differs from '%3'").arg(language, cause, firstCause)));
        }
    }
}

// A traveller whose newest crossing is an entry is asked about that stay (checked as if
// leaving today); anyone else about a stay starting today.
void TestInfoScreen::openStayIsAskedAsTheCurrentStay()
{
    Rig rig = makeRig();
    Traveller t{QStringLiteral("ROVENKO"), QStringLiteral("ILYA"), QStringLiteral("R55544433"), QStringLiteral("RUS"), QDate(1985, 2, 3)};
    Script s = admitVisaFree();
    s.history = {Session::HistoryEntry{Direction::Entry, QDate(2026, 2, 1), QStringLiteral("GYD"), true}};
    s.figures.allowedUntil = QDate(2026, 5, 1);
    s.figures.daysRemaining = 61;
    rig.backend->scripts.insert(t.number, s);
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(rig.backend->directionsSeen, (QList<Direction>{Direction::Entry, Direction::Exit}));
    QCOMPARE(rig.screen->result()->daysRemaining, 61);
    rig.screen->returnToStart();

    // The newest crossing an exit: a new stay from today, asked once.
    rig.backend->directionsSeen.clear();
    rig.session->setDirection(Direction::Exit);
    s.history = {Session::HistoryEntry{Direction::Exit, QDate(2026, 2, 10), QStringLiteral("GYD"), true},
                 Session::HistoryEntry{Direction::Entry, QDate(2026, 2, 1), QStringLiteral("GYD"), true}};
    rig.backend->scripts.insert(t.number, s);
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(rig.backend->directionsSeen, (QList<Direction>{Direction::Exit, Direction::Entry}));
}

namespace {

// Every form of the traveller's data that could be left behind.
QStringList personalStrings(const Traveller &t, const QDate &until)
{
    QStringList out{t.surname, t.given, t.number, until.toString(Qt::ISODate), until.toString(QStringLiteral("dd.MM.yyyy")),
                    t.birth.toString(Qt::ISODate), t.birth.toString(QStringLiteral("yyMMdd"))};
    for (const char *language : {"az", "ru", "en"})
        out.append(Ui::InfoText::formatDate(until, Ui::InfoLanguages::locale(QLatin1String(language))));
    return out;
}

} // namespace

void TestInfoScreen::nothingPersonalAfterIdleTimeout()
{
    Rig rig = makeRig();
    Traveller t{QStringLiteral("BELOZERSKAYA"), QStringLiteral("ZOYA"), QStringLiteral("Z98765432"), QStringLiteral("KAZ"), QDate(1979, 9, 19)};
    rig.backend->scripts.insert(t.number, admitVisaFree());
    rig.screen->setIdleTimeout(std::chrono::milliseconds(200));
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(rig.screen->language(), QStringLiteral("ru")); // KAZ suggests Russian
    const QStringList personal = personalStrings(t, QDate(2026, 5, 29));
    // Before the timeout the date is on screen (so the check below can fail).
    QVERIFY(visibleText(*rig.screen).contains(Ui::InfoText::formatDate(QDate(2026, 5, 29), Ui::InfoLanguages::locale("ru"))));
    QTRY_COMPARE_WITH_TIMEOUT(rig.screen->page(), InfoScreen::Page::Start, 3000);
    verifyClearedOf(rig, personal);
}

void TestInfoScreen::nothingPersonalAfterPassportRemoved()
{
    Rig rig = makeRig();
    Traveller t{QStringLiteral("ODINTSOVA"), QStringLiteral("VERA"), QStringLiteral("V11122233"), QStringLiteral("UKR"), QDate(1969, 12, 24)};
    rig.backend->scripts.insert(t.number, admitVisaFree());
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    rig.screen->showTopic(Ui::InfoTopicId::Work); // wandered off to a page: still cleared
    rig.screen->documentRemoved();
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Start);
    QVERIFY(!rig.screen->holdsPersonalData());
    QVERIFY(rig.session->currentCase() == nullptr);
    const QString all = allTopLevelTexts().join(QLatin1Char('\n'));
    for (const QString &p : personalStrings(t, QDate(2026, 5, 29)))
        QVERIFY2(!all.contains(p), qPrintable(p));
}

// End to end: the reader (here the simulator's `removed` step, as a serial
// reader's removal line or the camera would) reports the passport taken away, and every
// personal field is gone at once, from every widget and from the screen's and the session's
// memory, long before the 30 s idle timeout.
void TestInfoScreen::removalByTheReaderClearsAtOnce()
{
    Rig rig = makeRig();
    QCOMPARE(rig.screen->settings().idleSeconds, 30);
    Traveller t{QStringLiteral("KOVALENKO"), QStringLiteral("LIDIYA"), QStringLiteral("K55566677"), QStringLiteral("UKR"), QDate(1984, 2, 29)};
    rig.backend->scripts.insert(t.number, admitVisaFree());
    Sources::SimulatorSource reader({});
    reader.setPlaylist({{Sources::PlaylistEntry::Kind::Mrz, mrzOf(t), QStringLiteral("test:1")},
                        {Sources::PlaylistEntry::Kind::Removed, QString(), QStringLiteral("test:2")}});
    rig.session->attachSource(&reader);
    reader.start();
    QVERIFY(reader.next());
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Result);
    QVERIFY(rig.screen->holdsPersonalData());
    const QStringList personal = personalStrings(t, QDate(2026, 5, 29));
    // Before the removal the stay-until date is on screen (so the checks below can fail).
    QVERIFY(visibleText(*rig.screen).contains(Ui::InfoText::formatDate(QDate(2026, 5, 29), Ui::InfoLanguages::locale(rig.screen->language()))));
    QVERIFY(reader.next()); // taken away: no event loop turn, no timer
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Start);
    verifyClearedOf(rig, personal);
}

// The visa-regime lines come from the session's policy in force (the one its verdicts use: a
// verified pull beats the shipped file), not from a copy of the shipped policy, and a newer
// policy in force changes what the screen says as soon as the session re-reads its reference
// status (as after a sync pull).
void TestInfoScreen::regimeLinesFollowThePolicyInForce()
{
    auto shipped = Session::demoPolicy();
    QVERIFY2(shipped, qPrintable(shipped ? QString() : shipped.error().message));
    const Rules::PolicyVersion *current = shipped->inForce(kToday);
    QVERIFY(current != nullptr);
    QVERIFY(current->nationalities.contains(QStringLiteral("JPN"))); // a fee waiver (§21) in the shipped policy
    Rig rig = makeRig();
    rig.backend->policy = *current;
    rig.session->refreshReferenceStatus();
    rig.screen->showTopic(Ui::InfoTopicId::Visa);
    const QString before = visibleText(*rig.screen);
    QVERIFY2(before.contains(QStringLiteral("90 days")), qPrintable(before));
    QVERIFY(before.contains(QStringLiteral("Japan: without a fee for stays of up to 30 days")));
    QVERIFY(!before.contains(QStringLiteral("Citizens of Japan")));

    // A newer version in force: Japan visa-free for 30 days instead of the fee waiver.
    Rules::PolicyVersion newer = *current;
    newer.version = QStringLiteral("2026.03-1");
    newer.effectiveFrom = kToday;
    newer.nationalities.insert(QStringLiteral("JPN"), Rules::NationalityRule{Rules::Regime::VisaFree, 30, 0, {}, QStringLiteral("§21")});
    rig.backend->policy = newer;
    rig.session->refreshReferenceStatus();
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Topic);
    const QString after = visibleText(*rig.screen);
    QVERIFY2(after.contains(QStringLiteral("Citizens of Japan may enter without a visa and stay for up to 30 days.")),
             qPrintable(after));
    QVERIFY(!after.contains(QStringLiteral("Japan: without a fee")));
    QVERIFY(after.contains(QStringLiteral("90 days"))); // the rest of the policy still stated
    // Reopened later, the page states the same newer policy.
    rig.screen->returnToStart();
    rig.screen->showTopic(Ui::InfoTopicId::Visa);
    QVERIFY(visibleText(*rig.screen).contains(QStringLiteral("Citizens of Japan")));
}

void TestInfoScreen::languageFollowsPassportUnlessChosen()
{
    Rig rig = makeRig();
    QCOMPARE(rig.screen->language(), QStringLiteral("en"));
    const QList<std::pair<QString, QString>> rows = {{"TUR", "az"}, {"RUS", "ru"}, {"GBR", "en"}, {"AZE", "az"}, {"UZB", "ru"}};
    int i = 0;
    for (const auto &[nationality, language] : rows) {
        Traveller t{QStringLiteral("TESTER"), QStringLiteral("ONE"), QStringLiteral("L%1").arg(i++, 8, 10, QLatin1Char('0')), nationality, QDate(1990, 1, 1)};
        rig.backend->scripts.insert(t.number, admitVisaFree());
        QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
        QCOMPARE(rig.screen->language(), language);
        rig.screen->returnToStart();
    }
    // A language chosen by the traveller before the passport is kept.
    rig.screen->chooseLanguage(QStringLiteral("az"));
    Traveller t{QStringLiteral("TESTER"), QStringLiteral("TWO"), QStringLiteral("M00000001"), QStringLiteral("RUS"), QDate(1990, 1, 1)};
    rig.backend->scripts.insert(t.number, admitVisaFree());
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));
    QCOMPARE(rig.screen->language(), QStringLiteral("az"));
    // ... and can be changed at any time, the result re-worded at once.
    rig.screen->findChild<QPushButton *>(QStringLiteral("language_ru"))->click();
    QCOMPARE(rig.screen->language(), QStringLiteral("ru"));
    QVERIFY(rig.screen->findChild<QLabel *>(QStringLiteral("resultHeadline"))->text().startsWith(QStringLiteral("Вы можете")));
}

void TestInfoScreen::infoRoleReachesNoOfficerAction()
{
    Rig rig = makeRig();
    Traveller t{QStringLiteral("PETROSYAN"), QStringLiteral("ANNA"), QStringLiteral("P00011122"), QStringLiteral("GEO"), QDate(1992, 7, 7)};
    rig.backend->scripts.insert(t.number, admitVisaFree());
    QVERIFY(rig.session->submitMrz(mrzOf(t), Session::InputKind::Reader, QStringLiteral("test")));

    // The session in the info role refuses every officer function.
    QCOMPARE(rig.session->role(), Session::Role::Info);
    QCOMPARE(rig.session->signIn(QStringLiteral("OF-1001"), QStringLiteral("2468")).error().code, QStringLiteral("ROLE_READ_ONLY"));
    QCOMPARE(rig.session->recordCrossing(Direction::Entry).error().code, QStringLiteral("ROLE_READ_ONLY"));
    QCOMPARE(rig.session->referToSecondary().error().code, QStringLiteral("ROLE_READ_ONLY"));
    QCOMPARE(rig.session->overrideVerdict(Direction::Entry, VerdictKind::Refuse, QStringLiteral("a long enough reason"))
                 .error()
                 .code,
             QStringLiteral("ROLE_READ_ONLY"));

    // The screen holds no console widget, and its only action is the staff exit.
    for (const char *officerClass : {"Kiosk::Ui::ConsoleWindow", "Kiosk::Ui::CaseView", "Kiosk::Ui::OverrideDialog",
                                     "Kiosk::Ui::ManualMrzDialog", "Kiosk::Ui::SignInPage", "Kiosk::Ui::VerdictBanner"})
        for (const QObject *o : rig.screen->findChildren<QObject *>())
            QVERIFY2(qstrcmp(o->metaObject()->className(), officerClass) != 0, officerClass);
    QStringList actions;
    for (const QAction *a : rig.screen->findChildren<QAction *>())
        actions.append(a->objectName());
    QCOMPARE(actions, QStringList{QStringLiteral("staffExit")});

    // Pressing every button on every page records nothing and opens nothing of the officer's.
    for (int round = 0; round < 2; ++round) {
        for (QPushButton *b : rig.screen->findChildren<QPushButton *>()) {
            if (b->isVisibleTo(rig.screen.get()))
                b->click();
        }
    }
    QCOMPARE(rig.backend->records, 0);
    QCOMPARE(QApplication::topLevelWidgets().size() >= 1, true);
    for (QWidget *w : QApplication::topLevelWidgets())
        QVERIFY2(!w->inherits("QDialog") || !w->isVisible(), w->metaObject()->className());
}

void TestInfoScreen::informationPages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("topic");
    QTest::addColumn<QStringList>("mustContain");
    const int visa = int(Ui::InfoTopicId::Visa), work = int(Ui::InfoTopicId::Work), residence = int(Ui::InfoTopicId::Residence),
              help = int(Ui::InfoTopicId::Help);
    const QStringList helpAll{"919", "www.migration.gov.az", "www.mfa.gov.az", "www.mia.gov.az", "§114", "§115–116"};
    QTest::newRow("en visa: §20 documents, visa-free list from the policy")
        << "en" << visa << QStringList{"§20", "§21, §127", "Georgia", "Uzbekistan", "90 days", "3 × 4 cm", "Pakistan"};
    QTest::newRow("en work: §80 permit, §86 exemptions") << "en" << work << QStringList{"§22, §80", "§86", "sailors"};
    QTest::newRow("en residence: §128-132") << "en" << residence << QStringList{"§43, §128", "§129", "§131", "§132", "50,000"};
    QTest::newRow("en help: 919 and three websites") << "en" << help << helpAll;
    QTest::newRow("az visa") << "az" << visa << QStringList{"§20", "Gürcüstan", "Özbəkistan", "90 gün", "3 × 4 sm"};
    QTest::newRow("az work") << "az" << work << QStringList{"§86", "dənizçilər"};
    QTest::newRow("az residence") << "az" << residence << QStringList{"§129", "Dövlət Miqrasiya Xidməti"};
    QTest::newRow("az help") << "az" << help << helpAll;
    QTest::newRow("ru visa") << "ru" << visa << QStringList{"§20", "Грузия", "Узбекистан", "90 дней", "3 × 4 см"};
    QTest::newRow("ru work") << "ru" << work << QStringList{"§86", "морякам"};
    QTest::newRow("ru residence") << "ru" << residence << QStringList{"§129", "Государственную миграционную службу"};
    QTest::newRow("ru help") << "ru" << help << helpAll;
}

void TestInfoScreen::informationPages()
{
    QFETCH(QString, language);
    QFETCH(int, topic);
    QFETCH(QStringList, mustContain);
    Rig rig = makeRig();
    rig.screen->chooseLanguage(language);
    rig.screen->showTopic(Ui::InfoTopicId(topic));
    QCOMPARE(rig.screen->page(), InfoScreen::Page::Topic);
    const QString text = visibleText(*rig.screen);
    for (const QString &s : mustContain)
        QVERIFY2(text.contains(s), qPrintable(QStringLiteral("'%1' missing from:\n%2").arg(s, text)));
}

void TestInfoScreen::touchTargetsNamesAndKeyboard()
{
    Rig rig = makeRig();
    QApplication::processEvents();
    const int minimum = rig.screen->minimumTouchPixels();
    QCOMPARE(minimum, int(std::ceil(9.0 / 25.4 * rig.screen->logicalDpiY())));
    QVERIFY(minimum >= 30);
    const auto buttons = rig.screen->findChildren<QPushButton *>();
    QVERIFY(buttons.size() >= 3 + 4 + 2); // languages, topics, finish, back
    for (QPushButton *b : buttons) {
        QVERIFY2(b->minimumHeight() >= minimum && b->minimumWidth() >= minimum, qPrintable(b->objectName()));
        QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->objectName()));
        QVERIFY2(b->focusPolicy() & Qt::TabFocus, qPrintable(b->objectName()));
        if (b->isVisibleTo(rig.screen.get()))
            QVERIFY2(b->height() >= minimum, qPrintable(b->objectName()));
    }
    QCOMPARE(rig.screen->findChild<QPushButton *>(QStringLiteral("language_az"))->text(), QStringLiteral("Azərbaycanca"));
    QCOMPARE(rig.screen->findChild<QPushButton *>(QStringLiteral("language_ru"))->text(), QStringLiteral("Русский"));
    QCOMPARE(rig.screen->findChild<QPushButton *>(QStringLiteral("language_en"))->text(), QStringLiteral("English"));

    // Keyboard: Return on a focused topic button opens it; Return on Back returns.
    rig.screen->activateWindow();
    auto *help = rig.screen->findChild<QPushButton *>(QStringLiteral("topicHelp"));
    help->setFocus();
    QTest::keyClick(help, Qt::Key_Return);
    QTRY_COMPARE(rig.screen->page(), InfoScreen::Page::Topic);
    auto *back = rig.screen->findChild<QPushButton *>(QStringLiteral("back"));
    back->setFocus();
    QTest::keyClick(back, Qt::Key_Space);
    QTRY_COMPARE(rig.screen->page(), InfoScreen::Page::Start);
    // Tab reaches every visible button of the start page, in a cycle.
    QSet<QWidget *> reached;
    QWidget *first = rig.screen->findChild<QPushButton *>(QStringLiteral("language_az"));
    first->setFocus();
    QWidget *w = first;
    for (int i = 0; i < 40; ++i) {
        reached.insert(w);
        QTest::keyClick(w, Qt::Key_Tab);
        w = QApplication::focusWidget();
        if (!w || w == first)
            break;
    }
    for (QPushButton *b : buttons)
        if (b->isVisibleTo(rig.screen.get()))
            QVERIFY2(reached.contains(b), qPrintable(QStringLiteral("Tab never reaches %1").arg(b->objectName())));
    // Language by keyboard too.
    auto *ru = rig.screen->findChild<QPushButton *>(QStringLiteral("language_ru"));
    ru->setFocus();
    QTest::keyClick(ru, Qt::Key_Enter);
    QTRY_COMPARE(rig.screen->language(), QStringLiteral("ru"));
}

void TestInfoScreen::fontCoversAzerbaijaniAndCyrillic()
{
    Rig rig = makeRig();
    const QFontInfo info(rig.screen->font());
    QVERIFY2(info.family() == u"Noto Sans" || info.family() == u"DejaVu Sans", qPrintable(info.family()));
    const QFontMetrics metrics(rig.screen->font());
    for (const QChar c : QStringLiteral("əƏğĞıİöÖşŞüÜçÇЖжЁёЩщЫыЭэЮюЯя"))
        QVERIFY2(metrics.inFont(c), qPrintable(QStringLiteral("no glyph for %1").arg(c)));
}

void TestInfoScreen::travellerCannotCloseStaffCanWithPin()
{
    ScriptedBackend *backend = new ScriptedBackend;
    Session::CheckpointSession session(infoConfig(), m_clock, Session::OperatorDirectory{}, std::unique_ptr<Session::CaseBackend>(backend));
    Ui::InfoSettings settings = testSettings();
    settings.kioskMode = true;
    InfoScreen screen(&session, settings);
    QVERIFY(screen.windowFlags() & Qt::FramelessWindowHint);
    QVERIFY(screen.windowState() & Qt::WindowFullScreen);
    screen.show();
    QVERIFY(QTest::qWaitForWindowExposed(&screen));
    QVERIFY(!screen.close());
    QVERIFY(screen.isVisible());

    QSignalSpy granted(&screen, &InfoScreen::staffExitGranted);
    QAction *staffExit = screen.findChild<QAction *>(QStringLiteral("staffExit"));
    QCOMPARE(staffExit->shortcut(), QKeySequence(Qt::CTRL | Qt::ALT | Qt::SHIFT | Qt::Key_K));
    staffExit->trigger();
    auto *dialog = screen.findChild<Ui::InfoStaffExitDialog *>();
    QVERIFY(dialog);
    QVERIFY(!pinRight(dialog, QStringLiteral("000000")));
    QVERIFY(screen.isVisible());
    QCOMPARE(granted.count(), 0);
    QVERIFY(pinRight(dialog, QStringLiteral("135790")));
    QCOMPARE(granted.count(), 1);
    QVERIFY(!screen.isVisible());
}

// Guessing: after three wrong PINs the dialog closes and no new one opens for a while.
void TestInfoScreen::staffPinGuessingIsStopped()
{
    Rig rig = makeRig();
    QAction *staffExit = rig.screen->findChild<QAction *>(QStringLiteral("staffExit"));
    staffExit->trigger();
    QPointer<Ui::InfoStaffExitDialog> dialog = rig.screen->findChild<Ui::InfoStaffExitDialog *>();
    QVERIFY(dialog);
    for (int i = 0; i < Ui::InfoStaffExitDialog::kMaxAttempts; ++i)
        QVERIFY(!pinRight(dialog, QStringLiteral("11111%1").arg(i)));
    QTRY_VERIFY(!dialog); // rejected and deleted
    staffExit->trigger();
    QApplication::processEvents();
    QVERIFY(rig.screen->findChild<Ui::InfoStaffExitDialog *>() == nullptr);
    QVERIFY(rig.screen->isVisible());
}

// A deployment that set no staff PIN has no way out: no built-in PIN opens it, not even the
// demo operator's.
void TestInfoScreen::noConfiguredStaffPinMeansNoExit()
{
    ScriptedBackend *backend = new ScriptedBackend;
    Session::SessionConfig cfg = infoConfig();
    cfg.staffPinHash.clear();
    Session::CheckpointSession session(cfg, m_clock, Session::OperatorDirectory{}, std::unique_ptr<Session::CaseBackend>(backend));
    Ui::InfoSettings settings = testSettings();
    InfoScreen screen(&session, settings);
    screen.show();
    QSignalSpy granted(&screen, &InfoScreen::staffExitGranted);
    screen.findChild<QAction *>(QStringLiteral("staffExit"))->trigger();
    auto *dialog = screen.findChild<Ui::InfoStaffExitDialog *>();
    QVERIFY(dialog);
    QVERIFY(!pinRight(dialog, QStringLiteral("2468")));
    QVERIFY(!pinRight(dialog, QString()));
    QCOMPARE(granted.count(), 0);
    QVERIFY(screen.isVisible());
}

// A boarding pass (or a seal) read before the passport: the start page stays, nothing
// personal is held by the screen, and the idle timeout clears the session's case too. Read
// after the passport, it leaves the passport's answer on screen.
void TestInfoScreen::barcodeBeforePassportAsksForThePassport()
{
    auto env = makeDemo();
    QVERIFY(env.has_value());
    InfoScreen screen((*env)->session(), testSettings());
    screen.setIdleTimeout(std::chrono::milliseconds(200));
    screen.show();
    const Session::DemoDocument *withPass = nullptr;
    for (const Session::DemoDocument &doc : (*env)->documents())
        if (doc.kind == u"boarding-pass")
            withPass = &doc;
    QVERIFY(withPass && !withPass->barcode.isEmpty());
    Session::CheckpointSession *session = (*env)->session();

    QVERIFY(session->submitBarcode(withPass->barcode, Session::InputKind::Barcode, QStringLiteral("demo")));
    QVERIFY(session->currentCase() != nullptr);
    QCOMPARE(screen.page(), InfoScreen::Page::Start);
    QVERIFY(!screen.holdsPersonalData());
    QTRY_VERIFY_WITH_TIMEOUT(session->currentCase() == nullptr, 3000);

    QVERIFY(session->submitMrz(withPass->mrz, Session::InputKind::Simulator, QStringLiteral("demo")));
    const std::optional<Ui::InfoResult> before = screen.result();
    QVERIFY(before.has_value());
    QVERIFY(session->submitBarcode(withPass->barcode, Session::InputKind::Barcode, QStringLiteral("demo")));
    QCOMPARE(screen.page(), InfoScreen::Page::Result);
    QCOMPARE(screen.result(), before);
}

// The screenshots of the README: ADMIT with a date, visa required, neutral, in az/ru/en, from
// the demo's real verdicts. Always rendered, and checked to fit 1280x800; written to
// $KIOSK_INFO_SCREENSHOTS when set (scripts/screenshots).
void TestInfoScreen::screenshotsFit()
{
    auto env = makeDemo();
    QVERIFY(env.has_value());
    InfoScreen screen((*env)->session(), testSettings());
    screen.resize(1280, 800);
    screen.show();
    const QString dir = qEnvironmentVariable("KIOSK_INFO_SCREENSHOTS");
    if (!dir.isEmpty())
        QVERIFY(QDir().mkpath(dir));
    struct Shot
    {
        const char *kind;
        const char *name;
        Ui::InfoOutcome outcome;
    };
    const Shot shots[] = {{"visa-free", "admit", Ui::InfoOutcome::MayStay},
                          {"banned", "visa-required", Ui::InfoOutcome::SeeOfficer},
                          {"overstayer", "neutral", Ui::InfoOutcome::SeeOfficer}};
    int written = 0;
    for (const char *language : {"az", "ru", "en"}) {
        for (const Shot &shot : shots) {
            for (const Session::DemoDocument &doc : (*env)->documents()) {
                if (doc.kind != QLatin1String(shot.kind))
                    continue;
                screen.returnToStart();
                screen.chooseLanguage(QLatin1String(language));
                (void)(*env)->session()->submitMrz(doc.mrz, Session::InputKind::Simulator, QStringLiteral("demo"));
                QCOMPARE(screen.result()->outcome, shot.outcome);
                QApplication::processEvents();
                // Everything fits: the layout needs no more than the screen.
                QVERIFY2(screen.minimumSizeHint().height() <= 800 && screen.minimumSizeHint().width() <= 1280,
                         qPrintable(QStringLiteral("%1/%2: %3x%4").arg(QLatin1String(language), QLatin1String(shot.name))
                                        .arg(screen.minimumSizeHint().width())
                                        .arg(screen.minimumSizeHint().height())));
                const QImage image = screen.grab().toImage();
                QCOMPARE(image.size(), QSize(1280, 800) * screen.devicePixelRatioF());
                if (!dir.isEmpty()) {
                    const QString path = QDir(dir).filePath(QStringLiteral("info-%1-%2.png").arg(QLatin1String(shot.name), QLatin1String(language)));
                    QVERIFY(image.save(path));
                    ++written;
                }
                break;
            }
        }
    }
    if (!dir.isEmpty())
        QCOMPARE(written, 9);
    // The start page and one information page too.
    if (!dir.isEmpty()) {
        screen.returnToStart();
        QApplication::processEvents();
        QVERIFY(screen.grab().save(QDir(dir).filePath(QStringLiteral("info-start-en.png"))));
        screen.showTopic(Ui::InfoTopicId::Visa);
        QApplication::processEvents();
        QVERIFY(screen.grab().save(QDir(dir).filePath(QStringLiteral("info-page-visa-en.png"))));
    }
}

QTEST_MAIN(TestInfoScreen)
#include "tst_infoscreen.moc"
