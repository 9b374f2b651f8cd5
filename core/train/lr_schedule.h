#pragma once
// Learning rate as a pure function of the step, so a resumed run needs no scheduler state.

#include <cstdint>

#include "core/config/train_config.h"

namespace tb {

struct SchedulePlan {
    double baseLr = 0;
    int64_t stepsPerEpoch = 1;
    int64_t totalSteps = 1;
};

// `step` counts optimizer steps from 0. Linear warmup over schedule.warmup_steps, then:
// none = constant, step = x gamma every step_size epochs, cosine = half cosine to 0.
double learningRateAt(const ScheduleConfig& schedule, const SchedulePlan& plan, int64_t step);

}  // namespace tb
