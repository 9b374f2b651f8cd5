// HostReport: the warnings a user needs before training on a host, and the `--json` shape.

#include "host_probe_report.h"

#include <QJsonArray>

namespace tb {

namespace {

constexpr double kDiskNearlyFull = 0.10;
constexpr double kInodesNearlyOut = 0.05;

QString percent(double fraction) {
    return QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

void addDiskWarnings(const ProbedDisk& disk, const QString& label, QStringList& warnings) {
    if (disk.totalBytes > 0 && disk.freeFraction() < kDiskNearlyFull)
        warnings.append(HostReport::tr("%1 %2 is nearly full: %3 free of %4 (%5). Free space "
                                       "there before uploading data or saving checkpoints.")
                            .arg(label, disk.mount, gib(disk.freeBytes), gib(disk.totalBytes),
                                 percent(disk.freeFraction())));
    const double inodes = disk.freeInodeFraction();
    if (inodes >= 0 && inodes < kInodesNearlyOut)
        warnings.append(HostReport::tr("%1 %2 is running out of inodes: %3 of %4 free (%5). A "
                                       "dataset of many small files will not fit; pack it into "
                                       "an archive or delete files there.")
                            .arg(label, disk.mount, QString::number(disk.freeInodes),
                                 QString::number(disk.totalInodes), percent(inodes)));
}

}  // namespace

const ProbedDisk* HostReport::systemDisk() const {
    for (const ProbedDisk& disk : disks)
        if (disk.role == DiskRole::System) return &disk;
    return nullptr;
}

const ProbedDisk* HostReport::dataDisk() const {
    for (const ProbedDisk& disk : disks)
        if (disk.role == DiskRole::Data) return &disk;
    return systemDisk();
}

QStringList HostReport::warnings() const {
    QStringList result;
    if (gpus.isEmpty()) {
        result.append(gpuError.isEmpty()
                          ? tr("No GPU visible: nvidia-smi is not installed or lists no GPU. "
                               "Training here would run on the CPU.")
                          : tr("No GPU visible: nvidia-smi says \"%1\". Training here would "
                               "run on the CPU.")
                                .arg(gpuError));
    }
    const ProbedDisk* data = dataDisk();
    if (data) addDiskWarnings(*data, tr("Data disk"), result);
    const ProbedDisk* system = systemDisk();
    if (system && system != data) addDiskWarnings(*system, tr("System disk"), result);
    if (!gpus.isEmpty()) {
        for (const ProbedPython& python : pythons) {
            if (python.torchVersion.isEmpty()) continue;
            if (python.torchCuda.isEmpty())
                result.append(tr("torch %1 at %2 is built without CUDA, but this host "
                                 "has %3 GPU(s): install a CUDA build of torch.")
                                  .arg(python.torchVersion, python.path)
                                  .arg(gpus.size()));
            else if (!python.torchCudaAvailable)
                result.append(tr("torch %1 at %2 (CUDA %3) cannot use the GPUs; the "
                                 "driver %4 supports CUDA %5 at most.")
                                  .arg(python.torchVersion, python.path, python.torchCuda,
                                       driverVersion, cudaVersion));
        }
    }
    for (const ProbedPython& python : pythons)
        if (python.timedOut)
            result.append(tr("%1 did not answer in time; its torch is unknown.").arg(python.path));
    return result;
}

QJsonObject HostReport::toJson() const {
    QJsonArray diskArray;
    for (const ProbedDisk& disk : disks)
        diskArray.append(QJsonObject{{QStringLiteral("filesystem"), disk.filesystem},
                                     {QStringLiteral("mount"), disk.mount},
                                     {QStringLiteral("role"), diskRoleName(disk.role)},
                                     {QStringLiteral("totalBytes"), disk.totalBytes},
                                     {QStringLiteral("freeBytes"), disk.freeBytes},
                                     {QStringLiteral("totalInodes"), disk.totalInodes},
                                     {QStringLiteral("freeInodes"), disk.freeInodes}});
    QJsonArray gpuArray;
    for (const ProbedGpu& gpu : gpus)
        gpuArray.append(QJsonObject{{QStringLiteral("index"), gpu.index},
                                    {QStringLiteral("name"), gpu.name},
                                    {QStringLiteral("memoryMiB"), gpu.memoryMiB}});
    QJsonArray pythonArray;
    for (const ProbedPython& python : pythons)
        pythonArray.append(QJsonObject{{QStringLiteral("path"), python.path},
                                       {QStringLiteral("version"), python.version},
                                       {QStringLiteral("torch"), python.torchVersion},
                                       {QStringLiteral("torchCuda"), python.torchCuda},
                                       {QStringLiteral("cudaAvailable"), python.torchCudaAvailable},
                                       {QStringLiteral("timedOut"), python.timedOut}});
    const ProbedDisk* data = dataDisk();
    return QJsonObject{
        {QStringLiteral("os"), os},
        {QStringLiteral("kernel"), kernel},
        {QStringLiteral("machine"), machine},
        {QStringLiteral("cpus"), cpus},
        {QStringLiteral("memTotalBytes"), memTotalBytes},
        {QStringLiteral("memAvailableBytes"), memAvailableBytes},
        {QStringLiteral("disks"), diskArray},
        {QStringLiteral("dataDisk"), data ? data->mount : QString()},
        {QStringLiteral("gpus"), gpuArray},
        {QStringLiteral("driver"), driverVersion},
        {QStringLiteral("cuda"), cudaVersion},
        {QStringLiteral("pythons"), pythonArray},
        {QStringLiteral("tools"), QJsonArray::fromStringList(toolsFound)},
        {QStringLiteral("toolsMissing"), QJsonArray::fromStringList(toolsMissing)},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings())},
    };
}

}  // namespace tb
