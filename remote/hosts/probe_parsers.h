#pragma once
// Pure parsers for the preflight probe's output: marked sections in, a HostReport out.

#include "host_probe_report.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tb {

// `nvidia-smi --query-gpu=index,name,memory.total,driver_version --format=csv,noheader,nounits`.
// Lines that are not GPU rows (nvidia-smi's own errors) go to `error`.
QList<ProbedGpu> parseNvidiaSmiGpus(const QStringList& lines, QString* driver, QString* error);
// "CUDA Version: 12.2" from nvidia-smi's table header.
QString parseCudaVersion(const QStringList& lines);
QList<ProbedPython> parsePythons(const QStringList& lines);

HostReport parseProbeOutput(const QString& output);

}  // namespace tb
