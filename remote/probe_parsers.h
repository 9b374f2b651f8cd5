#pragma once
// Pure parsers for the preflight probe's output: marked sections in, a HostReport out.

#include "remote/host_probe_report.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace tb {

// "@@name" lines open sections; the lines up to the next marker belong to it.
QHash<QString, QStringList> splitProbeSections(const QString& output);

// `df -P -B1` and `df -P -i` joined by mount; pseudo filesystems dropped; roles guessed.
QList<ProbedDisk> parseDisks(const QStringList& dfBytes, const QStringList& dfInodes);
// `nvidia-smi --query-gpu=index,name,memory.total,driver_version --format=csv,noheader,nounits`.
// Lines that are not GPU rows (nvidia-smi's own errors) go to `error`.
QList<ProbedGpu> parseNvidiaSmiGpus(const QStringList& lines, QString* driver, QString* error);
// "CUDA Version: 12.2" from nvidia-smi's table header.
QString parseCudaVersion(const QStringList& lines);
QList<ProbedPython> parsePythons(const QStringList& lines);

HostReport parseProbeOutput(const QString& output);

}  // namespace tb
