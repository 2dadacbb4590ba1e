// The officer console on the real session: a simulated document produces the right
// verdict on screen; recording writes one crossing, one event, one outbox entry; an override
// without a reason is impossible; the idle lock engages; a stale watchlist shows its warning;
// going offline and online updates the status bar; the status bar tells a central side that
// answers wrongly from one that cannot be reached, with the failing round's error in the bar
// and the pulled events that do not verify yet counted.
#include "app/demo/demoenvironment.h"
#include "app/session/syncbridge.h"
#include "app/store/database.h"
#include "scanner/sources/simulatorsource.h"
#include "sync/client/syncclient.h"
#include "ui/caseview.h"
#include "ui/consolewindow.h"
#include "ui/infolanguage.h"
#include "ui/manualmrzdialog.h"
#include "ui/overridedialog.h"
#include "ui/verdictbanner.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace Kiosk;
using namespace Kiosk::Session;

namespace {

qint64 count(Store::Database &db, const QString &sql)
{
    auto q = db.exec(sql);
    if (!q || !(*q)->next())
        return -1;
    const qint64 n = (*q)->value(0).toLongLong();
    (*q)->finish();
    return n;
}

struct Counts
{
    qint64 crossings, events, outbox;
    friend bool operator==(const Counts &, const Counts &) = default;
};

Counts counts(Store::Database &db)
{
    // Imported history has no event; the kiosk's own crossings carry one.
    return {count(db, QStringLiteral("SELECT count(*) FROM crossings WHERE event_id IS NOT NULL AND event_id <> ''")),
            count(db, QStringLiteral("SELECT count(*) FROM events")), count(db, QStringLiteral("SELECT count(*) FROM outbox"))};
}

QString labelText(QWidget *root, const char *name)
{
    auto *l = root->findChild<QLabel *>(QLatin1String(name));
    return l ? l->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

} // namespace

class TestConsoleWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void signInThroughTheScreen();
    void simulatedDocumentShowsItsVerdict();
    void overstayShowsReferAndDays();
    void entryBanShowsRefuseAndBasis();
    void recordWritesOneCrossingOneEventOneOutboxEntry();
    void refuseCannotBeRecordedWithoutOverride();
    void overrideWithoutReasonIsImpossible();
    void overrideWithReasonIsItsOwnEvent();
    void idleLockEngages();
    void staleWatchlistShowsItsWarning();
    void offlineAndOnlineUpdateTheStatusBar();
    void statusBarTellsWhatIsWrong_data();
    void statusBarTellsWhatIsWrong();
    void manualEntryGivesLiveCheckDigitFeedback();
    void boardingPassShowsItsFlight();
    void removalKeepsTheOfficersCase();
    void consoleInTheOfficersLanguage_data();
    void consoleInTheOfficersLanguage();

private:
    void signIn();
    const DemoDocument &sample(const QString &kind) const;
    void play(const QString &kind);

    std::unique_ptr<FixedClock> m_clock;
    std::unique_ptr<DemoEnvironment> m_env;
    std::unique_ptr<Ui::ConsoleWindow> m_window;
};

void TestConsoleWindow::init()
{
    // 10:00 at the checkpoint (Asia/Baku); the process runs in America/Sao_Paulo (CTest env).
    m_clock = std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 29), QTime(6, 0), QTimeZone::utc()));
    DemoOptions options;
    options.simulatorIntervalMs = 0;
    options.backgroundTravellers = 20;
    options.kdfIterations = 1000;
    options.embeddedCentral = QByteArray(QTest::currentTestFunction()) == "offlineAndOnlineUpdateTheStatusBar";
    options.syncInterval = std::chrono::milliseconds(200);
    auto env = DemoEnvironment::create(*m_clock, options);
    QVERIFY2(env.has_value(), env ? "" : qPrintable(env.error().message));
    m_env = std::move(*env);
    m_window = std::make_unique<Ui::ConsoleWindow>(m_env->session());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestConsoleWindow::cleanup()
{
    m_window.reset();
    m_env.reset();
    m_clock.reset();
}

void TestConsoleWindow::signIn()
{
    QCOMPARE(m_window->currentPageName(), QStringLiteral("signInPage"));
    QWidget *page = m_window->findChild<QWidget *>(QStringLiteral("signInPage"));
    QVERIFY(page);
    auto *id = page->findChild<QLineEdit *>(QStringLiteral("operatorId"));
    auto *pin = page->findChild<QLineEdit *>(QStringLiteral("pin"));
    QVERIFY(id && pin);
    QTest::keyClicks(id, DemoEnvironment::kOperatorId);
    QTest::keyClicks(pin, DemoEnvironment::kOperatorPin);
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY2(m_window->currentPageName() == QStringLiteral("casePage"),
             qPrintable(QStringLiteral("id '%1', error '%2'").arg(id->text(), labelText(m_window.get(), "signInError"))));
}

const DemoDocument &TestConsoleWindow::sample(const QString &kind) const
{
    const auto it = std::ranges::find(m_env->documents(), kind, &DemoDocument::kind);
    Q_ASSERT(it != m_env->documents().end());
    return *it;
}

void TestConsoleWindow::play(const QString &kind)
{
    // Through the simulator, as in the demo: rewind, skip to the sample, play it.
    auto *sim = m_env->simulator();
    sim->rewind();
    const auto &docs = m_env->documents();
    for (qsizetype k = 0; k < docs.size() && docs.at(k).kind != kind; ++k)
        QVERIFY(m_env->playNext());
    QVERIFY(m_env->playNext());
    const Case *c = m_env->session()->currentCase();
    QVERIFY(c);
    QVERIFY(c->document);
    QCOMPARE(c->mrzLines.join(u'\n'), sample(kind).mrz);
}

void TestConsoleWindow::signInThroughTheScreen()
{
    QWidget *page = m_window->findChild<QWidget *>(QStringLiteral("signInPage"));
    auto *pin = page->findChild<QLineEdit *>(QStringLiteral("pin"));
    auto *id = page->findChild<QLineEdit *>(QStringLiteral("operatorId"));
    QTest::keyClicks(id, DemoEnvironment::kOperatorId);
    QTest::keyClicks(pin, QStringLiteral("0000"));
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_VERIFY(!labelText(page, "signInError").isEmpty()); // the PIN is checked off the GUI thread
    QCOMPARE(m_window->currentPageName(), QStringLiteral("signInPage"));
    QVERIFY(pin->text().isEmpty()); // the PIN never stays in the widget
    id->clear();
    signIn();
    QVERIFY(labelText(m_window.get(), "operatorLabel").contains(DemoEnvironment::kOperatorId));
}

void TestConsoleWindow::simulatedDocumentShowsItsVerdict()
{
    signIn();
    play(QStringLiteral("visa-free"));
    Ui::VerdictBanner *banner = m_window->caseView()->banner();
    QCOMPARE(banner->verdict(), std::optional<VerdictKind>(VerdictKind::Admit));
    QVERIFY2(banner->text().contains(QStringLiteral("ADMIT")), qPrintable(banner->text())); // words, not colour alone
    // Day of entry is day 1: 2026-11-29 + 89 days (domain-rules §2).
    QVERIFY2(labelText(m_window.get(), "verdictDetail").contains(QStringLiteral("2027-02-26")),
             qPrintable(labelText(m_window.get(), "verdictDetail")));
    QVERIFY(labelText(m_window.get(), "reasons").contains(QStringLiteral("§21")));
    QVERIFY(labelText(m_window.get(), "check_document_number").contains(QStringLiteral("✔")));
    QVERIFY(m_window->action(QStringLiteral("recordEntry"))->isEnabled());
}

void TestConsoleWindow::overstayShowsReferAndDays()
{
    signIn();
    play(QStringLiteral("overstayer"));
    QCOMPARE(m_window->caseView()->banner()->verdict(), std::optional<VerdictKind>(VerdictKind::Refer));
    QVERIFY(labelText(m_window.get(), "verdictDetail").contains(QStringLiteral("30")));
    QVERIFY(labelText(m_window.get(), "reasons").contains(QStringLiteral("OVERSTAY")));
    QVERIFY(!m_window->action(QStringLiteral("recordExit"))->isEnabled()); // REFER: the officer decides
    QVERIFY(m_window->action(QStringLiteral("override"))->isEnabled());
}

void TestConsoleWindow::entryBanShowsRefuseAndBasis()
{
    signIn();
    play(QStringLiteral("banned"));
    QCOMPARE(m_window->caseView()->banner()->verdict(), std::optional<VerdictKind>(VerdictKind::Refuse));
    QVERIFY(m_window->caseView()->banner()->text().contains(QStringLiteral("REFUSE")));
    QVERIFY(labelText(m_window.get(), "watchlistHits").contains(QStringLiteral("§51")));
}

void TestConsoleWindow::recordWritesOneCrossingOneEventOneOutboxEntry()
{
    signIn();
    play(QStringLiteral("visa-free"));
    const Counts before = counts(m_env->database());
    QTest::keyClick(m_window.get(), Qt::Key_F2); // Record entry
    const Counts after = counts(m_env->database());
    QCOMPARE(after.crossings, before.crossings + 1);
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.outbox, before.outbox + 1);
    const Case *recorded = m_env->session()->currentCase();
    QVERIFY(recorded != nullptr && recorded->outcome.has_value());
    QVERIFY(labelText(m_window.get(), "caseOutcome").contains(recorded->outcome.value().eventId));
    // Pressing again records nothing more: one action per case.
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QCOMPARE(counts(m_env->database()), after);
    // And the status bar shows the pending event.
    QVERIFY2(labelText(m_window.get(), "statusPending").contains(QStringLiteral("1")), qPrintable(labelText(m_window.get(), "statusPending")));
}

void TestConsoleWindow::refuseCannotBeRecordedWithoutOverride()
{
    signIn();
    play(QStringLiteral("banned"));
    const Counts before = counts(m_env->database());
    QVERIFY(!m_window->action(QStringLiteral("recordEntry"))->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    auto direct = m_env->session()->recordCrossing(Direction::Entry);
    QVERIFY(!direct);
    QCOMPARE(direct.error().code, QStringLiteral("VERDICT_REQUIRES_OVERRIDE"));
    QCOMPARE(counts(m_env->database()), before);
}

void TestConsoleWindow::overrideWithoutReasonIsImpossible()
{
    signIn();
    play(QStringLiteral("banned"));
    const Counts before = counts(m_env->database());
    bool checked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<Ui::OverrideDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("overrideOk"));
        auto *reason = dialog->findChild<QPlainTextEdit *>(QStringLiteral("overrideReason"));
        QVERIFY(ok && reason);
        QVERIFY(!ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);      // a disabled button does nothing
        QVERIFY(dialog->isVisible());
        QTest::keyClicks(reason, QStringLiteral("   ok  "));
        QVERIFY(!ok->isEnabled());                  // a word is not a reason
        QTest::keyClick(dialog, Qt::Key_Return);    // nor does Enter get past it
        QVERIFY(dialog->isVisible());
        checked = true;
        dialog->reject();
    });
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    QVERIFY(checked);
    QCOMPARE(counts(m_env->database()), before);
    const Case *open = m_env->session()->currentCase();
    QVERIFY(open != nullptr);
    QVERIFY(!open->outcome.has_value());
}

void TestConsoleWindow::overrideWithReasonIsItsOwnEvent()
{
    signIn();
    play(QStringLiteral("overstayer"));
    const Counts before = counts(m_env->database());
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<Ui::OverrideDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QPlainTextEdit *>(QStringLiteral("overrideReason")),
                         QStringLiteral("Fine paid at the desk (§148), exit allowed"));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("overrideOk"));
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::keyClick(m_window.get(), Qt::Key_F8);
    const Counts after = counts(m_env->database());
    QCOMPARE(after.events, before.events + 1);
    QCOMPARE(after.crossings, before.crossings + 1);
    QCOMPARE(after.outbox, before.outbox + 1);
    auto q = m_env->database().exec(QStringLiteral("SELECT bytes FROM events ORDER BY sequence DESC LIMIT 1"));
    QVERIFY(q && (*q)->next());
    const QByteArray bytes = (*q)->value(0).toByteArray();
    (*q)->finish();
    QVERIFY(bytes.contains("\"kind\":\"override\""));
    // Event format 2: the typed reason is its own signed field, the reason list holds codes only.
    QVERIFY(bytes.contains(QStringLiteral("\"overrideReason\":\"Fine paid at the desk (§148), exit allowed\"").toUtf8()));
    QVERIFY(bytes.contains("\"OFFICER_OVERRIDE\""));
    QVERIFY(!bytes.contains("OVERRIDE_REASON:"));
    QVERIFY(bytes.contains(DemoEnvironment::kOperatorId.toUtf8()));
}

void TestConsoleWindow::idleLockEngages()
{
    signIn();
    play(QStringLiteral("visa-free"));
    m_clock->advanceSeconds(5 * 60);
    m_env->session()->checkIdle();
    QCOMPARE(m_window->currentPageName(), QStringLiteral("lockPage"));
    QVERIFY(!m_window->action(QStringLiteral("recordEntry"))->isEnabled());
    // F2 behind the lock records nothing.
    const Counts before = counts(m_env->database());
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QCOMPARE(counts(m_env->database()), before);
    auto *pin = m_window->findChild<QWidget *>(QStringLiteral("lockPage"))->findChild<QLineEdit *>(QStringLiteral("pin"));
    QTest::keyClicks(pin, DemoEnvironment::kOperatorPin);
    QTest::keyClick(pin, Qt::Key_Return);
    QTRY_COMPARE(m_window->currentPageName(), QStringLiteral("casePage"));
}

void TestConsoleWindow::staleWatchlistShowsItsWarning()
{
    signIn();
    QVERIFY(!labelText(m_window.get(), "statusWatchlist").contains(QStringLiteral("STALE")));
    m_clock->advanceSeconds(3 * 86400); // older than the policy's 48 h
    m_env->session()->refreshReferenceStatus();
    QVERIFY2(labelText(m_window.get(), "statusWatchlist").contains(QStringLiteral("STALE")),
             qPrintable(labelText(m_window.get(), "statusWatchlist")));
}

void TestConsoleWindow::offlineAndOnlineUpdateTheStatusBar()
{
    signIn();
    QTRY_VERIFY_WITH_TIMEOUT(labelText(m_window.get(), "statusOnline").contains(QStringLiteral("Online")), 15000);
    play(QStringLiteral("visa-free"));
    QTest::keyClick(m_window.get(), Qt::Key_F2);
    QVERIFY(m_env->setCentralRunning(false));
    QVERIFY(!m_env->syncNow());
    QTRY_VERIFY_WITH_TIMEOUT(labelText(m_window.get(), "statusOnline").contains(QStringLiteral("Offline")), 15000);
    QVERIFY(labelText(m_window.get(), "statusPending").contains(QStringLiteral("1 event")));
    QVERIFY(m_env->setCentralRunning(true));
    QTRY_VERIFY_WITH_TIMEOUT(labelText(m_window.get(), "statusOnline").contains(QStringLiteral("Online")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(labelText(m_window.get(), "statusPending").contains(QStringLiteral("No events pending")), 20000);
    QCOMPARE(m_env->session()->syncStatus().rejectedEvents, 0); // stored, not rejected
    QVERIFY(!labelText(m_window.get(), "statusPending").contains(QStringLiteral("REJECTED")));
}

void TestConsoleWindow::statusBarTellsWhatIsWrong_data()
{
    // What the sync client reports (online, the last round's error, kept-aside pulls), and what
    // the officer must then read in the bar; an empty expectation: that cell is not shown.
    QTest::addColumn<bool>("online");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("errorMessage");
    QTest::addColumn<int>("unverified");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("unverifiedText");
    QTest::newRow("healthy: the last round went through") << true << QString() << QString() << 0 << QStringLiteral("● Online") << QString() << QString();
    QTest::newRow("offline: the central side cannot be reached")
        << false << QStringLiteral("SYNC_NETWORK") << QStringLiteral("Connection refused") << 0 << QStringLiteral("○ Offline")
        << QStringLiteral("SYNC_NETWORK: Connection refused") << QString();
    QTest::newRow("protocol error: the central side answers garbage, reachable, not offline")
        << false << QStringLiteral("SYNC_PROTOCOL") << QStringLiteral("GET /v1/feed: events[3].signature is not base64") << 0
        << QStringLiteral("⚠ Central answering wrongly") << QStringLiteral("SYNC_PROTOCOL: GET /v1/feed: events[3].signature is not base64") << QString();
    QTest::newRow("http error: the central side refuses, reachable, its code shown")
        << true << QStringLiteral("SYNC_HTTP") << QStringLiteral("GET /v1/feed: HTTP 503") << 0 << QStringLiteral("● Online")
        << QStringLiteral("SYNC_HTTP: GET /v1/feed: HTTP 503") << QString();
    QTest::newRow("unverified pulls: another checkpoint's events kept aside, counted")
        << true << QString() << QString() << 3 << QStringLiteral("● Online") << QString() << QStringLiteral("⚠ 3 pulled event");
    QTest::newRow("protocol error with unverified pulls: both shown")
        << false << QStringLiteral("SYNC_PROTOCOL") << QStringLiteral("GET /v1/kiosks: not JSON (illegal value at byte 0)") << 1
        << QStringLiteral("⚠ Central answering wrongly") << QStringLiteral("SYNC_PROTOCOL: GET /v1/kiosks: not JSON") << QStringLiteral("⚠ 1 pulled event");
}

void TestConsoleWindow::statusBarTellsWhatIsWrong()
{
    QFETCH(bool, online);
    QFETCH(QString, errorCode);
    QFETCH(QString, errorMessage);
    QFETCH(int, unverified);
    QFETCH(QString, state);
    QFETCH(QString, error);
    QFETCH(QString, unverifiedText);
    signIn();
    // As the sync bridge hands the client's status to the session (app/session/syncbridge.h).
    Sync::SyncStatus reported;
    reported.online = online;
    reported.unverifiedPulls = unverified;
    if (!errorCode.isEmpty()) {
        reported.roundError = Error{errorCode, errorMessage};
        reported.lastError = errorCode + QStringLiteral(": ") + errorMessage;
    }
    reported.lastSuccess = m_clock->now().addSecs(-120);
    m_env->session()->updateSyncStatus(toSessionStatus(reported, m_clock->now()));

    const QString shownState = labelText(m_window.get(), "statusOnline");
    QCOMPARE(shownState, state);
    const auto *errorCell = m_window->findChild<QLabel *>(QStringLiteral("statusRoundError"));
    const auto *unverifiedCell = m_window->findChild<QLabel *>(QStringLiteral("statusUnverified"));
    QVERIFY(errorCell && unverifiedCell);
    // In the bar itself, not only in a tooltip.
    QCOMPARE(errorCell->isVisible(), !error.isEmpty());
    QVERIFY2(errorCell->text().contains(error), qPrintable(errorCell->text()));
    QCOMPARE(unverifiedCell->isVisible(), !unverifiedText.isEmpty());
    QVERIFY2(unverifiedCell->text().contains(unverifiedText), qPrintable(unverifiedCell->text()));
    if (unverifiedText.isEmpty())
        QVERIFY(unverifiedCell->text().isEmpty());
    QVERIFY(labelText(m_window.get(), "statusLastSync").contains(QStringLiteral("2 min")));
}

void TestConsoleWindow::manualEntryGivesLiveCheckDigitFeedback()
{
    signIn();
    Ui::ManualMrzDialog dialog(m_env->session());
    auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("manualMrzEdit"));
    const QString good = sample(QStringLiteral("visa-free")).mrz;
    edit->setPlainText(good);
    QVERIFY(dialog.feedbackText().contains(QStringLiteral("✔")));
    QVERIFY(!dialog.feedbackText().contains(QStringLiteral("✖")));
    // One wrong digit in the document number: its check (and the composite) now fail.
    QString bad = good;
    const qsizetype line2 = bad.indexOf(u'\n') + 1;
    bad[line2 + 2] = bad[line2 + 2] == u'1' ? u'2' : u'1';
    edit->setPlainText(bad);
    QVERIFY2(dialog.feedbackText().contains(QStringLiteral("✖")), qPrintable(dialog.feedbackText()));
}

void TestConsoleWindow::boardingPassShowsItsFlight()
{
    signIn();
    play(QStringLiteral("boarding-pass"));
    const Case *c = m_env->session()->currentCase();
    QVERIFY(c && c->boardingPass);
    QVERIFY(c->boardingPass->nameMatchesDocument);
    const QString text = labelText(m_window.get(), "boardingPass");
    QVERIFY2(text.contains(QStringLiteral("J2 16")) && text.contains(QStringLiteral("LHR")), qPrintable(text));
    QCOMPARE(m_window->caseView()->banner()->verdict(), std::optional<VerdictKind>(VerdictKind::Admit)); // a pass is no visa
}

// The passport taken off the reader clears the information screen only: the
// officer may still be recording, so the console keeps the case, its verdict and its actions.
void TestConsoleWindow::removalKeepsTheOfficersCase()
{
    signIn();
    play(QStringLiteral("visa-free"));
    const quint64 number = m_env->session()->currentCase()->number;
    QSignalSpy removed(m_env->session(), &CheckpointSession::documentRemoved);
    m_env->simulator()->setPlaylist({{Sources::PlaylistEntry::Kind::Removed, QString(), QStringLiteral("test:1")}});
    QVERIFY(m_env->playNext());
    QCOMPARE(removed.size(), 1); // the removal did reach the session
    QVERIFY(m_env->session()->currentCase() != nullptr);
    QCOMPARE(m_env->session()->currentCase()->number, number);
    QCOMPARE(m_window->currentPageName(), QStringLiteral("casePage"));
    QCOMPARE(m_window->caseView()->banner()->verdict(), std::optional<VerdictKind>(VerdictKind::Admit));
    QVERIFY(labelText(m_window.get(), "verdictDetail").contains(QStringLiteral("2027-02-26")));
    QVERIFY(m_window->action(QStringLiteral("recordEntry"))->isEnabled());
}

void TestConsoleWindow::consoleInTheOfficersLanguage_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("signInButton");
    // As resources/i18n/kiosk_{az,ru}.ts translate "Sign in (Enter)".
    QTest::newRow("Azerbaijani (border-kiosk --language az)") << "az" << "Daxil ol (Enter)";
    QTest::newRow("Russian") << "ru" << "Войти (Enter)";
}

void TestConsoleWindow::consoleInTheOfficersLanguage()
{
    QFETCH(QString, code);
    QFETCH(QString, signInButton);
    const QString englishTitle = m_window->windowTitle();
    Ui::KioskTranslator translator;
    const auto installed = translator.install(code);
    QVERIFY2(installed.has_value(), installed ? "" : qPrintable(installed.error().message));
    // A console built after the translator is installed (border-kiosk installs it first).
    Ui::ConsoleWindow translated(m_env->session());
    QVERIFY(translated.windowTitle() != englishTitle);
    QCOMPARE(translated.windowTitle(),
             QCoreApplication::translate("Kiosk::Ui::ConsoleWindow", "Border kiosk — officer console — %1").arg(m_env->session()->config().checkpoint));
    const auto buttons = translated.findChildren<QPushButton *>();
    QVERIFY2(std::any_of(buttons.begin(), buttons.end(), [&](const QPushButton *b) { return b->text() == signInButton; }),
             qPrintable(QStringLiteral("no button reads '%1'").arg(signInButton)));
}

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
