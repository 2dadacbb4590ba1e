#include "app/kioskctl/cli.h"

#include <QFile>
#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace Kiosk::Ctl {

namespace {
void writeOut(const QByteArray &bytes, FILE *to)
{
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), to);
    std::fflush(to);
}
} // namespace

void printJsonLine(const QJsonObject &object)
{
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n', stdout);
}

void printJsonPretty(const QJsonObject &object)
{
    writeOut(QJsonDocument(object).toJson(QJsonDocument::Indented), stdout);
}

void printLine(const QString &text)
{
    writeOut(text.toUtf8() + '\n', stdout);
}

void printError(const QString &text)
{
    writeOut("kioskctl: " + text.toUtf8() + '\n', stderr);
}

int printFailure(const QString &command, const Error &error)
{
    printError(QStringLiteral("%1: %2: %3").arg(command, error.code, error.message));
    return 1; // ExitNegative (command.h)
}

bool parseArgs(QCommandLineParser &parser, const QString &name, const QStringList &args)
{
    parser.addHelpOption();
    // QCommandLineParser expects argv[0] first.
    if (!parser.parse(QStringList{QStringLiteral("kioskctl ") + name} + args)) {
        printError(name + QStringLiteral(": ") + parser.errorText());
        writeOut(parser.helpText().toUtf8(), stderr);
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        writeOut(parser.helpText().toUtf8(), stdout);
        return false;
    }
    return true;
}

bool openInput(const QString &pathOrDash, QFile &file, QString *error)
{
    const bool ok = pathOrDash == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                     : (file.setFileName(pathOrDash), file.open(QIODevice::ReadOnly));
    if (!ok && error)
        *error = QStringLiteral("cannot read %1: %2").arg(pathOrDash, file.errorString());
    return ok;
}

std::optional<QByteArray> readInput(const QString &pathOrDash, QString *error)
{
    QFile file;
    if (!openInput(pathOrDash, file, error))
        return std::nullopt;
    return file.readAll();
}

} // namespace Kiosk::Ctl
