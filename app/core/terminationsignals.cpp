#include "app/core/terminationsignals.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Kiosk {

namespace {

Q_LOGGING_CATEGORY(lcCore, "kiosk.core")

constexpr int kSignals[] = {SIGTERM, SIGINT, SIGHUP};

// Written by the handler only; sig_atomic_t and a plain fd are what a handler may touch.
volatile std::sig_atomic_t g_received = 0;
volatile std::sig_atomic_t g_writeFd = -1;

extern "C" void onTerminationSignal(int signalNumber)
{
    const int savedErrno = errno; // the interrupted code may be about to read errno
    if (g_received == 0)
        g_received = signalNumber;
    const auto byte = static_cast<unsigned char>(signalNumber);
    if (const int fd = g_writeFd; fd >= 0)
        [[maybe_unused]] const ssize_t n = ::write(fd, &byte, 1); // a full pipe: the flag still holds
    errno = savedErrno;
}

const char *signalName(int signalNumber)
{
    switch (signalNumber) {
    case SIGTERM: return "SIGTERM";
    case SIGINT: return "SIGINT";
    case SIGHUP: return "SIGHUP";
    default: return "signal";
    }
}

} // namespace

TerminationSignals::TerminationSignals()
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        qCWarning(lcCore) << "no pipe for termination signals:" << strerror(errno);
        return;
    }
    m_readFd = fds[0];
    g_writeFd = fds[1];
    g_received = 0;
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    action.sa_flags = SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (const int s : kSignals)
        sigaddset(&action.sa_mask, s); // one handler at a time
    m_installed = true;
    for (const int s : kSignals)
        m_installed = ::sigaction(s, &action, nullptr) == 0 && m_installed;
    qCDebug(lcCore) << "termination signals handled: SIGTERM, SIGINT, SIGHUP";
}

TerminationSignals::~TerminationSignals()
{
    m_notifier.reset();
    const int writeFd = g_writeFd;
    g_writeFd = -1; // before the close: the handler never writes to a closed (or reused) fd
    if (writeFd >= 0)
        ::close(writeFd);
    if (m_readFd >= 0)
        ::close(m_readFd);
}

int TerminationSignals::received()
{
    return g_received;
}

void TerminationSignals::onSignal(std::function<void(int)> handler)
{
    m_handler = std::move(handler);
    if (m_readFd < 0 || m_notifier)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(m_readFd, QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        unsigned char bytes[16];
        ssize_t n = 0;
        while ((n = ::read(m_readFd, bytes, sizeof bytes)) > 0) {
            for (ssize_t i = 0; i < n; ++i)
                if (m_handler)
                    m_handler(bytes[i]);
        }
    });
}

void TerminationSignals::quitEventLoop()
{
    onSignal([](int signalNumber) {
        qCInfo(lcCore) << signalName(signalNumber) << "received: stopping after the write in progress";
        // exit(0), not quit(): in Qt 6 quit() first asks every window to close, and the
        // information screen refuses (kiosk mode), so a deployed info kiosk never stopped.
        // exit() leaves the loop; exec() returns 0 and the destructors stop the sync loop.
        QCoreApplication::exit(0);
    });
}

} // namespace Kiosk
