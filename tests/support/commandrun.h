#pragma once
// What a command-line program run as a child process left behind: its exit code (-1 when it
// did not exit normally), its output and its error output; json() is its last stdout line.
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Kiosk::Test {

struct CommandRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object(); }
};

} // namespace Kiosk::Test
