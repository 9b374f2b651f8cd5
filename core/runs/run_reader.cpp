// Reads one run directory into a RunInfo (see docs/RUN_FORMAT.md for the files).
#include "run_reader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>

#include <cerrno>
#include <cmath>
#include <csignal>

#include "core/checkpoints/box_name.h"
#include "record_pulse.h"

namespace tb {
namespace {

struct RunReader {
    Q_DECLARE_TR_FUNCTIONS(RunReader)
};

QJsonObject readJsonObject(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QDateTime fromUnixSeconds(double seconds) {
    if (!(seconds > 0)) return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)));
}

constexpr qint64 kMaxSweepTrial = 9999;  // kMaxSweepTrials - 1
constexpr int kMaxSweepLabel = 256;

void maxInto(double& best, double value) {
    if (std::isnan(best) || value > best) best = value;
}

void readMetricsTail(const QString& path, RunInfo& info) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return;
    const qint64 size = file.size();
    const qint64 start = qMax<qint64>(0, size - kMetricsTailBytes);
    if (!file.seek(start)) return;
    applyMetricsTail(file.read(size - start), start > 0, info);
}

// Sidecars keep the evaluation of every checkpoint still on disk: they cover the val/acc
// records that have scrolled out of the metrics tail.
void readSidecars(const QString& dir, RunInfo& info) {
    const QDir checkpoints(dir + QLatin1String("/checkpoints"));
    const QStringList sidecars =
        checkpoints.entryList({QStringLiteral("ckpt-*.json")}, QDir::Files);
    for (const QString& name : sidecars) {
        const QJsonObject metrics =
            readJsonObject(checkpoints.filePath(name)).value(QLatin1String("metrics")).toObject();
        const QJsonValue acc = metrics.value(QLatin1String("val/acc"));
        if (acc.isDouble()) maxInto(info.bestValAcc, acc.toDouble());
    }
}

int readExitCodeFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return -1;
    bool ok = false;
    const int code = file.read(32).trimmed().toInt(&ok);
    return ok ? code : -1;
}

// The largest pid this kernel hands out; a pid read from a run folder above it (or below 2)
// names no process of a run: 0 is our own group, -1 every process, and a truncated 2^32 + P
// would be P.
qint64 pidMax() {
    static const qint64 max = [] {
        QFile file(QStringLiteral("/proc/sys/kernel/pid_max"));
        bool ok = false;
        const qint64 value =
            file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong(&ok) : 0;
        return ok && value >= 2 ? value : qint64(4194304);  // the kernel's own ceiling
    }();
    return max;
}

// A whole number in [lo, hi] or `fallback`: NaN, infinities and fractions included.
qint64 boundedInteger(const QJsonValue& value, qint64 lo, qint64 hi, qint64 fallback) {
    if (!value.isDouble()) return fallback;
    const double number = value.toDouble();
    if (!(number >= double(lo) && number <= double(hi)) || number != std::floor(number))
        return fallback;
    return qint64(number);
}

// Absent: 0. Present but no possible process id: kBadPid, which nothing signals or looks up.
qint64 readPid(const QJsonValue& value) {
    if (value.isUndefined() || value.isNull()) return 0;
    const qint64 pid = boundedInteger(value, 0, pidMax(), kBadPid);
    return pid == 0 ? 0 : (pid < 2 ? kBadPid : pid);
}

bool isLocalHost(const QString& host) {
    return host.isEmpty() || host == QSysInfo::machineHostName();
}

bool pidIsGone(qint64 pid) {
    return ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

// A live state whose process has vanished without an exit code: it was SIGKILLed, the machine
// rebooted, or the wrapper itself was killed. Nobody writes "lost"; readers conclude it. The
// wrapper reaps the command and then writes exit_code: while the wrapper lives, a command
// that is gone has ended with a word still to come, however long a busy machine makes it wait.
bool processIsGone(const RunInfo& info, const QString& host, bool hasExitCode) {
    if (info.state != RunState::Running && info.state != RunState::Starting) return false;
    if (info.pid < 2 || hasExitCode || info.target != QLatin1String("local")) return false;
    if (!isLocalHost(host)) return false;
    if (!pidIsGone(info.pid)) return false;
    return info.wrapperPid < 2 || pidIsGone(info.wrapperPid);
}

}  // namespace

// Only lines whose text mentions a key are parsed, so a long tail costs little.
void applyMetricsTail(const QByteArray& tail, bool startsMidFile, RunInfo& info) {
    // A partial first line (the tail starts mid-file) and a last line without '\n' (still
    // being written) are not records yet.
    qsizetype begin = 0;
    if (startsMidFile) begin = tail.indexOf('\n') + 1;
    const qsizetype end = tail.lastIndexOf('\n');
    if (begin <= 0 && startsMidFile) return;
    if (end < begin) return;
    applyRecordPulse(QByteArrayView(tail.constData() + begin, end + 1 - begin), info);

    bool haveLoss = false;
    qsizetype lineEnd = end;
    while (lineEnd > begin) {
        const qsizetype lineStart = qMax(begin, tail.lastIndexOf('\n', lineEnd - 1) + 1);
        const QByteArrayView line(tail.constData() + lineStart, lineEnd - lineStart);
        const bool hasLoss = !haveLoss && line.contains("\"train/loss\"");
        const bool hasAcc = line.contains("\"val/acc\"");
        if (hasLoss || hasAcc) {
            const QJsonObject record = QJsonDocument::fromJson(line.toByteArray()).object();
            const QJsonValue loss = record.value(QLatin1String("train/loss"));
            if (hasLoss && (loss.isDouble() || loss.isNull())) {
                info.trainLossNotFinite = loss.isNull();
                if (loss.isDouble()) info.lastTrainLoss = loss.toDouble();
                haveLoss = true;
            }
            const QJsonValue acc = record.value(QLatin1String("val/acc"));
            if (acc.isDouble()) maxInto(info.bestValAcc, acc.toDouble());
        }
        lineEnd = lineStart - 1;
    }
}

namespace {

// A box writes run.json: each part is cut short and made one line.
QString codeLine(const QJsonObject& code) {
    const auto part = [&](const char* key, int length) {
        return code.value(QLatin1String(key)).toString().left(length).simplified();
    };
    QStringList parts;
    if (const QString commit = part("commit", 12); !commit.isEmpty())
        parts << (part("dirty_diff", 1).isEmpty()
                      ? RunReader::tr("commit %1").arg(commit)
                      : RunReader::tr("commit %1 (uncommitted changes)").arg(commit));
    if (const QString manifest = part("manifest", 12); !manifest.isEmpty()) {
        //: %1 is a number of files, %2 a short hash of their list
        parts << RunReader::tr("%1 files, manifest %2").arg(part("files", 9), manifest);
    }
    return parts.join(QStringLiteral(" · "));
}

}  // namespace

void applyRunJson(const QJsonObject& run, RunInfo& info) {
    info.name = run.value(QLatin1String("name")).toString();
    info.target = run.value(QLatin1String("target")).toString(QStringLiteral("local"));
    const QJsonObject parent = run.value(QLatin1String("parent")).toObject();
    info.parentRun = parent.value(QLatin1String("run")).toString();
    info.parentCheckpoint = parent.value(QLatin1String("checkpoint")).toString();
    info.code = codeLine(run.value(QLatin1String("code")).toObject());
    // A box writes run.json too: a sweep id is one plain folder name, the label one short line.
    const QJsonObject sweep = run.value(QLatin1String("sweep")).toObject();
    const QString id = sweep.value(QLatin1String("id")).toString();
    info.sweepId.clear();
    info.sweepTrial = -1;
    info.sweepLabel.clear();
    if (!isSafeBoxName(BoxNameKind::RunId, id)) return;  // ids are made like run ids
    info.sweepId = id;
    info.sweepTrial =
        int(boundedInteger(sweep.value(QLatin1String("trial")), 0, kMaxSweepTrial, -1));
    info.sweepLabel =
        sweep.value(QLatin1String("label")).toString().left(kMaxSweepLabel).simplified();
}

void applyStatusJson(const QJsonObject& status, RunInfo& info) {
    const auto state =
        runStateFromName(status.value(QLatin1String("state")).toString().toStdString());
    info.state = state.value_or(RunState::Queued);
    info.pid = readPid(status.value(QLatin1String("pid")));
    info.pgid = readPid(status.value(QLatin1String("pgid")));
    info.wrapperPid = readPid(status.value(QLatin1String("wrapper_pid")));
    info.started = fromUnixSeconds(status.value(QLatin1String("started")).toDouble());
    info.ended = fromUnixSeconds(status.value(QLatin1String("ended")).toDouble());
    constexpr qint64 kMaxCount = qint64(1) << 53;  // exact in a double
    info.epoch = boundedInteger(status.value(QLatin1String("epoch")), 0, kMaxCount, 0);
    info.step = boundedInteger(status.value(QLatin1String("step")), 0, kMaxCount, 0);
    info.message = status.value(QLatin1String("message")).toString();
    const QJsonValue updated = status.value(QLatin1String("updated"));
    if (updated.isDouble() && updated.toDouble() > 0) info.heartbeat = updated.toDouble();
    const QJsonValue exitCode = status.value(QLatin1String("exit_code"));
    info.exitCode = int(boundedInteger(exitCode, 0, 255, info.exitCode));
}

bool isLiveState(RunState state) {
    return state == RunState::Queued || state == RunState::Starting || state == RunState::Running;
}

qint64 statusStamp(const QString& dir) {
    const QFileInfo info(dir + QLatin1String("/status.json"));
    return info.exists() ? info.lastModified().toMSecsSinceEpoch() : -1;
}

bool readRunInfo(const QString& dir, RunInfo& info) {
    const QString runJsonPath = dir + QLatin1String("/run.json");
    const QString statusPath = dir + QLatin1String("/status.json");
    const bool hasRunJson = QFileInfo::exists(runJsonPath);
    const bool hasStatus = QFileInfo::exists(statusPath);
    if (!hasRunJson && !hasStatus) return false;

    info = RunInfo{};
    info.dir = QDir(dir).absolutePath();
    info.id = QFileInfo(info.dir).fileName();

    applyRunJson(readJsonObject(runJsonPath), info);
    const QJsonObject status = readJsonObject(statusPath);
    applyStatusJson(status, info);

    const QString exitCodePath = dir + QLatin1String("/exit_code");
    const bool hasExitCode = QFileInfo::exists(exitCodePath);
    if (info.exitCode < 0 && hasExitCode) info.exitCode = readExitCodeFile(exitCodePath);

    const QJsonObject notes = readJsonObject(dir + QLatin1String("/annotations.json"));
    const QString userName = notes.value(QLatin1String("name")).toString();
    if (!userName.isEmpty()) info.name = userName;
    for (const QJsonValue& tag : notes.value(QLatin1String("tags")).toArray()) {
        info.tags.append(tag.toString());
    }
    info.note = notes.value(QLatin1String("note")).toString();

    const QString host = status.value(QLatin1String("host")).toString();
    if (processIsGone(info, host, hasExitCode)) {
        // The process may have ended between our read of status.json and the look at its pid,
        // writing its last status and exit_code in between: only files read after the pid was
        // seen gone can say it ended without a word.
        const QJsonObject last = readJsonObject(statusPath);
        RunInfo reread = info;
        applyStatusJson(last, reread);
        const bool exitCodeNow = QFileInfo::exists(exitCodePath);
        if (!isLiveState(reread.state) || exitCodeNow) {
            info = reread;
            if (info.exitCode < 0 && exitCodeNow) info.exitCode = readExitCodeFile(exitCodePath);
            // The wrapper writes exit_code before its final status: the code alone says how.
            if (isLiveState(info.state))
                info.state = info.exitCode == 0 ? RunState::Finished : RunState::Failed;
        }
    }
    if (processIsGone(info, host, QFileInfo::exists(exitCodePath))) {
        info.state = RunState::Lost;
        if (info.message.isEmpty()) {
            info.message = RunReader::tr(
                               "process %1 ended without recording an exit status: it "
                               "was killed (out of memory, kill -9) or the machine "
                               "restarted; resume it from its latest checkpoint")
                               .arg(QString::number(info.pid));
        }
    }

    readMetricsTail(dir + QLatin1String("/metrics.jsonl"), info);
    readSidecars(dir, info);
    return true;
}

}  // namespace tb
