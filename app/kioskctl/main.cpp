// kioskctl: the kiosk's engine on the command line, for scripts, tests and benchmarks.
#include "app/kioskctl/cli.h"
#include "app/kioskctl/command.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Kiosk::Ctl;

namespace {

void printUsage(FILE *to)
{
    QString text = QStringLiteral("usage: kioskctl COMMAND [ARGS...]\n\ncommands:\n");
    auto sorted = commands();
    std::ranges::sort(sorted, {}, [](const Command &c) { return c.words.join(u' '); });
    for (const Command &c : sorted)
        text += QStringLiteral("  %1  %2\n").arg(c.words.join(u' '), -22).arg(c.summary);
    text += QStringLiteral("\nkioskctl COMMAND --help for a command's options.\n");
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), to);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kioskctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("border-kiosk"));

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.front() == QLatin1String("--help") || args.front() == QLatin1String("-h")) {
        printUsage(args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }

    // The longest registered word sequence that prefixes the arguments wins, so that
    // "sync" and "sync status" could both exist.
    const Command *best = nullptr;
    for (const Command &c : commands()) {
        if (c.words.size() <= args.size() && args.mid(0, c.words.size()) == c.words
            && (!best || c.words.size() > best->words.size()))
            best = &c;
    }
    if (!best) {
        printError(QStringLiteral("unknown command '%1'").arg(args.front()));
        printUsage(stderr);
        return ExitUsage;
    }
    return best->run(args.mid(best->words.size()));
}
