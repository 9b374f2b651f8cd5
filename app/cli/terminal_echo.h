#pragma once
// EchoOffGuard: terminal echo off while a secret is typed, and back on however the prompt ends.

#include <termios.h>

namespace tb::cli {

// Turns echo off on stdin (a terminal) for its lifetime. SIGINT, SIGTERM, SIGHUP and SIGQUIT
// during that time restore the terminal first, then end the process as they would have: a
// Ctrl-C at a password prompt must not leave the user's shell without echo.
class EchoOffGuard {
public:
    EchoOffGuard();
    ~EchoOffGuard();
    EchoOffGuard(const EchoOffGuard&) = delete;
    EchoOffGuard& operator=(const EchoOffGuard&) = delete;

    bool active() const { return m_active; }

private:
    bool m_active = false;
};

}  // namespace tb::cli
