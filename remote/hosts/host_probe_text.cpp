// formatHostReport: one line per topic, so a user can scan a host before renting it longer.

#include "host_probe_text.h"

namespace tb {

namespace {

QString row(const QString& label, const QString& text) {
    return QStringLiteral("  %1 %2\n").arg(label, -8).arg(text);
}

QString gpuText(const HostReport& report) {
    if (report.gpus.isEmpty()) return HostReport::tr("none");
    QStringList gpus;
    for (const ProbedGpu& gpu : report.gpus)
        gpus.append(QStringLiteral("%1: %2 %3 MiB")
                        .arg(QString::number(gpu.index), gpu.name, QString::number(gpu.memoryMiB)));
    //: %1 lists the GPUs, %2 is the driver version, %3 the CUDA version
    return HostReport::tr("%1  (driver %2, CUDA %3)")
        .arg(gpus.join(QStringLiteral("; ")), report.driverVersion, report.cudaVersion);
}

QString diskText(const ProbedDisk& disk) {
    const QString role = diskRoleName(disk.role);
    if (disk.totalInodes > 0)
        //: %1 is the mount point, %2 its role (system or data), %3 and %4 sizes, %5 a count
        return HostReport::tr("%1 (%2) %3 free of %4, %5 inodes free")
            .arg(disk.mount, role, gib(disk.freeBytes), gib(disk.totalBytes),
                 QString::number(disk.freeInodes));
    //: %1 is the mount point, %2 its role (system or data), %3 and %4 sizes
    return HostReport::tr("%1 (%2) %3 free of %4")
        .arg(disk.mount, role, gib(disk.freeBytes), gib(disk.totalBytes));
}

QString pythonText(const ProbedPython& python) {
    QString text = python.path;
    if (!python.version.isEmpty()) text += QLatin1Char(' ') + python.version;
    //: %1 is a Python's path and version
    if (python.timedOut) return HostReport::tr("%1, did not answer in time").arg(text);
    //: %1 is a Python's path and version
    if (python.torchVersion.isEmpty()) return HostReport::tr("%1, no torch").arg(text);
    //: %1 is a Python's path and version, %2 the torch version
    if (python.torchCuda.isEmpty())
        return HostReport::tr("%1, torch %2 (CPU only)").arg(text, python.torchVersion);
    if (python.torchCudaAvailable)
        //: %1 is a Python's path and version, %2 the torch version, %3 its CUDA version
        return HostReport::tr("%1, torch %2 (CUDA %3, available)")
            .arg(text, python.torchVersion, python.torchCuda);
    //: %1 is a Python's path and version, %2 the torch version, %3 its CUDA version
    return HostReport::tr("%1, torch %2 (CUDA %3, NOT available)")
        .arg(text, python.torchVersion, python.torchCuda);
}

}  // namespace

QString formatHostReport(const HostReport& report) {
    QString text;
    text += row(HostReport::tr("OS"),
                QStringLiteral("%1 (%2 %3)").arg(report.os, report.kernel, report.machine));
    text += row(HostReport::tr("CPUs"), QString::number(report.cpus));
    //: %1 is the total memory, %2 what is free of it
    const QString memory = HostReport::tr("%1 (%2 available)")
                               .arg(gib(report.memTotalBytes), gib(report.memAvailableBytes));
    text += row(HostReport::tr("RAM"), memory);
    text += row(HostReport::tr("GPUs"), gpuText(report));
    for (const ProbedDisk& disk : report.disks) text += row(HostReport::tr("Disk"), diskText(disk));
    for (const ProbedPython& python : report.pythons)
        text += row(HostReport::tr("Python"), pythonText(python));
    if (report.pythons.isEmpty())
        text += row(HostReport::tr("Python"), HostReport::tr("none found"));
    QString tools = report.toolsFound.join(QLatin1Char(' '));
    if (!report.toolsMissing.isEmpty())
        //: %1 lists the tools found, %2 those missing
        tools = HostReport::tr("%1  (missing: %2)")
                    .arg(tools, report.toolsMissing.join(QLatin1Char(' ')));
    text += row(HostReport::tr("Tools"), tools.trimmed());
    for (const QString& warning : report.warnings())
        text += HostReport::tr("warning: %1").arg(warning) + QLatin1Char('\n');
    return text;
}

}  // namespace tb
