// Warmup, step and cosine learning-rate schedules.
#include "lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace tb {

double learningRateAt(const ScheduleConfig& schedule, const SchedulePlan& plan, int64_t step) {
    const int64_t warmup = schedule.warmupSteps;
    if (warmup > 0 && step < warmup) {
        return plan.baseLr * static_cast<double>(step + 1) / static_cast<double>(warmup);
    }
    if (schedule.kind == "step") {
        const int64_t epoch = step / std::max<int64_t>(1, plan.stepsPerEpoch);
        return plan.baseLr * std::pow(schedule.gamma, static_cast<double>(epoch / schedule.stepSize));
    }
    if (schedule.kind == "cosine") {
        const int64_t span = std::max<int64_t>(1, plan.totalSteps - warmup);
        const double t = std::clamp(static_cast<double>(step - warmup) / span, 0.0, 1.0);
        return plan.baseLr * 0.5 * (1.0 + std::cos(M_PI * t));
    }
    return plan.baseLr;
}

}  // namespace tb
