// startDetached: double fork + setsid, with exec errors reported back through a pipe.
#include "detached_start.h"

#include <QCoreApplication>

#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "fail_text.h"

namespace tb {
namespace {

struct DetachedStart {
    Q_DECLARE_TR_FUNCTIONS(DetachedStart)
};

// `program` could not be started; `why` is the system's reason (strerror), maybe with the step.
Error cannotStart(const QString& program, const QString& why) {
    //: %1 is a program, %2 the system's reason (maybe after "pipe: " or "fork: ")
    return failText(DetachedStart::tr("could not start %1: %2").arg(program, why));
}

QString systemError(int error) {
    return QString::fromLocal8Bit(std::strerror(error));
}

// Messages from the children to the launcher: {kind, value} pairs of ints.
enum Report : int { kPid = 1, kSetupFailed = 2, kExecFailed = 3 };

void report(int fd, int kind, int value) {
    const int message[2] = {kind, value};
    [[maybe_unused]] ssize_t n = ::write(fd, message, sizeof message);
}

// Between fork and exec only async-signal-safe calls are allowed (the app has threads), so
// everything here is plain syscalls on data prepared before the fork.
[[noreturn]] void execGrandchild(int reportFd, char* const* argv, const char* workDir,
                                 const char* logPath) {
    const int in = ::open("/dev/null", O_RDONLY);
    const int out = ::open(logPath, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (in < 0 || out < 0 || ::dup2(in, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(out, 2) < 0) {
        report(reportFd, kSetupFailed, errno);
        ::_exit(127);
    }
    if (workDir[0] != '\0' && ::chdir(workDir) != 0) {
        report(reportFd, kSetupFailed, errno);
        ::_exit(127);
    }
    // Signals the app ignores or blocks (SIGPIPE, ...) would otherwise be inherited by the run.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGCHLD}) ::signal(sig, SIG_DFL);
        // Descriptors the app holds open (sockets, files) must not leak into the run; the report
        // pipe is already close-on-exec, so marking every descriptor from 3 up keeps it usable.
#ifdef SYS_close_range
    if (::syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) != 0)
#endif
    {
        const long limit = qMin(::sysconf(_SC_OPEN_MAX), 65536L);
        for (int fd = 3; fd < limit; ++fd) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    ::execv(argv[0], argv);
    report(reportFd, kExecFailed, errno);
    ::_exit(127);
}

}  // namespace

Result<qint64> startDetached(const QStringList& argv, const QString& workDir,
                             const QString& logPath) {
    if (argv.isEmpty())
        return failText(DetachedStart::tr("nothing to start: the command is empty"));
    std::vector<QByteArray> storage;
    for (const QString& arg : argv) storage.push_back(arg.toLocal8Bit());
    std::vector<char*> args;
    for (QByteArray& arg : storage) args.push_back(arg.data());
    args.push_back(nullptr);
    const QByteArray dir = workDir.toLocal8Bit();
    const QByteArray log = logPath.toLocal8Bit();

    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        return cannotStart(argv.front(), QStringLiteral("pipe: ") + systemError(errno));
    }
    const pid_t child = ::fork();
    if (child < 0) {
        const int error = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return cannotStart(argv.front(), QStringLiteral("fork: ") + systemError(error));
    }
    if (child == 0) {
        ::close(fds[0]);
        // A new session has no controlling terminal and its own process group: the terminal's
        // Ctrl-C and hang-up, and signals to the app's group, no longer reach the run.
        if (::setsid() < 0) {
            report(fds[1], kSetupFailed, errno);
            ::_exit(127);
        }
        const pid_t grandchild = ::fork();
        if (grandchild < 0) {
            report(fds[1], kSetupFailed, errno);
            ::_exit(127);
        }
        if (grandchild == 0) execGrandchild(fds[1], args.data(), dir.constData(), log.constData());
        report(fds[1], kPid, int(grandchild));
        // Exiting at once makes init the grandchild's parent: nobody here has to reap it.
        ::_exit(0);
    }
    ::close(fds[1]);
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }

    qint64 pid = 0;
    int failure = 0;
    int message[2];
    for (;;) {
        const ssize_t n = ::read(fds[0], message, sizeof message);
        if (n < 0 && errno == EINTR) continue;
        if (n != ssize_t(sizeof message)) break;  // EOF: the grandchild has exec'd or exited
        if (message[0] == kPid) pid = message[1];
        if (message[0] == kSetupFailed || message[0] == kExecFailed) failure = message[1];
    }
    ::close(fds[0]);
    if (failure != 0 || pid <= 0) {
        return cannotStart(argv.front(), systemError(failure ? failure : ECHILD));
    }
    return pid;
}

}  // namespace tb
