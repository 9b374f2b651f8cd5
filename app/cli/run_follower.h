#pragma once
// Follows one run from the terminal: output.log, metrics.jsonl and status.json by byte offset
// until the run reaches a final state.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cmath>

#include "core/metrics/byte_tail.h"
#include "core/metrics/metrics_parser.h"

namespace tb::cli {

struct FollowOptions {
    bool printLog = false;      // output.log as it grows
    bool printMetrics = false;  // one line per metrics record
    bool progressLine = false;  // one live "epoch/step/loss" line
    bool fromEnd = false;       // skip what the files already hold
};

// Reads what was appended to a file since the last call, through a ByteTail: a file replaced
// or truncated (a resume trims metrics) is read again from its top.
class FileFollower {
public:
    explicit FileFollower(QString path);
    void skipToEnd();
    QByteArray readNew();       // every new byte
    QByteArray readNewLines();  // only complete lines; a partial last line waits for its '\n'

private:
    QByteArray read(bool wholeLines);

    QString m_path;
    ByteTail m_bytes;
};

// "epoch 3  step 1200  train/loss 0.31  val/acc 0.91": rewritten in place on a terminal (one
// live line, not thousands); a line per epoch when redirected, so a log file stays readable.
class ProgressLine {
public:
    ProgressLine();
    // Takes record `record` of a batch `parser` filled.
    void take(const MetricsBatch& batch, std::size_t record, const MetricsParser& parser);
    // Each complete metrics.jsonl line in `lines` (read with the app's MetricsParser), then
    // the line shown.
    void takeLines(QByteArrayView lines);
    void show(bool final);
    bool onTerminal() const { return m_tty; }

private:
    MetricsParser m_parser;  // for takeLines
    MetricsBatch m_batch;
    bool m_tty = false;
    qint64 m_epoch = 0;
    qint64 m_step = -1;
    qint64 m_shownEpoch = -1;  // what the last line printed to a non-terminal showed
    qint64 m_shownStep = -1;
    double m_loss = std::nan("");
    double m_valAcc = std::nan("");
};

class RunFollower {
public:
    RunFollower(const QString& runDir, const FollowOptions& options);
    // Blocks until the run ends (returns its exit status) or SIGINT (returns 130).
    int follow();

private:
    void poll();

    QString m_dir;
    QString m_id;
    FollowOptions m_options;
    FileFollower m_log;
    FileFollower m_metrics;
    MetricsParser m_parser;
    MetricsBatch m_batch;
    ProgressLine m_progress;
};

}  // namespace tb::cli
