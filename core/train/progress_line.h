#pragma once
// The one-line human progress display: epoch, step, loss, accuracy, samples/s and ETA.

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "trainer.h"

namespace tb {

class ProgressLine : public TrainObserver {
public:
    // `live`: redraw one terminal line in place; otherwise print a line per record.
    ProgressLine(std::FILE* out, bool live);

    void onPlan(const TrainPlan& plan) override;
    void onStep(int64_t epoch, int64_t step) override;
    void onRecord(const MetricRecord& record) override;
    void onCheckpoint(const CheckpointEvent& event) override;
    void onMessage(const std::string& line) override { printLine(line); }
    void printLine(const std::string& line);  // a permanent line above the live one

    std::string render(int64_t epoch, int64_t step) const;

private:
    void redraw(int64_t epoch, int64_t step);

    std::FILE* m_out;
    bool m_live;
    TrainPlan m_plan;
    int64_t m_epochs = 0;
    double m_loss = -1;
    double m_acc = -1;
    double m_samplesPerSec = 0;
    int64_t m_epoch = 0;
    int64_t m_step = 0;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
};

}  // namespace tb
