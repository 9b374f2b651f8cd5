// Probe parsers: tolerant of missing sections and odd lines, since hosts differ widely.

#include "probe_parsers.h"

#include <QRegularExpression>

namespace tb {

namespace {

QStringList fields(const QString& line) {
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

}  // namespace

QList<ProbedGpu> parseNvidiaSmiGpus(const QStringList& lines, QString* driver, QString* error) {
    QList<ProbedGpu> gpus;
    QStringList errors;
    for (const QString& line : lines) {
        const QStringList parts = line.split(QLatin1Char(','));
        bool indexOk = false;
        bool memoryOk = false;
        ProbedGpu gpu;
        if (parts.size() >= 4) {
            gpu.index = parts.first().trimmed().toInt(&indexOk);
            gpu.memoryMiB = parts[parts.size() - 2].trimmed().toLongLong(&memoryOk);
            // A name with a comma in it keeps its pieces.
            gpu.name = parts.mid(1, parts.size() - 3).join(QLatin1Char(',')).trimmed();
        }
        if (!indexOk || !memoryOk) {
            errors.append(line.trimmed());
            continue;
        }
        if (driver && driver->isEmpty()) *driver = parts.last().trimmed();
        gpus.append(gpu);
    }
    if (error && gpus.isEmpty()) *error = errors.join(QLatin1Char(' '));
    return gpus;
}

QString parseCudaVersion(const QStringList& lines) {
    static const QRegularExpression pattern(QStringLiteral("CUDA Version:\\s*([0-9.]+)"));
    for (const QString& line : lines) {
        const QRegularExpressionMatch match = pattern.match(line);
        if (match.hasMatch()) return match.captured(1);
    }
    return {};
}

QList<ProbedPython> parsePythons(const QStringList& lines) {
    QList<ProbedPython> pythons;
    for (const QString& line : lines) {
        const QString key = line.section(QLatin1Char(' '), 0, 0);
        const QString value = line.section(QLatin1Char(' '), 1).trimmed();
        if (key == QLatin1String("path")) {
            pythons.append(ProbedPython{});
            pythons.last().path = value;
            continue;
        }
        if (pythons.isEmpty()) continue;
        ProbedPython& python = pythons.last();
        if (key == QLatin1String("version")) {
            python.version = value;
        } else if (key == QLatin1String("torch")) {
            const QStringList parts = fields(value);
            if (parts.size() < 3) continue;
            python.torchVersion = parts[0];
            python.torchCudaAvailable = parts[1] == QLatin1String("True");
            python.torchCuda = parts[2] == QLatin1String("None") ? QString() : parts[2];
        } else if (key == QLatin1String("exit")) {
            // 124 is timeout(1)'s own status: the import hung (a broken driver can do that).
            python.timedOut = value == QLatin1String("124");
        }
    }
    return pythons;
}

HostReport parseProbeOutput(const QString& output) {
    const QHash<QString, QStringList> sections = splitProbeSections(output);
    HostReport report;
    for (const QString& line : sections.value(QStringLiteral("os"))) {
        if (line.startsWith(QLatin1String("PRETTY_NAME="))) {
            report.os = line.mid(12).trimmed();
            if (report.os.size() >= 2 &&
                (report.os.startsWith(QLatin1Char('"')) || report.os.startsWith(QLatin1Char('\''))))
                report.os = report.os.mid(1, report.os.size() - 2);
        } else if (report.kernel.isEmpty()) {
            const QStringList parts = fields(line);
            if (parts.size() >= 3) {
                report.kernel = parts.mid(0, parts.size() - 1).join(QLatin1Char(' '));
                report.machine = parts.last();
            }
        }
    }
    report.cpus = sections.value(QStringLiteral("cpu")).value(0).trimmed().toInt();
    for (const QString& line : sections.value(QStringLiteral("mem"))) {
        const QStringList parts = fields(line);
        if (parts.size() < 2) continue;
        // /proc/meminfo says kB, means KiB. Found by fuzz_box_text: a forged count times 1024
        // overflowed; what no machine has (over 2^50 KiB) reads as unknown.
        bool ok = false;
        const qint64 kib = parts[1].toLongLong(&ok);
        const qint64 bytes = ok && kib >= 0 && kib < (qint64(1) << 50) ? kib * 1024 : 0;
        if (parts[0] == QLatin1String("MemTotal:")) report.memTotalBytes = bytes;
        if (parts[0] == QLatin1String("MemAvailable:")) report.memAvailableBytes = bytes;
    }
    report.disks =
        parseDisks(sections.value(QStringLiteral("df")), sections.value(QStringLiteral("dfi")));
    report.gpus = parseNvidiaSmiGpus(sections.value(QStringLiteral("gpu")), &report.driverVersion,
                                     &report.gpuError);
    report.cudaVersion = parseCudaVersion(sections.value(QStringLiteral("cuda")));
    report.pythons = parsePythons(sections.value(QStringLiteral("python")));
    for (const QString& line : sections.value(QStringLiteral("tools"))) {
        const QStringList parts = fields(line);
        if (parts.isEmpty()) continue;
        (parts.size() >= 2 ? report.toolsFound : report.toolsMissing).append(parts[0]);
    }
    return report;
}

}  // namespace tb
