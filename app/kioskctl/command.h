#pragma once
// The sub-command registry of kioskctl. A command file does:
//
//   static const Kiosk::Ctl::Registration reg{
//       {"mrz", "parse"}, "Parse MRZ text (JSON Lines)", &runMrzParse};
//
// and receives the arguments after its words ("kioskctl mrz parse a.txt" -> {"a.txt"}).
// Exit statuses: 0 success, 1 a negative answer (invalid document, broken chain, ...),
// 2 usage error.
#include <QStringList>
#include <vector>

namespace Kiosk::Ctl {

enum ExitCode : int { ExitOk = 0, ExitNegative = 1, ExitUsage = 2 };

using CommandFn = int (*)(const QStringList &args);

struct Command
{
    QStringList words;  // {"mrz", "parse"}
    QString summary;
    CommandFn run = nullptr;
};

[[nodiscard]] std::vector<Command> &commands();

struct Registration
{
    Registration(QStringList words, QString summary, CommandFn run);
};

} // namespace Kiosk::Ctl
