#pragma once
// What a command-line program run as a child process left behind: its exit code (-1 when it
// did not exit normally), its output and its error output; json() is its last stdout line.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace Kiosk::Test {

struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object(); }
};

// Runs `program args` to its end (at most timeoutMs) in `environment` (default: this process's).
inline CommandRun runCommand(const QString &program, const QStringList &args,
                             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(), int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return CommandRun{p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(), p.readAllStandardError()};
}

} // namespace Kiosk::Test
