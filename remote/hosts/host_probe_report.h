#pragma once
// HostReport: what a preflight probe learnt about a remote host, its warnings and its JSON form.

#include "remote/transfer/disk_usage.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace tb {

struct ProbedGpu {
    int index = 0;
    QString name;
    qint64 memoryMiB = 0;
};

struct ProbedPython {
    QString path;
    QString version;       // "3.10.8"; empty when the interpreter did not answer
    QString torchVersion;  // empty: torch not importable
    bool torchCudaAvailable = false;
    QString torchCuda;  // CUDA version torch was built with; empty for CPU-only builds
    bool timedOut = false;
};

struct HostReport {
    Q_DECLARE_TR_FUNCTIONS(HostReport)

public:
    QString os;  // PRETTY_NAME from /etc/os-release
    QString kernel;
    QString machine;
    int cpus = 0;
    qint64 memTotalBytes = 0;
    qint64 memAvailableBytes = 0;
    QList<ProbedDisk> disks;
    QList<ProbedGpu> gpus;
    QString gpuError;  // what nvidia-smi said when it ran but listed no GPU
    QString driverVersion;
    QString cudaVersion;  // the highest CUDA the driver supports, from nvidia-smi's header
    QList<ProbedPython> pythons;
    QStringList toolsFound;
    QStringList toolsMissing;

    const ProbedDisk* systemDisk() const;
    const ProbedDisk* dataDisk() const;  // the system disk when the host has no separate one

    // Plain sentences a user can act on; empty when nothing looks wrong.
    QStringList warnings() const;
    QJsonObject toJson() const;
};

}  // namespace tb
