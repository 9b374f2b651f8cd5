// GpuSample / SystemSample: one reading of one GPU, or of the host's CPU and memory.
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace tb {

// Fields nvidia-smi reports as [N/A] or [Not Supported] stay empty rather than 0, so a
// laptop GPU without power readings shows "—" instead of a false 0 W.
struct GpuSample {
    int index = -1;
    QString name;
    std::optional<double> utilizationPercent;
    std::optional<double> memoryUsedMiB;
    std::optional<double> memoryTotalMiB;
    std::optional<double> temperatureC;
    std::optional<double> powerW;
};

struct SystemSample {
    std::optional<double> cpuPercent;  // empty on the first reading: usage needs two
    double memoryUsedKiB = 0;
    double memoryTotalKiB = 0;
};

}  // namespace tb

Q_DECLARE_METATYPE(tb::GpuSample)
Q_DECLARE_METATYPE(tb::SystemSample)
