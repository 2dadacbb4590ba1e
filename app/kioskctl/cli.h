#pragma once
// Shared helpers of kioskctl's commands: output, usage errors, common options.
#include "app/core/error.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Kiosk::Ctl {

// One compact JSON object and a newline on standard output (JSON Lines), flushed.
void printJsonLine(const QJsonObject &object);
// Indented JSON, for --pretty.
void printJsonPretty(const QJsonObject &object);
void printLine(const QString &text);      // stdout
void printError(const QString &text);     // stderr, prefixed "kioskctl: "
// A command that failed on `error`: "kioskctl: COMMAND: CODE: message" on stderr; returns the
// negative exit status (1), for `return printFailure(...)`.
int printFailure(const QString &command, const Error &error);

// Parses `args` (the words after the command) with `parser`; on failure prints the error
// and the usage to stderr and returns false (callers then return ExitUsage). `name` is the
// command as typed ("mrz parse"), used in the usage line.
[[nodiscard]] bool parseArgs(QCommandLineParser &parser, const QString &name, const QStringList &args);

// Opens a file, or standard input for "-", for reading. Sets `error` and returns false on failure.
[[nodiscard]] bool openInput(const QString &pathOrDash, QFile &file, QString *error);

// Reads a whole file, or standard input for "-". Sets `error` and returns nullopt on failure.
[[nodiscard]] std::optional<QByteArray> readInput(const QString &pathOrDash, QString *error);

} // namespace Kiosk::Ctl
