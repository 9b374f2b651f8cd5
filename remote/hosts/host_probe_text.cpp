// formatHostReport: one line per topic, so a user can scan a host before renting it longer.

#include "host_probe_text.h"

namespace tb {

namespace {

QString row(const QString& label, const QString& text) {
    return QStringLiteral("  %1 %2\n").arg(label, -8).arg(text);
}

QString gpuText(const HostReport& report) {
    if (report.gpus.isEmpty()) return QStringLiteral("none");
    QStringList gpus;
    for (const ProbedGpu& gpu : report.gpus)
        gpus.append(
            QStringLiteral("%1: %2 %3 MiB").arg(gpu.index).arg(gpu.name).arg(gpu.memoryMiB));
    return gpus.join(QStringLiteral("; ")) +
           QStringLiteral("  (driver %1, CUDA %2)").arg(report.driverVersion, report.cudaVersion);
}

QString diskText(const ProbedDisk& disk) {
    QString text =
        QStringLiteral("%1 (%2) %3 free of %4")
            .arg(disk.mount, diskRoleName(disk.role), gib(disk.freeBytes), gib(disk.totalBytes));
    if (disk.totalInodes > 0) text += QStringLiteral(", %1 inodes free").arg(disk.freeInodes);
    return text;
}

QString pythonText(const ProbedPython& python) {
    QString text = python.path;
    if (!python.version.isEmpty()) text += QLatin1Char(' ') + python.version;
    if (python.timedOut) return text + QStringLiteral(", did not answer in time");
    if (python.torchVersion.isEmpty()) return text + QStringLiteral(", no torch");
    text += QStringLiteral(", torch ") + python.torchVersion;
    if (python.torchCuda.isEmpty()) return text + QStringLiteral(" (CPU only)");
    return text + QStringLiteral(" (CUDA %1, %2)")
                      .arg(python.torchCuda, python.torchCudaAvailable
                                                 ? QStringLiteral("available")
                                                 : QStringLiteral("NOT available"));
}

}  // namespace

QString formatHostReport(const HostReport& report) {
    QString text;
    text += row(QStringLiteral("OS"),
                QStringLiteral("%1 (%2 %3)").arg(report.os, report.kernel, report.machine));
    text += row(QStringLiteral("CPUs"), QString::number(report.cpus));
    text += row(QStringLiteral("RAM"),
                QStringLiteral("%1 (%2 available)")
                    .arg(gib(report.memTotalBytes), gib(report.memAvailableBytes)));
    text += row(QStringLiteral("GPUs"), gpuText(report));
    for (const ProbedDisk& disk : report.disks) text += row(QStringLiteral("Disk"), diskText(disk));
    for (const ProbedPython& python : report.pythons)
        text += row(QStringLiteral("Python"), pythonText(python));
    if (report.pythons.isEmpty())
        text += row(QStringLiteral("Python"), QStringLiteral("none found"));
    QString tools = report.toolsFound.join(QLatin1Char(' '));
    if (!report.toolsMissing.isEmpty())
        tools += QStringLiteral("  (missing: %1)").arg(report.toolsMissing.join(QLatin1Char(' ')));
    text += row(QStringLiteral("Tools"), tools.trimmed());
    for (const QString& warning : report.warnings())
        text += QStringLiteral("warning: ") + warning + QLatin1Char('\n');
    return text;
}

}  // namespace tb
