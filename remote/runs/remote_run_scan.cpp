// Parses a remote scan (see remote_run_scripts.h for the frames) into RunInfo.
#include "remote_run_scan.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

#include "core/runs/fail_text.h"
#include "core/runs/run_reader.h"
#include "remote_run_frames.h"
#include "slurm_state.h"

namespace tb {
namespace {

// The messages of a host's run list: a scan that cannot be read, a run found lost.
struct RemoteRunScan {
    Q_DECLARE_TR_FUNCTIONS(RemoteRunScan)
};

constexpr qsizetype kScanTailBytes = 4096;  // what the scan script sends of metrics.jsonl

QJsonObject jsonObject(const QByteArray& text) {
    return QJsonDocument::fromJson(text).object();
}

// The same conclusion the local reader draws: a live state, a pid, no exit code, no process.
void concludeLost(RunInfo& info, bool alive, bool hasExitCode, const QString& hostName) {
    if (info.state != RunState::Running && info.state != RunState::Starting) return;
    if (info.pid <= 0 || hasExitCode || alive) return;
    info.state = RunState::Lost;
    if (info.message.isEmpty()) info.message = lostMessage(info.pid, hostName);
}

}  // namespace

QString lostMessage(qint64 pid, const QString& hostName) {
    //: %1 is a process id, %2 a host's name
    return RemoteRunScan::tr(
               "process %1 on %2 ended without recording an exit status: it was "
               "killed (out of memory, kill -9) or the box restarted; resume it "
               "from its latest checkpoint")
        .arg(QString::number(pid), hostName);
}

Result<RemoteScan> parseRemoteScan(const QByteArray& output, const QString& hostName) {
    auto frames = parseRemoteFrames(output);
    if (!frames)
        return failText(RemoteRunScan::tr("scanning runs on %1: %2")
                            .arg(hostName, QString::fromStdString(frames.error())));
    RemoteScan scan;
    RunInfo* run = nullptr;
    bool hasExitCode = false;
    for (const RemoteFrame& frame : *frames) {
        if (frame.key == "root") {
            scan.root = QString::fromUtf8(frame.value);
        } else if (frame.key == "run") {
            scan.runs.append(RunInfo{});
            run = &scan.runs.back();
            hasExitCode = false;
            run->id = QString::fromUtf8(frame.value);
            run->dir = scan.root + QLatin1Char('/') + run->id;
            run->target = hostName;
        } else if (!run) {
            //: %2 is a word of the box's answer (status, tail, ...)
            return failText(RemoteRunScan::tr("scanning runs on %1: %2 before any run")
                                .arg(hostName, QString::fromUtf8(frame.key)));
        } else if (frame.key == "runjson") {
            applyRunJson(jsonObject(frame.value), *run);
            if (!jsonObject(frame.value).contains(QLatin1String("target"))) run->target = hostName;
        } else if (frame.key == "status") {
            applyStatusJson(jsonObject(frame.value), *run);
        } else if (frame.key == "slurm") {
            if (const auto slurm = parseSlurmFrame(frame.value)) applySlurmState(*slurm, *run);
        } else if (frame.key == "exit") {
            hasExitCode = true;
            bool ok = false;
            const int code = frame.value.trimmed().toInt(&ok);
            if (run->exitCode < 0 && ok) run->exitCode = code;
        } else if (frame.key == "tail") {
            // The shell dropped the last newline; a tail of a full 4 KiB starts mid-line.
            applyMetricsTail(frame.value + '\n', frame.value.size() >= kScanTailBytes - 1, *run);
        } else if (frame.key == "alive") {
            concludeLost(*run, frame.value == "1", hasExitCode, hostName);
            run = nullptr;
        }
    }
    // Run ids start with their creation time, so the newest sort last.
    std::sort(scan.runs.begin(), scan.runs.end(),
              [](const RunInfo& a, const RunInfo& b) { return a.id > b.id; });
    return scan;
}

}  // namespace tb
