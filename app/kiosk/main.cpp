// border-kiosk: the GUI composition root. Builds the session (the demo's with --demo and no
// configuration; a deployed kiosk's from kiosk.ini otherwise) and puts one face on it:
//   --role console  the officer console (ui/consolewindow.h), the default
//   --role info     the information screen for travellers
//
// Adding a face does not touch the console: the information screen lives in ui/info*.{h,cpp}
// (picked up by ui/CMakeLists.txt's glob) and is found here by its header. Its contract:
//   ui/infoscreen.h declares  class Kiosk::Ui::InfoScreen : public QWidget
//   with the constructor      InfoScreen(Kiosk::Session::CheckpointSession *session, QWidget *parent = nullptr)
// The session it gets is built with Role::Info: read-only (no sign-in, recording refused).
#include "app/core/clock.h"
#include "app/core/terminationsignals.h"
#include "app/kiosk/deployment.h"
#include "app/kiosk/screenshots.h"
#include "app/demo/demoenvironment.h"
#include "scanner/sources/simulatorsource.h"
#include "ui/consolewindow.h"

#if __has_include("ui/infoscreen.h")
#include "ui/infolanguage.h"
#include "ui/infoscreen.h"
#define KIOSK_HAVE_INFO_SCREEN 1
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QProcess>

#include <cstdio>
#include <unistd.h>

using namespace Kiosk;

namespace {

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

bool argGiven(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], name) == 0)
            return true;
    return false;
}

// No display: Qt would abort. The demo falls back to the same session, headless, printing each
// case (kioskctl demo, next to this program).
int headlessFallback(const char *self)
{
    const QString kioskctl = QFileInfo(QString::fromLocal8Bit(self)).absolutePath() + QStringLiteral("/kioskctl");
    std::fprintf(stderr, "border-kiosk: no display; running the headless demo (kioskctl demo) instead\n");
    const QByteArray path = QFile::encodeName(kioskctl);
    execl(path.constData(), path.constData(), "demo", static_cast<char *>(nullptr));
    std::fprintf(stderr, "border-kiosk: cannot start %s\n", path.constData());
    return 1;
}

void fail(const QString &message)
{
    std::fprintf(stderr, "border-kiosk: %s\n", qPrintable(message));
}

QSize windowSizeFrom(const QString &text)
{
    const QStringList wh = text.split(u'x');
    const QSize s = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
    return s.width() >= 640 && s.height() >= 480 ? s : QSize();
}

// The face for the role (see the contract at the top of this file).
// `info`: kiosk.ini's [info] for a deployment (the staff PIN is the session's: SessionConfig);
// nullptr for the demo.
std::unique_ptr<QWidget> makeFace(Session::CheckpointSession *session, Session::Role role, const KioskConfig::Info *info)
{
    if (role == Session::Role::Console)
        return std::make_unique<Ui::ConsoleWindow>(session);
#ifdef KIOSK_HAVE_INFO_SCREEN
    Ui::InfoSettings settings;
    if (info) {
        settings.idleSeconds = info->idleSeconds;
        settings.kioskMode = info->kioskMode;
    }
    return std::make_unique<Ui::InfoScreen>(session, settings);
#else
    fail(QStringLiteral("the information screen is not part of this build"));
    return nullptr;
#endif
}

// border-kiosk's command line.
struct KioskCommandLine
{
    QCommandLineParser parser;
    const QCommandLineOption demo{QStringLiteral("demo"),
                                  QStringLiteral("Run the demo: seeded temporary store, simulator, embedded central on loopback.")};
    const QCommandLineOption role{QStringLiteral("role"), QStringLiteral("Face to show: console (default) or info."),
                                  QStringLiteral("console|info"), QStringLiteral("console")};
    const QCommandLineOption interval{QStringLiteral("interval"), QStringLiteral("Demo: seconds between simulated documents (0: F9 plays the next)."),
                                      QStringLiteral("seconds"), QStringLiteral("8")};
    const QCommandLineOption screenshots{QStringLiteral("screenshots"),
                                         QStringLiteral("Demo: render the console for the ADMIT, REFER and REFUSE samples into DIR and exit."),
                                         QStringLiteral("DIR")};
    const QCommandLineOption size{QStringLiteral("size"), QStringLiteral("Window size, WIDTHxHEIGHT (default 1280x800)."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800")};
    const QCommandLineOption config{QStringLiteral("config"), QStringLiteral("A deployed kiosk's settings (kiosk.ini; default: $KIOSK_CONFIG or ~/.config/border-kiosk/kiosk.ini)."),
                                    QStringLiteral("FILE")};
    const QCommandLineOption operators{QStringLiteral("operators"), QStringLiteral("Operators file (default: operators.json beside kiosk.ini)."),
                                       QStringLiteral("FILE")};
    const QCommandLineOption policy{QStringLiteral("policy"), QStringLiteral("Signed policy file (FILE.sig beside it; default: [kiosk] policy in kiosk.ini). A newer verified pulled version still wins."),
                                    QStringLiteral("FILE")};
    const QCommandLineOption language{QStringLiteral("language"),
                                      QStringLiteral("The officer console's language: az, ru or en (default: [console] language in kiosk.ini, else en)."),
                                      QStringLiteral("az|ru|en")};

    KioskCommandLine()
    {
        parser.setApplicationDescription(QStringLiteral("Border-crossing kiosk: officer console and information screen."));
        parser.addHelpOption();
        parser.addOptions({demo, role, interval, screenshots, size, config, operators, policy, language});
    }
};

// The face and window asked for, once checked.
struct FaceChoice
{
    Session::Role role = Session::Role::Console;
    QSize windowSize;
};

// The --role, --language and --size given, checked; nullopt when one is wrong (said on stderr).
std::optional<FaceChoice> chooseFace(const KioskCommandLine &cli)
{
    const QCommandLineParser &parser = cli.parser;
    const auto chosenRole = Session::roleFromString(parser.value(cli.role));
    if (!chosenRole) {
        fail(QStringLiteral("--role must be console or info, not '%1'").arg(parser.value(cli.role)));
        return std::nullopt;
    }
    if (parser.isSet(cli.language) && !QStringList{QStringLiteral("az"), QStringLiteral("ru"), QStringLiteral("en")}.contains(parser.value(cli.language))) {
        fail(QStringLiteral("--language must be az, ru or en, not '%1'").arg(parser.value(cli.language)));
        return std::nullopt;
    }
    const QSize windowSize = windowSizeFrom(parser.value(cli.size));
    if (!windowSize.isValid()) {
        fail(QStringLiteral("--size must be WIDTHxHEIGHT, at least 640x480, not '%1'").arg(parser.value(cli.size)));
        return std::nullopt;
    }
    return FaceChoice{*chosenRole, windowSize};
}

// The console speaks the officer's language (every string of both faces is translated in
// az, ru and en); the information screen chooses its own, per traveller.
bool useConsoleLanguage(Ui::KioskTranslator &translator, Session::Role role, const QString &code)
{
    if (role != Session::Role::Console || code.isEmpty() || code == u"en")
        return true;
    if (code != u"az" && code != u"ru") {
        fail(QStringLiteral("the console language must be az, ru or en, not '%1'").arg(code));
        return false;
    }
    if (auto installed = translator.install(code); !installed) {
        fail(QStringLiteral("%1 (%2)").arg(installed.error().message, installed.error().code));
        return false;
    }
    return true;
}

// A deployed kiosk: kiosk.ini, the operators file, the signed policy.
int runDeployed(const Clock &clock, const KioskCommandLine &cli, const FaceChoice &choice, Ui::KioskTranslator &translator)
{
    const QCommandLineParser &parser = cli.parser;
    DeploymentOptions d;
    d.configPath = parser.value(cli.config);
    d.operatorsPath = parser.value(cli.operators);
    d.policyPath = parser.value(cli.policy);
    d.role = choice.role;
    auto deployment = KioskDeployment::create(clock, d);
    if (!deployment) {
        fail(QStringLiteral("cannot start: %1 (%2)").arg(deployment.error().message, deployment.error().code));
        return 1;
    }
    if (!useConsoleLanguage(translator, choice.role, parser.isSet(cli.language) ? parser.value(cli.language) : (*deployment)->consoleLanguage()))
        return 2;
    std::unique_ptr<QWidget> face = makeFace((*deployment)->session(), choice.role, &(*deployment)->config().info);
    if (!face)
        return 2;
    face->resize(choice.windowSize);
    face->show();
    return QApplication::exec();
}

// The demo's console: its sign-in in the title, and F9 to play the next sample document by hand.
void addDemoControls(Ui::ConsoleWindow *console, Session::DemoEnvironment *env)
{
    console->setWindowTitle(console->windowTitle()
                            + QCoreApplication::translate("border-kiosk", " — DEMO (sign in as %1, PIN %2)")
                                                      .arg(Session::DemoEnvironment::kOperatorId, Session::DemoEnvironment::kOperatorPin));
    auto *next = new QAction(console);
    next->setShortcut(QKeySequence(Qt::Key_F9));
    QObject::connect(next, &QAction::triggered, env, [env] { env->playNext(); });
    console->addAction(next);
}

// The demo: its own session, no configuration; with --screenshots, the renders only.
int runDemo(const Clock &clock, const KioskCommandLine &cli, const FaceChoice &choice, Ui::KioskTranslator &translator)
{
    const QCommandLineParser &parser = cli.parser;
    Session::DemoOptions options;
    options.role = choice.role;
    bool ok = false;
    const int seconds = parser.value(cli.interval).toInt(&ok);
    options.simulatorIntervalMs = ok && seconds > 0 ? seconds * 1000 : 0;
    if (parser.isSet(cli.screenshots))
        options.simulatorIntervalMs = 0;
    auto env = Session::DemoEnvironment::create(clock, options);
    if (!env) {
        fail(QStringLiteral("the demo could not start: %1 (%2)").arg(env.error().message, env.error().code));
        return 1;
    }
    if (parser.isSet(cli.screenshots))
        return renderScreenshots(**env, parser.value(cli.screenshots), choice.windowSize);

    if (!useConsoleLanguage(translator, choice.role, parser.value(cli.language)))
        return 2;
    std::unique_ptr<QWidget> face = makeFace((*env)->session(), choice.role, nullptr);
    if (!face)
        return 2;
    if (auto *console = qobject_cast<Ui::ConsoleWindow *>(face.get()))
        addDemoControls(console, env->get());
    face->resize(choice.windowSize);
    face->show();
    (*env)->simulator()->start();
    return QApplication::exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (!hasDisplay()) {
        if (argGiven(argc, argv, "--demo"))
            return headlessFallback(argv[0]);
        fail(QStringLiteral("no display (set DISPLAY, or QT_QPA_PLATFORM=offscreen)"));
        return 2;
    }
    QApplication app(argc, argv);
    // SIGTERM/SIGINT/SIGHUP: quit between two writes; the destructors stop the sync loop; exit 0.
    TerminationSignals termination;
    termination.quitEventLoop();
    QApplication::setApplicationName(QStringLiteral("border-kiosk"));
    QApplication::setOrganizationName(QStringLiteral("border-kiosk"));

    KioskCommandLine cli;
    cli.parser.process(app);
    const std::optional<FaceChoice> choice = chooseFace(cli);
    if (!choice)
        return 2;
    Ui::KioskTranslator consoleTranslator;
    SystemClock clock;
    if (!cli.parser.isSet(cli.demo))
        return runDeployed(clock, cli, *choice, consoleTranslator);
    return runDemo(clock, cli, *choice, consoleTranslator);
}
