// RunFollower: prints a run's log, metrics and progress until the run ends.
#include "run_follower.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include <unistd.h>

#include "cli_common.h"
#include "core/runs/run_reader.h"

namespace tb::cli {

namespace {

constexpr qint64 kReadChunk = 1 << 20;

std::string_view asView(QByteArrayView bytes) {
    return {bytes.data(), std::size_t(bytes.size())};
}

// "metrics step 120 train/loss=0.31 val/acc=0.9": every numeric field but step and time, by
// key name.
QString metricsText(const MetricsBatch& batch, std::size_t record, const MetricsParser& parser) {
    std::vector<std::pair<std::string_view, double>> fields;
    for (std::uint32_t i = batch.fieldBegin[record]; i < batch.fieldBegin[record + 1]; ++i) {
        const std::string& key = parser.keyName(batch.fields[i].key);
        if (key != "time") fields.emplace_back(key, batch.fields[i].value);
    }
    std::sort(fields.begin(), fields.end());
    QString text = QStringLiteral("metrics step %1").arg(qint64(batch.steps[record]));
    for (const auto& [key, value] : fields)
        text += QStringLiteral(" %1=%2").arg(QString::fromUtf8(key.data(), qsizetype(key.size())),
                                             formatNumber(value));
    return text + QLatin1Char('\n');
}

}  // namespace

FileFollower::FileFollower(QString path)
    : m_path(std::move(path)), m_bytes(ByteTail::kMetricsMaxLine, ByteTail::LongLine::Skip) {
}

void FileFollower::skipToEnd() {
    m_bytes.restartAt(QFileInfo(m_path).size());
}

QByteArray FileFollower::read(bool wholeLines) {
    QFile file(m_path);
    const TailFileCheck check = m_bytes.openFile(file);
    QByteArray bytes;
    while (m_bytes.readFile(file, check.size, kReadChunk) > 0) {
        if (wholeLines)
            bytes.append(m_bytes.takeLines());
        else
            bytes.append(m_bytes.takeAll());
    }
    return bytes;
}

QByteArray FileFollower::readNew() {
    return read(false);
}

QByteArray FileFollower::readNewLines() {
    return read(true);
}

ProgressLine::ProgressLine() : m_tty(::isatty(STDOUT_FILENO) == 1) {
}

void ProgressLine::take(const MetricsBatch& batch, std::size_t record,
                        const MetricsParser& parser) {
    m_step = qint64(batch.steps[record]);
    const double epoch = batch.value(record, parser.keyId("epoch"), double(m_epoch));
    if (std::isfinite(epoch)) m_epoch = qint64(epoch);
    m_loss = batch.value(record, parser.keyId("train/loss"), m_loss);
    m_valAcc = batch.value(record, parser.keyId("val/acc"), m_valAcc);
}

void ProgressLine::takeLines(QByteArrayView lines) {
    m_batch.clear();
    (void)m_parser.parse(asView(lines), m_batch);  // malformed lines are not shown
    for (std::size_t r = 0; r < m_batch.recordCount(); ++r) take(m_batch, r, m_parser);
    show(false);
}

void ProgressLine::show(bool final) {
    if (m_step < 0) return;
    //: a run's progress: %1 the epoch, %2 the step, %3 the training loss, %4 the validation
    //: accuracy (train/loss and val/acc are metric names, not translated)
    const QString line = Text::tr("epoch %1  step %2  train/loss %3  val/acc %4")
                             .arg(QString::number(m_epoch), QString::number(m_step),
                                  formatNumber(m_loss), formatNumber(m_valAcc));
    if (m_tty) {
        printOut(QLatin1String("\r\033[K") + line + (final ? QStringLiteral("\n") : QString()));
    } else if (m_epoch != m_shownEpoch || (final && m_step != m_shownStep)) {
        printOut(line + QLatin1Char('\n'));
        m_shownEpoch = m_epoch;
        m_shownStep = m_step;
    }
}

RunFollower::RunFollower(const QString& runDir, const FollowOptions& options)
    : m_dir(runDir),
      m_id(QFileInfo(runDir).fileName()),
      m_options(options),
      m_log(runDir + QLatin1String("/output.log")),
      m_metrics(runDir + QLatin1String("/metrics.jsonl")) {
    if (options.fromEnd) {
        m_log.skipToEnd();
        m_metrics.skipToEnd();
    }
}

void RunFollower::poll() {
    if (m_options.printLog) {
        const QByteArray log = m_log.readNew();
        if (!log.isEmpty()) printOut(QString::fromLocal8Bit(log));
    }
    const QByteArray lines = m_metrics.readNewLines();
    m_batch.clear();
    (void)m_parser.parse(asView(lines), m_batch);  // malformed lines are not shown
    for (std::size_t r = 0; r < m_batch.recordCount(); ++r) {
        m_progress.take(m_batch, r, m_parser);
        if (m_options.printMetrics) printOut(metricsText(m_batch, r, m_parser));
    }
    if (m_options.progressLine) m_progress.show(false);
}

int RunFollower::follow() {
    watchInterrupt();
    RunInfo info;
    for (;;) {
        // Status first, files second: once the status is final, the files are complete, and
        // this last poll gets everything.
        const bool known = readRunInfo(m_dir, info);
        poll();
        if (known && !isLiveState(info.state)) break;
        if (interrupted()) {
            if (m_options.progressLine && m_progress.onTerminal()) printOut(QStringLiteral("\n"));
            printErr(Text::tr("stopped following; run %1 goes on (trainbench stop %1 stops it)")
                         .arg(m_id));
            return 130;
        }
        QThread::msleep(250);
    }
    if (m_options.progressLine) m_progress.show(true);
    const std::string_view state = runStateName(info.state);
    const QString stateText = QString::fromLatin1(state.data(), qsizetype(state.size()));
    //: the end of a run: %1 is its id, %2 its state (finished, failed, stopped, lost; not
    //: translated)
    QString summary = Text::tr("run %1 %2").arg(m_id, stateText);
    if (!info.message.isEmpty())
        //: the end of a run: %1 is its id, %2 its state (finished, failed, stopped, lost; not
        //: translated), %3 the run's own message
        summary = Text::tr("run %1 %2: %3").arg(m_id, stateText, info.message);
    printOut(summary + QLatin1Char('\n'));
    return exitStatusOf(info);
}

}  // namespace tb::cli
