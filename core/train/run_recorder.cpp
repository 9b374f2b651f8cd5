// Run-directory bookkeeping for trainbench-train. Std only (plus the protocol layer).
#include "run_recorder.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace tb {

RunRecorder::RunRecorder(RunLayout layout, bool writeLog)
    : m_layout(std::move(layout)), m_writeLog(writeLog) {}

Result<void> RunRecorder::start() {
    if (m_writeLog) m_log.open(m_layout.outputLog(), std::ios::app);
    if (auto opened = m_metrics.open(m_layout.metrics()); !opened) return opened;
    if (auto previous = readStatus(m_layout.statusJson())) m_status = *previous;
    m_status.state = RunState::Running;
    m_status.pid = getpid();
    m_status.pgid = getpgrp();
    m_status.started = unixNow();
    m_status.ended = 0;
    m_status.exitCode.reset();
    m_status.message.clear();
    m_status.updated = m_status.started;
    return tb::writeStatus(m_layout.statusJson(), m_status);
}

Result<void> RunRecorder::finish(RunState state, int exitCode, const std::string& message) {
    m_status.state = state;
    m_status.exitCode = exitCode;
    m_status.ended = m_status.updated = unixNow();
    m_status.message = message;
    if (!message.empty()) log(message);
    m_metrics.close();
    return tb::writeStatus(m_layout.statusJson(), m_status);
}

void RunRecorder::log(const std::string& line) {
    if (m_log.is_open()) m_log << line << '\n' << std::flush;
}

void RunRecorder::writeTensorboard(const std::string& folder) {
    if (folder.empty()) return;
    std::string root = folder;
    if (root.front() != '/') root = m_layout.dir + "/" + root;
    const size_t slash = m_layout.dir.find_last_of('/');
    const std::string runId =
        slash == std::string::npos ? m_layout.dir : m_layout.dir.substr(slash + 1);
    const Result<void> opened = m_events.open(root + "/" + (runId.empty() ? "run" : runId));
    m_eventsOpen = opened.ok();
    say(opened ? "TensorBoard events: " + m_events.path()
               : "no TensorBoard events: " + opened.error());
}

void RunRecorder::say(const std::string& line) {
    if (m_log.is_open())
        log(line);
    else
        std::cerr << line << '\n';  // the wrapper puts it in output.log
}

void RunRecorder::onPlan(const TrainPlan& plan) {
    log("device " + plan.device + ", " + std::to_string(plan.trainSamples) + " train / " +
        std::to_string(plan.valSamples) + " val samples, " + std::to_string(plan.classes) +
        " classes, " + std::to_string(plan.parameters) + " parameters, " +
        std::to_string(plan.totalSteps) + " steps");
}

void RunRecorder::onRecord(const MetricRecord& record) {
    if (auto appended = m_metrics.append(record); !appended) reportOnce(appended.error());
    if (m_eventsOpen) {
        if (auto appended = m_events.append(record); !appended) {
            say("no more TensorBoard events: " + appended.error());
            m_eventsOpen = false;
        }
    }
    m_status.epoch = record.epoch;
    m_status.step = record.step;
    std::string line = "epoch " + std::to_string(record.epoch) + " step " + std::to_string(record.step);
    char value[64];
    for (const auto& [key, number] : record.values) {
        std::snprintf(value, sizeof value, " %s=%.6g", key.c_str(), number);
        line += value;
    }
    log(line);
    // A heartbeat at most once a second: readers use `updated` to see the run is alive.
    if (record.time - m_lastHeartbeat >= 1.0) {
        m_lastHeartbeat = record.time;
        writeStatus();
    }
}

void RunRecorder::onCheckpoint(const CheckpointEvent& event) {
    m_status.epoch = event.epoch;
    m_status.step = event.step;
    log("checkpoint " + event.path);
    writeStatus();
}

void RunRecorder::writeStatus() {
    m_status.updated = unixNow();
    if (auto written = tb::writeStatus(m_layout.statusJson(), m_status); !written) {
        reportOnce(written.error());
    }
}

// Losing a heartbeat is not worth stopping the run for, but the user must hear of it.
void RunRecorder::reportOnce(const std::string& error) {
    if (m_reported) return;
    m_reported = true;
    std::cerr << "trainbench-train: warning: " << error << '\n';
    log("warning: " + error);
}

}  // namespace tb
