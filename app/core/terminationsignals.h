#pragma once
// A clean stop on SIGTERM, SIGINT and SIGHUP (finish the write in progress, stop
// the sync loop, exit 0). The self-pipe pattern: the handler only records the signal and
// writes one byte to a pipe, both async-signal-safe; the rest happens outside the handler.
//
//  - A program with an event loop calls quitEventLoop() (or onSignal()): a QSocketNotifier on
//    the pipe's read end calls QCoreApplication::quit() from the loop. Writes are synchronous
//    SQLite transactions on the GUI thread, so the loop only sees the byte between two writes:
//    the write in progress always commits, then exec() returns 0 and the destructors run
//    (the sync client stops there).
//  - A command without an event loop (kioskctl record) asks received() at its own points:
//    before its write (stop, nothing written) and after it. A signal that arrives during the
//    transaction only sets the flag, so the transaction is never cut.
//
// The handlers use SA_RESTART: a read, write or fsync the signal interrupts resumes. One
// instance at a time. The handlers stay after the instance is gone (a signal then only sets
// the flag): a program tearing down after its work exits with its own code, never 143.
#include <QtGlobal>

#include <csignal>
#include <functional>
#include <memory>

class QSocketNotifier;

namespace Kiosk {

class TerminationSignals
{
public:
    TerminationSignals();
    ~TerminationSignals();
    TerminationSignals(const TerminationSignals &) = delete;
    TerminationSignals &operator=(const TerminationSignals &) = delete;

    // False when the pipe or a handler could not be set up (then the default dispositions
    // stay: the program still stops, only not cleanly).
    [[nodiscard]] bool isInstalled() const { return m_installed; }

    // The first termination signal received since an instance was made; 0 when none.
    [[nodiscard]] static int received();

    // Calls `handler` with the signal's number, from the event loop of the calling thread,
    // once per signal received.
    void onSignal(std::function<void(int)> handler);
    // onSignal(QCoreApplication::quit), with one log line naming the signal.
    void quitEventLoop();

private:
    bool m_installed = false;
    int m_readFd = -1;
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::function<void(int)> m_handler;
};

} // namespace Kiosk
