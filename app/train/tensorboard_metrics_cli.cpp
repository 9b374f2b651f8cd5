// The TensorBoard side of script runs' metrics (see the header).
#include "tensorboard_metrics_cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <ctime>

#include "core/protocol/run_layout.h"
#include "core/protocol/tb_follow.h"
#include "metrics_sink.h"

namespace tb {
namespace {

volatile std::sig_atomic_t g_stop = 0;

extern "C" void onStop(int) {
    g_stop = 1;
}

void logLine(const std::string& path, const std::string& text) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return;
    const std::string line = "trainbench: " + text + "\n";
    [[maybe_unused]] const ssize_t n = ::write(fd, line.data(), line.size());
    ::close(fd);
}

}  // namespace

int runMetricsFromTensorboard(const std::vector<std::string>& folders, const std::string& runDir) {
    std::signal(SIGHUP, SIG_IGN);
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGTERM, onStop);
    const RunLayout layout{runDir};
    const pid_t parent = ::getppid();
    // A second of slack: file times may be coarser than the clock.
    TbEventFollower follower(folders, unixNow() - 1);
    MetricsSink sink(layout.metrics(), [&layout](const std::string& error) {
        logLine(layout.outputLog(),
                "tensorboard: " + error + "; no more metrics are taken from event files");
    });
    size_t files = 0;
    for (;;) {
        const bool last =
            g_stop || ::access(layout.exitCode().c_str(), F_OK) == 0 || ::getppid() != parent;
        sink.append(follower.poll());
        if (follower.fileCount() > files) {
            files = follower.fileCount();
            logLine(layout.outputLog(),
                    "tensorboard: curves from " + std::to_string(files) + " event file(s)");
        }
        for (const std::string& note : follower.takeNotes())
            logLine(layout.outputLog(), "tensorboard: " + note);
        if (last) return 0;
        const timespec second{1, 0};
        ::nanosleep(&second, nullptr);  // a SIGTERM cuts it short
    }
}

}  // namespace tb
