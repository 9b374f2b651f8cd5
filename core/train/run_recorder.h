#pragma once
// Turns trainer events into the run-directory files: metrics.jsonl, status.json heartbeats and,
// when no wrapper captures stdout, output.log lines.

#include <cstdint>
#include <fstream>
#include <string>

#include "core/protocol/metrics_writer.h"
#include "core/protocol/run_layout.h"
#include "core/protocol/run_status.h"
#include "core/protocol/tb_event_writer.h"
#include "trainer.h"

namespace tb {

class RunRecorder : public TrainObserver {
public:
    // `writeLog`: append human log lines to output.log (off when a wrapper already does).
    RunRecorder(RunLayout layout, bool writeLog);

    Result<void> start();  // opens metrics.jsonl, writes status "running" with pid and pgid
    Result<void> finish(RunState state, int exitCode, const std::string& message);
    void log(const std::string& line);
    // Every record also goes to a TensorBoard event file in FOLDER/RUN_ID (train.tensorboard;
    // relative to the run folder). A folder that cannot be written is said once in the log
    // and the run goes on without it.
    void writeTensorboard(const std::string& folder);

    void onPlan(const TrainPlan& plan) override;
    void onRecord(const MetricRecord& record) override;
    void onCheckpoint(const CheckpointEvent& event) override;
    void onMessage(const std::string& line) override { log(line); }

private:
    void writeStatus();
    void reportOnce(const std::string& error);
    void say(const std::string& line);  // to output.log, however it is written

    RunLayout m_layout;
    bool m_writeLog;
    std::ofstream m_log;
    MetricsWriter m_metrics;
    TbEventWriter m_events;
    bool m_eventsOpen = false;
    RunStatus m_status;
    double m_lastHeartbeat = 0;
    bool m_reported = false;
};

}  // namespace tb
