// GpuSampleParser: turns nvidia-smi --query-gpu CSV output (noheader, nounits) into samples.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringList>

#include <optional>

#include "gpu_sample.h"

namespace tb {

// The exact query the GPU sources run; the column order here is what parseLine expects.
inline constexpr const char* kGpuQueryFields =
    "index,name,utilization.gpu,memory.used,memory.total,temperature.gpu,power.draw";

// The arguments of the one long-lived query, locally and on a remote box alike: every GPU,
// once a second, CSV without header or units.
QStringList nvidiaSmiQueryArguments();

class GpuSampleParser {
public:
    // One line without its '\n'. Empty when it is not a sample (header, error text, a
    // line cut short).
    static std::optional<GpuSample> parseLine(QByteArrayView line);

    // Streaming: bytes as they come off the pipe. Returns the samples of the lines completed
    // by this chunk; a trailing partial line waits for the next chunk.
    QList<GpuSample> feed(QByteArrayView bytes);

    qsizetype rejectedLines() const { return m_rejected; }
    QByteArray lastRejectedLine() const { return m_lastRejected; }

private:
    QByteArray m_pending;
    qsizetype m_rejected = 0;
    QByteArray m_lastRejected;
};

}  // namespace tb
