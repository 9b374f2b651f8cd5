// RecordPulse: what the end of metrics.jsonl says about a run's health for alerts — metrics that
// went NaN or infinite, when the newest record was written and how often records come.
#pragma once

#include <QByteArrayView>

#include "run_info.h"

namespace tb {

// Fills info.nonFiniteKeys, lastRecordTime and medianRecordGap from whole metrics lines
// (each ending with '\n'; no partial first or last line).
void applyRecordPulse(QByteArrayView lines, RunInfo& info);

}  // namespace tb
