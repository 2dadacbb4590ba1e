#include "app/kioskctl/command.h"

namespace Kiosk::Ctl {

std::vector<Command> &commands()
{
    static std::vector<Command> all;
    return all;
}

Registration::Registration(QStringList words, QString summary, CommandFn run)
{
    commands().push_back(Command{std::move(words), std::move(summary), run});
}

} // namespace Kiosk::Ctl
