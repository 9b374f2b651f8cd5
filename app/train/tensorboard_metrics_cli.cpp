// The TensorBoard side of script runs' metrics (see the header).
#include "tensorboard_metrics_cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
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

// Event files written since the wrapper started the command count: TB_METRICS_SINCE is the
// wrapper's clock then (whole seconds), read before this process and the command start, because
// a loaded box loads LibTorch slowly and the command may write its first files before this
// process's own clock reading. A missing value, or one that is not a time of the last day,
// falls back to now. A second of slack either way: file times may be coarser than the clock.
double sinceTime() {
    const double now = unixNow();
    const char* text = std::getenv("TB_METRICS_SINCE");
    if (!text || !*text) return now - 1;
    double since = 0;
    for (const char* c = text; *c; ++c) {
        if (*c < '0' || *c > '9' || since > now) return now - 1;
        since = since * 10 + (*c - '0');
    }
    constexpr double kDay = 24 * 3600;
    return since <= now && since >= now - kDay ? since - 1 : now - 1;
}

}  // namespace

int runMetricsFromTensorboard(const std::vector<std::string>& folders, const std::string& runDir) {
    std::signal(SIGHUP, SIG_IGN);
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGTERM, onStop);
    const RunLayout layout{runDir};
    const pid_t parent = ::getppid();
    TbEventFollower follower(folders, sinceTime());
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
