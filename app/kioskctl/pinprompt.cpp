#include "app/kioskctl/pinprompt.h"

#include "app/kioskctl/cli.h"

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace Kiosk::Ctl {

namespace {

// One line from stdin without its newline; nullopt at end of input.
std::optional<QString> readLine()
{
    std::string line;
    int c = 0;
    while ((c = std::fgetc(stdin)) != EOF && c != '\n')
        line.push_back(static_cast<char>(c));
    if (c == EOF && line.empty())
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromUtf8(line.data(), static_cast<qsizetype>(line.size()));
}

// Echo off for the duration of one read, restored whatever happens.
std::optional<QString> readHidden(const QString &prompt)
{
    std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
    std::fflush(stderr);
    termios old{};
    const bool terminal = ::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (terminal) {
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        (void)::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    auto line = readLine();
    if (terminal)
        (void)::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    else
        std::fprintf(stderr, "\n");
    return line;
}

} // namespace

QString pinProblem(const QString &pin)
{
    if (pin.size() < kMinimumPinDigits || pin.size() > kMaximumPinDigits)
        return QStringLiteral("a PIN has %1 to %2 digits").arg(kMinimumPinDigits).arg(kMaximumPinDigits);
    for (QChar c : pin)
        if (c < u'0' || c > u'9')
            return QStringLiteral("a PIN has digits only");
    return QString();
}

std::optional<QString> readNewPin(const QString &what)
{
    auto first = readHidden(QStringLiteral("%1: ").arg(what));
    if (!first) {
        printError(QStringLiteral("no PIN given (end of input)"));
        return std::nullopt;
    }
    if (const QString why = pinProblem(*first); !why.isEmpty()) {
        printError(QStringLiteral("PIN refused: %1").arg(why));
        return std::nullopt;
    }
    auto second = readHidden(QStringLiteral("%1 again: ").arg(what));
    if (!second || *second != *first) {
        printError(QStringLiteral("the two PINs differ; nothing was written"));
        return std::nullopt;
    }
    return first;
}

} // namespace Kiosk::Ctl
