// Probe parsers on captured outputs: an AutoDL-like 2-GPU box, a CPU-only Debian box, torch
// without CUDA on a GPU box, and a nearly full data disk.

#include "remote/hosts/host_probe.h"
#include "remote/hosts/probe_parsers.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace tb;

namespace {

HostReport reportFrom(const QString& name) {
    QFile file(QFINDTESTDATA(QStringLiteral("data/probe/") + name));
    if (!file.open(QIODevice::ReadOnly)) qFatal("cannot read test data %s", qPrintable(name));
    return parseProbeOutput(QString::fromUtf8(file.readAll()));
}

bool anyContains(const QStringList& lines, const QString& part) {
    for (const QString& line : lines)
        if (line.contains(part)) return true;
    return false;
}

}  // namespace

class TestHostProbeParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void autodlBoxWithTwoGpus() {
        const HostReport report = reportFrom(QStringLiteral("autodl_2gpu.txt"));
        QCOMPARE(report.os, QStringLiteral("Ubuntu 20.04.6 LTS"));
        QCOMPARE(report.kernel, QStringLiteral("Linux 5.15.0-91-generic"));
        QCOMPARE(report.machine, QStringLiteral("x86_64"));
        QCOMPARE(report.cpus, 28);
        QCOMPARE(report.memTotalBytes, qint64(263845380) * 1024);
        QCOMPARE(report.memAvailableBytes, qint64(241126496) * 1024);

        QCOMPARE(report.gpus.size(), 2);
        QCOMPARE(report.gpus[1].index, 1);
        QCOMPARE(report.gpus[0].name, QStringLiteral("NVIDIA GeForce RTX 3090"));
        QCOMPARE(report.gpus[0].memoryMiB, 24576);
        QCOMPARE(report.driverVersion, QStringLiteral("525.105.17"));
        QCOMPARE(report.cudaVersion, QStringLiteral("12.0"));

        // Pseudo filesystems and the /etc/hosts bind mount are left out.
        QStringList mounts;
        for (const ProbedDisk& disk : report.disks) mounts.append(disk.mount);
        QCOMPARE(mounts, (QStringList{QStringLiteral("/"), QStringLiteral("/root/autodl-tmp"),
                                      QStringLiteral("/root/autodl-fs")}));
        QCOMPARE(report.systemDisk()->filesystem, QStringLiteral("overlay"));
        const ProbedDisk* data = report.dataDisk();
        QCOMPARE(data->mount, QStringLiteral("/root/autodl-tmp"));
        QCOMPARE(data->role, DiskRole::Data);
        QCOMPARE(data->totalBytes, Q_INT64_C(53687091200));
        QCOMPARE(data->freeBytes, Q_INT64_C(40802189312));
        QCOMPARE(data->totalInodes, 3276800);
        QCOMPARE(data->freeInodes, 3228587);
        // A network filesystem without inode limits is not "out of inodes".
        QCOMPARE(report.disks[2].totalInodes, 0);
        QVERIFY(report.disks[2].freeInodeFraction() < 0);

        QCOMPARE(report.pythons.size(), 3);
        QCOMPARE(report.pythons[0].path, QStringLiteral("/root/miniconda3/bin/python"));
        QCOMPARE(report.pythons[0].version, QStringLiteral("3.8.10"));
        QCOMPARE(report.pythons[0].torchVersion, QStringLiteral("2.0.0+cu118"));
        QVERIFY(report.pythons[0].torchCudaAvailable);
        QCOMPARE(report.pythons[0].torchCuda, QStringLiteral("11.8"));
        QVERIFY(report.pythons[1].torchVersion.isEmpty());
        QCOMPARE(report.pythons[2].torchVersion, QStringLiteral("1.13.1+cu117"));

        QCOMPARE(report.toolsFound, (QStringList{QStringLiteral("tmux"), QStringLiteral("g++"),
                                                 QStringLiteral("zstd")}));
        QCOMPARE(report.toolsMissing, QStringList{QStringLiteral("cmake")});
        QVERIFY2(report.warnings().isEmpty(), qPrintable(report.warnings().join('\n')));

        const QJsonObject json = report.toJson();
        QCOMPARE(json[QStringLiteral("gpus")].toArray().size(), 2);
        QCOMPARE(json[QStringLiteral("dataDisk")].toString(), QStringLiteral("/root/autodl-tmp"));
        QCOMPARE(json[QStringLiteral("cuda")].toString(), QStringLiteral("12.0"));
        QCOMPARE(json[QStringLiteral("disks")]
                     .toArray()[1]
                     .toObject()[QStringLiteral("freeInodes")]
                     .toInteger(),
                 3228587);
        QCOMPARE(json[QStringLiteral("pythons")]
                     .toArray()[0]
                     .toObject()[QStringLiteral("cudaAvailable")]
                     .toBool(),
                 true);
        QVERIFY(json[QStringLiteral("warnings")].toArray().isEmpty());
    }

    void cpuOnlyDebianBox() {
        const HostReport report = reportFrom(QStringLiteral("debian_cpu.txt"));
        QCOMPARE(report.os, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(report.cpus, 8);
        QVERIFY(report.gpus.isEmpty());
        QVERIFY(report.cudaVersion.isEmpty());
        QVERIFY(report.driverVersion.isEmpty());
        // No separate data disk: the system disk serves, and /boot/efi is not a candidate.
        QCOMPARE(report.disks.size(), 2);
        QCOMPARE(report.dataDisk()->mount, QStringLiteral("/"));
        QCOMPARE(report.dataDisk(), report.systemDisk());
        QCOMPARE(report.disks[1].role, DiskRole::Other);
        QCOMPARE(report.pythons.size(), 1);
        QCOMPARE(report.pythons[0].torchVersion, QStringLiteral("2.2.1+cpu"));
        QVERIFY(report.pythons[0].torchCuda.isEmpty());
        QCOMPARE(report.toolsMissing, QStringList{QStringLiteral("zstd")});
        // CPU-only torch on a CPU-only box is expected; only the missing GPU is worth saying.
        const QStringList warnings = report.warnings();
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings[0].startsWith(QLatin1String("No GPU visible")));
    }

    void torchWithoutCudaOnGpuBoxWarns() {
        const HostReport report = reportFrom(QStringLiteral("gpu_torch_cpu.txt"));
        QCOMPARE(report.gpus.size(), 1);
        QCOMPARE(report.gpus[0].name, QStringLiteral("NVIDIA A100-SXM4-80GB"));
        QCOMPARE(report.gpus[0].memoryMiB, 81920);
        QCOMPARE(report.cudaVersion, QStringLiteral("12.2"));
        QCOMPARE(report.dataDisk()->mount, QStringLiteral("/data"));
        QVERIFY(report.pythons[1].timedOut);
        const QStringList warnings = report.warnings();
        QVERIFY2(anyContains(warnings, QStringLiteral("torch 2.3.0+cpu at /usr/bin/python3 is "
                                                      "built without CUDA")),
                 qPrintable(warnings.join('\n')));
        QVERIFY(anyContains(warnings, QStringLiteral("/home/alice/miniconda3/bin/python did not "
                                                     "answer in time")));
        QVERIFY(!anyContains(warnings, QStringLiteral("No GPU")));
        QCOMPARE(warnings.size(), 2);
    }

    void nearlyFullDataDiskWarnsForBytesAndInodes() {
        const HostReport report = reportFrom(QStringLiteral("autodl_disk_full.txt"));
        QCOMPARE(report.dataDisk()->mount, QStringLiteral("/root/autodl-tmp"));
        const QStringList warnings = report.warnings();
        QCOMPARE(warnings.size(), 2);
        QVERIFY2(warnings[0].contains(QStringLiteral("Data disk /root/autodl-tmp is nearly full: "
                                                     "2.5 GiB free of 50.0 GiB (5.0%)")),
                 qPrintable(warnings[0]));
        QVERIFY2(warnings[1].contains(QStringLiteral("running out of inodes: 65536 of 3276800")),
                 qPrintable(warnings[1]));
    }

    void nvidiaSmiFailureIsReportedAsNoGpu() {
        QString driver;
        QString error;
        const QList<ProbedGpu> gpus = parseNvidiaSmiGpus(
            {QStringLiteral("NVIDIA-SMI has failed because it couldn't communicate with the "
                            "NVIDIA driver.")},
            &driver, &error);
        QVERIFY(gpus.isEmpty());
        QVERIFY(driver.isEmpty());
        QVERIFY(error.startsWith(QLatin1String("NVIDIA-SMI has failed")));
        HostReport report;
        report.gpuError = error;
        QVERIFY(report.warnings()[0].contains(QStringLiteral("nvidia-smi says \"NVIDIA-SMI has")));
    }

    void mountPointWithSpacesKeepsItsName() {
        const QList<ProbedDisk> disks =
            parseDisks({QStringLiteral("/dev/sdb1 107374182400 1 107374182399 1% /mnt/my data")},
                       {QStringLiteral("/dev/sdb1 6553600 11 6553589 1% /mnt/my data")});
        QCOMPARE(disks.size(), 1);
        QCOMPARE(disks[0].mount, QStringLiteral("/mnt/my data"));
        QCOMPARE(disks[0].freeInodes, 6553589);
        QCOMPARE(disks[0].role, DiskRole::Data);
    }

    // Found by fuzz_box_text: a forged MemTotal times 1024 overflowed a signed integer.
    void forgedMemoryCountReadsAsUnknown() {
        const HostReport report = parseProbeOutput(
            QStringLiteral("@@mem\nMemTotal: 91831746559738368 kB\nMemAvailable: 2048 kB\n"));
        QCOMPARE(report.memTotalBytes, 0);
        QCOMPARE(report.memAvailableBytes, 2048 * 1024);
    }

    void truncatedOutputIsAFailureNotAnEmptyReport() {
        ExecResult exec;
        exec.standardOutput = "@@os\nLinux 6.1.0 x86_64\n@@cpu\n";
        exec.standardError = "sh: killed";
        exec.exitStatus = 137;
        const ProbeResult result = HostProbe::resultFrom(exec);
        QCOMPARE(result.failure, SshFailure::Protocol);
        QVERIFY(result.message.contains(QStringLiteral("exit status 137")));
        QVERIFY(result.message.contains(QStringLiteral("sh: killed")));
    }

    void scriptIsOneQuotedShellWord() {
        const QString line = HostProbe::command().toString();
        QVERIFY(line.startsWith(QLatin1String("sh -c '")));
        QVERIFY(line.endsWith(QLatin1Char('\'')));
    }
};

QTEST_GUILESS_MAIN(TestHostProbeParsers)
#include "tst_host_probe_parsers.moc"
