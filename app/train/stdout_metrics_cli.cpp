// The output filter of script runs: tee to output.log plus regex metrics (see the header).
#include "stdout_metrics_cli.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

#include "core/protocol/run_layout.h"
#include "core/protocol/stdout_metrics.h"
#include "metrics_sink.h"

namespace tb {
namespace {

void writeAll(int fd, const char* data, size_t size) {
    while (fd >= 0 && size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;  // a full disk loses log text, never the run
        data += n;
        size -= static_cast<size_t>(n);
    }
}

void note(int log, const std::string& text) {
    const std::string line = "trainbench: " + text + "\n";
    writeAll(log, line.data(), line.size());
}

}  // namespace

int runMetricsFromStdout(const std::string& pattern, const std::string& runDir) {
    // The command's end, not a signal, ends the filter: a stop sent to the run must not cut
    // off its last lines, and a closed terminal (SIGHUP) must not break its output.
    std::signal(SIGHUP, SIG_IGN);
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    const RunLayout layout{runDir};
    const int log =
        ::open(layout.outputLog().c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    auto metrics = StdoutMetrics::create(pattern);
    if (!metrics) note(log, metrics.error() + "; the output is kept, no metrics are taken");
    MetricsSink sink(layout.metrics(), [log](const std::string& error) {
        note(log, "metrics regex: " + error + "; no more metrics are taken");
    });
    char buffer[1 << 16];
    bool lineOpen = false;  // the output so far ends inside a line
    for (;;) {
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        writeAll(log, buffer, static_cast<size_t>(n));
        lineOpen = buffer[n - 1] != '\n';
        if (metrics) sink.append(metrics->feed({buffer, static_cast<size_t>(n)}, unixNow()));
    }
    if (metrics) {
        sink.append(metrics->finish(unixNow()));
        if (metrics->skippedValues() > 0) {
            if (lineOpen) writeAll(log, "\n", 1);
            note(log, "metrics regex: " + std::to_string(metrics->records()) + " records; " +
                          std::to_string(metrics->skippedValues()) +
                          " matched values were not numbers and were skipped (first: " +
                          metrics->firstSkipped() + ")");
        }
    }
    if (log >= 0) ::close(log);
    return metrics ? 0 : 2;
}

}  // namespace tb
