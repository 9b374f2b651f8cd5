// Tests resources/tb-wrap.sh: status transitions, output.log, exit_code and stop signals.

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/protocol/atomic_file.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/run_status.h"

using namespace tb;

namespace {

std::string wrapperScript() {
    const char* source = std::getenv("TB_SOURCE_DIR");
    return std::string(source ? source : ".") + "/resources/tb-wrap.sh";
}

// dash is what /bin/sh is on Debian-like systems and the strictest common shell.
std::string shell() {
    return ::access("/bin/dash", X_OK) == 0 ? "/bin/dash" : "/bin/sh";
}

// Starts the wrapper the way launchers do: a new session, so it leads its own process group.
pid_t startWrapper(const std::string& runDir, const std::vector<std::string>& command) {
    std::vector<std::string> args = {shell(), wrapperScript(), runDir, "--"};
    args.insert(args.end(), command.begin(), command.end());
    const pid_t pid = fork();
    if (pid != 0) return pid;
    setsid();
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(126);
}

int waitExitCode(pid_t pid) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

int runWrapped(const std::string& runDir, const std::vector<std::string>& command) {
    return waitExitCode(startWrapper(runDir, command));
}

std::string fileText(const std::string& path) {
    auto text = readFile(path);
    return text.ok() ? *text : std::string("<" + text.error() + ">");
}

// Only the documented files may remain: no temp files, no gate FIFO.
void verifyNoLeftovers(const std::string& runDir) {
    const auto names = QDir(QString::fromStdString(runDir))
                           .entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString& name : names) {
        QVERIFY2(!name.startsWith('.'), qPrintable("left behind: " + name));
    }
}

}  // namespace

class TestTbWrap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(::access(wrapperScript().c_str(), R_OK) == 0, wrapperScript().c_str());
    }

    void failingCommandIsFailed() {
        QTemporaryDir dir;
        const RunLayout run{dir.filePath("run").toStdString()};  // created by the wrapper
        QCOMPARE(runWrapped(run.dir, {"sh", "-c", "echo hi; echo oops >&2; exit 3"}), 3);
        QCOMPARE(fileText(run.outputLog()), std::string("hi\noops\n"));
        QCOMPARE(fileText(run.exitCode()), std::string("3\n"));
        auto status = readStatus(run.statusJson());
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().c_str());
        QCOMPARE(status->state, RunState::Failed);
        QCOMPARE(status->exitCode, std::optional<int>(3));
        QVERIFY(status->pid > 0);
        QCOMPARE(status->pgid, status->pid);  // the command leads its own group
        QVERIFY(!status->host.empty());
        QVERIFY(status->ended >= status->started && status->started > 0);
        QCOMPARE(status->message, std::string("exited with code 3"));
        verifyNoLeftovers(run.dir);
    }

    void successfulCommandIsFinishedAndSeesTheContract() {
        QTemporaryDir dir;
        const RunLayout run{dir.path().toStdString()};
        QCOMPARE(
            runWrapped(run.dir, {"sh", "-c", "echo \"$TRAINBENCH_WRAPPED $TRAINBENCH_RUN_DIR\""}),
            0);
        QCOMPARE(fileText(run.outputLog()), "1 " + run.dir + "\n");
        QCOMPARE(fileText(run.exitCode()), std::string("0\n"));
        auto status = readStatus(run.statusJson());
        QVERIFY(status.ok());
        QCOMPARE(status->state, RunState::Finished);
        QCOMPARE(status->exitCode, std::optional<int>(0));

        // A second run in the same directory appends to output.log.
        QCOMPARE(runWrapped(run.dir, {"echo", "again"}), 0);
        QCOMPARE(fileText(run.outputLog()), "1 " + run.dir + "\nagain\n");
        verifyNoLeftovers(run.dir);
    }

    void missingCommandFails() {
        QTemporaryDir dir;
        const RunLayout run{dir.path().toStdString()};
        QCOMPARE(runWrapped(run.dir, {"/nonexistent/tb-command"}), 127);
        auto status = readStatus(run.statusJson());
        QVERIFY(status.ok());
        QCOMPARE(status->state, RunState::Failed);
        QVERIFY(fileText(run.outputLog()).find("tb-command") != std::string::npos);
    }

    void commandsOwnFinalStateIsKept() {
        QTemporaryDir dir;
        const RunLayout run{dir.path().toStdString()};
        const std::string script =
            "printf '%s\\n' '{\"state\":\"stopped\",\"epoch\":2,\"step\":40,\"message\":\"by me\"}'"
            " > \"$TRAINBENCH_RUN_DIR/.s.tmp\" && mv \"$TRAINBENCH_RUN_DIR/.s.tmp\" "
            "\"$TRAINBENCH_RUN_DIR/status.json\"";
        QCOMPARE(runWrapped(run.dir, {"sh", "-c", script}), 0);
        auto status = readStatus(run.statusJson());
        QVERIFY2(status.ok(), status.ok() ? "" : status.error().c_str());
        QCOMPARE(status->state, RunState::Stopped);
        QCOMPARE(status->message, std::string("by me"));
        QCOMPARE(status->step, int64_t{40});
        QCOMPARE(fileText(run.exitCode()), std::string("0\n"));
    }

    void progressWrittenByTheCommandSurvives() {
        QTemporaryDir dir;
        const RunLayout run{dir.path().toStdString()};
        const std::string script =
            "echo '{\"state\":\"running\",\"epoch\":3,\"step\":1200}' > \"$TRAINBENCH_RUN_DIR/.s\" "
            "&& mv \"$TRAINBENCH_RUN_DIR/.s\" \"$TRAINBENCH_RUN_DIR/status.json\"; exit 1";
        QCOMPARE(runWrapped(run.dir, {"sh", "-c", script}), 1);
        auto status = readStatus(run.statusJson());
        QVERIFY(status.ok());
        QCOMPARE(status->state, RunState::Failed);
        QCOMPARE(status->epoch, int64_t{3});
        QCOMPARE(status->step, int64_t{1200});
    }

    void sigtermToTheWrapperGroupStopsTheRun() {
        QTemporaryDir dir;
        const RunLayout run{dir.path().toStdString()};
        const pid_t wrapper = startWrapper(run.dir, {"sh", "-c", "echo ready; exec sleep 120"});
        QVERIFY(wrapper > 0);
        // Sync point: the command has printed and the wrapper has recorded it as running.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        int64_t commandPid = 0;
        while (std::chrono::steady_clock::now() < deadline) {
            auto status = readStatus(run.statusJson());
            if (status.ok() && status->state == RunState::Running &&
                fileText(run.outputLog()) == "ready\n") {
                commandPid = status->pid;
                break;
            }
            std::this_thread::yield();
        }
        QVERIFY(commandPid > 0);
        QCOMPARE(::kill(-wrapper, SIGTERM), 0);
        QCOMPARE(waitExitCode(wrapper), 143);
        auto status = readStatus(run.statusJson());
        QVERIFY(status.ok());
        QCOMPARE(status->state, RunState::Stopped);
        QCOMPARE(status->exitCode, std::optional<int>(143));
        QCOMPARE(fileText(run.exitCode()), std::string("143\n"));
        // The signal reached the command, not just the wrapper.
        QCOMPARE(::kill(pid_t(commandPid), 0), -1);
        QCOMPARE(errno, ESRCH);
        verifyNoLeftovers(run.dir);
    }

    void rejectsBadUsage() {
        QTemporaryDir dir;
        QCOMPARE(runWrapped(dir.path().toStdString(), {}), 2);  // no command after --
        const pid_t pid = fork();
        if (pid == 0) {
            execl(shell().c_str(), "sh", wrapperScript().c_str(), "dir", "echo", nullptr);
            _exit(126);
        }
        QCOMPARE(waitExitCode(pid), 2);  // no --
    }
};

QTEST_APPLESS_MAIN(TestTbWrap)
#include "tst_tb_wrap.moc"
