// EchoOffGuard: the saved terminal state and the handlers that put it back on a signal.

#include "terminal_echo.h"

#include <csignal>

#include <unistd.h>

namespace tb::cli {
namespace {

constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
constexpr int kSignalCount = sizeof kSignals / sizeof kSignals[0];

// Read by the handler: only async-signal-safe calls (tcsetattr, sigaction, raise) use them.
termios g_saved{};
struct sigaction g_previous[kSignalCount];
bool g_handled[kSignalCount] = {};

void restoreAndReraise(int signal) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    for (int i = 0; i < kSignalCount; ++i)
        if (kSignals[i] == signal) ::sigaction(signal, &g_previous[i], nullptr);
    ::raise(signal);
}

}  // namespace

EchoOffGuard::EchoOffGuard() {
    if (::tcgetattr(STDIN_FILENO, &g_saved) != 0) return;
    struct sigaction action {};
    action.sa_handler = restoreAndReraise;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < kSignalCount; ++i) {
        struct sigaction previous {};
        // A signal the process ignores (nohup) stays ignored.
        g_handled[i] = ::sigaction(kSignals[i], nullptr, &previous) == 0 &&
                       previous.sa_handler != SIG_IGN &&
                       ::sigaction(kSignals[i], &action, &g_previous[i]) == 0;
    }
    termios quiet = g_saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    m_active = true;
}

EchoOffGuard::~EchoOffGuard() {
    if (!m_active) return;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &g_saved);
    for (int i = 0; i < kSignalCount; ++i)
        if (g_handled[i]) ::sigaction(kSignals[i], &g_previous[i], nullptr);
}

}  // namespace tb::cli
