// A password prompt of the CLI on a real pseudo-terminal: Ctrl-C or SIGTERM while it waits
// ends the process as before, but the terminal gets its echo back first.

#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <string>
#include <vector>

#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

extern char** environ;

namespace {

constexpr int kWaitMs = 30000;

bool echoOn(int master) {
    termios state{};
    return ::tcgetattr(master, &state) == 0 && (state.c_lflag & ECHO) != 0;
}

// Reads the terminal until `text` appears or kWaitMs pass.
bool waitForText(int master, const QByteArray& text, QByteArray& seen) {
    QDeadlineTimer deadline(kWaitMs);
    while (!seen.contains(text) && !deadline.hasExpired()) {
        pollfd fd{master, POLLIN, 0};
        if (::poll(&fd, 1, int(qMax<qint64>(1, deadline.remainingTime()))) <= 0) continue;
        char buffer[512];
        const ssize_t n = ::read(master, buffer, sizeof buffer);
        if (n <= 0) return false;
        seen.append(buffer, n);
    }
    return seen.contains(text);
}

}  // namespace

class TestTerminalEcho : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;

    // Starts `hosts add NAME ... --password-stdin` on a new terminal, echo on; returns its pid.
    pid_t startPrompt(const QString& name, int& master) {
        std::vector<std::string> env;
        for (char** e = environ; *e; ++e)
            if (std::string(*e).rfind("DBUS_SESSION_BUS_ADDRESS=", 0) != 0) env.emplace_back(*e);
        env.push_back("TRAINBENCH_HOME=" + m_home.path().toStdString());
        std::vector<char*> envp;
        for (std::string& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        std::string program = TB_CLI_HARNESS, hosts = "hosts", add = "add",
                    host = name.toStdString(), line = "ssh -p 2222 u@box.example",
                    option = "--password-stdin";
        char* argv[] = {program.data(), hosts.data(), add.data(), host.data(), line.data(),
                        option.data(), nullptr};
        termios initial{};
        ::cfmakeraw(&initial);
        initial.c_lflag |= ECHO | ICANON | ISIG;
        initial.c_iflag |= ICRNL;
        initial.c_oflag |= OPOST | ONLCR;
        initial.c_cc[VINTR] = 3;  // Ctrl-C
        const pid_t pid = ::forkpty(&master, nullptr, &initial, nullptr);
        if (pid == 0) {
            ::execve(argv[0], argv, envp.data());
            ::_exit(127);
        }
        return pid;
    }

    // Waits for the child's end; its wait status, or -1.
    static int waitForEnd(pid_t pid) {
        int status = -1;
        QTest::qWaitFor([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, kWaitMs);
        return status;
    }

    void interruptRestoresEcho(const QString& name, const QByteArray& keys, int sendSignal,
                               int expectedSignal) {
        int master = -1;
        const pid_t pid = startPrompt(name, master);
        QVERIFY(pid > 0);
        QVERIFY(echoOn(master));
        QByteArray seen;
        QVERIFY2(waitForText(master, "Password for " + name.toUtf8() + ": ", seen),
                 seen.constData());
        // Echo went off before the prompt was printed.
        QVERIFY(!echoOn(master));
        if (!keys.isEmpty()) QCOMPARE(::write(master, keys.constData(), keys.size()), keys.size());
        if (sendSignal) ::kill(pid, sendSignal);
        const int status = waitForEnd(pid);
        QVERIFY2(WIFSIGNALED(status), qPrintable(QString::number(status)));
        QCOMPARE(WTERMSIG(status), expectedSignal);
        QVERIFY2(echoOn(master), "the terminal was left without echo");
        ::close(master);
    }

private Q_SLOTS:
    void ctrlCAtThePasswordPromptRestoresEcho() {
        interruptRestoresEcho(QStringLiteral("ctrlc"), "sec\x03", 0, SIGINT);
    }

    void sigtermAtThePasswordPromptRestoresEcho() {
        interruptRestoresEcho(QStringLiteral("term"), {}, SIGTERM, SIGTERM);
    }

    void typedPasswordIsReadWithEchoOffThenEchoReturns() {
        int master = -1;
        const pid_t pid = startPrompt(QStringLiteral("typed"), master);
        QVERIFY(pid > 0);
        QByteArray seen;
        QVERIFY(waitForText(master, "Password for typed: ", seen));
        QVERIFY(!echoOn(master));
        QCOMPARE(::write(master, "hunter2\n", 8), 8);
        const int status = waitForEnd(pid);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(QString::number(status)));
        QVERIFY(echoOn(master));
        // Drain what it printed: the password never appears on the terminal.
        waitForText(master, "\x04never", seen);
        QVERIFY2(!seen.contains("hunter2"), seen.constData());
        ::close(master);
    }
};

QTEST_GUILESS_MAIN(TestTerminalEcho)
#include "tst_terminal_echo.moc"
