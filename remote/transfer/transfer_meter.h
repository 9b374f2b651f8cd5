#pragma once
// TransferMeter: bytes done, speed over the last seconds and ETA, reported a few times a second.

#include "remote/ssh/transfer_types.h"

#include <QElapsedTimer>

#include <deque>
#include <functional>
#include <utility>

namespace tb {

class TransferMeter {
public:
    using Report = std::function<void(const TransferProgress&)>;

    TransferMeter(Report report, qint64 bytesTotal, QString phase);

    void setPhase(const QString& phase);
    void add(qint64 bytes);
    void finish();  // always reports, so the last figure shown is the true one

    qint64 bytesDone() const { return m_done; }
    double averageBytesPerSecond() const;

private:
    void emitProgress();

    Report m_report;
    TransferProgress m_progress;
    qint64 m_done = 0;
    QElapsedTimer m_clock;
    qint64 m_lastReportMs = -1;
    std::deque<std::pair<qint64, qint64>> m_samples;  // (ms, bytes done) for the recent speed
};

}  // namespace tb
