#include "app/kiosk/screenshots.h"

#include "app/demo/demoenvironment.h"
#include "ui/consolewindow.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

#include <cstdio>

using namespace Kiosk;

int renderScreenshots(Session::DemoEnvironment &env, const QString &dir, QSize size)
{
    if (!QDir().mkpath(dir)) {
        std::fprintf(stderr, "border-kiosk: cannot create %s\n", qPrintable(dir));
        return 1;
    }
    Session::CheckpointSession *session = env.session();
    if (!session->signIn(Session::DemoEnvironment::kOperatorId, Session::DemoEnvironment::kOperatorPin)) {
        std::fprintf(stderr, "border-kiosk: demo sign-in failed\n");
        return 1;
    }
    Ui::ConsoleWindow window(session);
    window.resize(size);
    window.show();
    // Let the first sync round report, so the status bar shows a real state.
    (void)env.syncNow();

    struct Shot
    {
        const char *kind;
        const char *file;
        bool record;
    };
    const Shot shots[] = {
        {"visa-free", "console-admit.png", true},
        {"overstayer", "console-refer-overstay.png", false},
        {"banned", "console-refuse-entry-ban.png", false},
        {"exit-restriction", "console-refer-exit-restriction.png", false},
        {"boarding-pass", "console-admit-boarding-pass.png", false},
        {"visa-seal", "console-admit-visa-seal.png", false},
    };
    int written = 0;
    for (const Shot &shot : shots) {
        for (const Session::DemoDocument &doc : env.documents()) {
            if (doc.kind != QLatin1String(shot.kind))
                continue;
            session->setDirection(doc.direction);
            (void)session->submitMrz(doc.mrz, Session::InputKind::Simulator, QStringLiteral("Simulator (demo)"));
            if (!doc.barcode.isEmpty())
                (void)session->submitBarcode(doc.barcode, Session::InputKind::Barcode, QStringLiteral("Barcode scanner (demo)"));
            if (shot.record) {
                (void)session->recordCrossing(doc.direction);
                (void)env.syncNow();
            }
            QApplication::processEvents();
            const QString path = QDir(dir).filePath(QLatin1String(shot.file));
            if (!window.grab().save(path)) {
                std::fprintf(stderr, "border-kiosk: cannot write %s\n", qPrintable(path));
                return 1;
            }
            std::printf("%s\n", qPrintable(path));
            ++written;
            break;
        }
    }
    return written == int(std::size(shots)) ? 0 : 1;
}
