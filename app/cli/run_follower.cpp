// RunFollower: prints a run's log, metrics and progress until the run ends.
#include "run_follower.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <unistd.h>

#include "cli_common.h"
#include "runs/run_reader.h"

namespace tb::cli {

void FileFollower::skipToEnd() {
    m_offset = QFileInfo(m_path).size();
    m_partial.clear();
}

QByteArray FileFollower::readNew() {
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    // A file that shrank was replaced (a resume trims metrics); start again from its top.
    if (file.size() < m_offset) {
        m_offset = 0;
        m_partial.clear();
    }
    if (!file.seek(m_offset)) return {};
    const QByteArray bytes = file.readAll();
    m_offset += bytes.size();
    return bytes;
}

QByteArray FileFollower::readNewLines() {
    m_partial += readNew();
    const qsizetype end = m_partial.lastIndexOf('\n');
    if (end < 0) return {};
    const QByteArray lines = m_partial.left(end + 1);
    m_partial.remove(0, end + 1);
    return lines;
}

ProgressLine::ProgressLine() : m_tty(::isatty(STDOUT_FILENO) == 1) {
}

bool ProgressLine::take(const QJsonObject& record) {
    if (!record.value(QLatin1String("step")).isDouble()) return false;
    m_step = qint64(record.value(QLatin1String("step")).toDouble());
    m_epoch = qint64(record.value(QLatin1String("epoch")).toDouble(double(m_epoch)));
    m_loss = record.value(QLatin1String("train/loss")).toDouble(m_loss);
    m_valAcc = record.value(QLatin1String("val/acc")).toDouble(m_valAcc);
    return true;
}

void ProgressLine::takeLines(const QByteArray& lines) {
    for (const QByteArray& line : lines.split('\n')) take(QJsonDocument::fromJson(line).object());
    show(false);
}

void ProgressLine::show(bool final) {
    if (m_step < 0) return;
    const QString line = QStringLiteral("epoch %1  step %2  train/loss %3  val/acc %4")
                             .arg(m_epoch)
                             .arg(m_step)
                             .arg(formatNumber(m_loss), formatNumber(m_valAcc));
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
    for (const QByteArray& line : lines.split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (!m_progress.take(record) || !m_options.printMetrics) continue;
        QString text = QStringLiteral("metrics step %1")
                           .arg(qint64(record.value(QLatin1String("step")).toDouble()));
        for (auto it = record.begin(); it != record.end(); ++it) {
            if (it.key() == QLatin1String("step") || it.key() == QLatin1String("time")) continue;
            if (it.value().isDouble())
                text += QStringLiteral(" %1=%2").arg(it.key(), formatNumber(it.value().toDouble()));
        }
        printOut(text + QLatin1Char('\n'));
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
            printErr(QStringLiteral("stopped following; run %1 goes on (trainbench stop %1 "
                                    "stops it)")
                         .arg(m_id));
            return 130;
        }
        QThread::msleep(250);
    }
    if (m_options.progressLine) m_progress.show(true);
    const std::string_view state = runStateName(info.state);
    QString summary = QStringLiteral("run %1 %2")
                          .arg(m_id, QString::fromLatin1(state.data(), qsizetype(state.size())));
    if (!info.message.isEmpty()) summary += QLatin1String(": ") + info.message;
    printOut(summary + QLatin1Char('\n'));
    return exitStatusOf(info);
}

}  // namespace tb::cli
