// HostProbe run for real through a local sshd: one round trip, parsed into this machine's facts.

#include "remote/hosts/host_probe.h"
#include "remote/hosts/host_probe_session.h"
#include "remote/hosts/host_probe_text.h"
#include "remote/ssh/ssh_session_thread.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace tb;
using namespace tb::test;

class TestHostProbe : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:

    void probesThisMachine() {
        QTemporaryDir home;
        SshSessionThread thread(keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts"))),
                                QStringLiteral("local"), testOptions());
        SessionResults results(thread.session());
        QVERIFY(accept(thread, results, m_sshd.hostKeyFingerprint()).ok());

        HostProbe probe(&thread);
        std::optional<ProbeResult> result;
        connect(&probe, &HostProbe::finished, this, [&](const ProbeResult& r) { result = r; });
        probe.start();
        // Importing torch in each python found can take a while on a loaded machine.
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 120000));
        QVERIFY2(result->ok(), qPrintable(result->message));
        const HostReport& report = result->report;

        const QString nproc = runTool(QStringLiteral("nproc"), {}).value_or(QString()).trimmed();
        QCOMPARE(report.cpus, nproc.toInt());
        QVERIFY(report.cpus > 0);
        QVERIFY(report.kernel.startsWith(QLatin1String("Linux ")));
        QVERIFY(!report.machine.isEmpty());
        QVERIFY(report.memTotalBytes > 0);
        QVERIFY(report.memAvailableBytes > 0);

        QVERIFY(report.systemDisk() != nullptr);
        QVERIFY(report.dataDisk() != nullptr);
        bool inodesSeen = false;
        for (const ProbedDisk& disk : report.disks) inodesSeen = inodesSeen || disk.freeInodes > 0;
        QVERIFY(inodesSeen);

        // This machine has no GPU, and the report says so plainly.
        QCOMPARE(report.gpus.size(), 0);
        QVERIFY(report.warnings().value(0).startsWith(QLatin1String("No GPU visible")));
        QVERIFY(report.toJson().value(QStringLiteral("gpus")).toArray().isEmpty());
        for (const ProbedPython& python : report.pythons) QVERIFY(!python.path.isEmpty());
        // The system python (where Debian's python3-torch lives) is a candidate even when
        // another python comes first on a non-interactive shell's PATH.
        if (QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable()) {
            const QString system =
                QFileInfo(QStringLiteral("/usr/bin/python3")).canonicalFilePath();
            bool found = false;
            for (const ProbedPython& python : report.pythons)
                found = found || QFileInfo(python.path).canonicalFilePath() == system;
            QVERIFY2(found, "the probe did not list /usr/bin/python3");
        }
        QVERIFY(report.toolsFound.size() + report.toolsMissing.size() == 4);
    }

    void probeHostTrustsOnlyTheConfirmedKey() {
        QTemporaryDir home;
        const SshTarget target = keyTarget(m_sshd, home.filePath(QStringLiteral("known_hosts")));
        HostProbeOptions options;
        options.session = testOptions();

        const ProbeResult unknown = probeHost(target, QStringLiteral("local"), options);
        QCOMPARE(unknown.failure, SshFailure::HostKeyUnknown);
        QVERIFY(unknown.message.contains(m_sshd.hostKeyFingerprint()));

        options.acceptedFingerprint = QStringLiteral("SHA256:someone-elses-key");
        QCOMPARE(probeHost(target, QStringLiteral("local"), options).failure,
                 SshFailure::HostKeyUnknown);

        options.acceptedFingerprint = m_sshd.hostKeyFingerprint();
        const ProbeResult accepted = probeHost(target, QStringLiteral("local"), options);
        QVERIFY2(accepted.ok(), qPrintable(accepted.message));
        QVERIFY(accepted.report.cpus > 0);

        // Known now: no fingerprint needed.
        options.acceptedFingerprint.clear();
        const ProbeResult known = probeHost(target, QStringLiteral("local"), options);
        QVERIFY2(known.ok(), qPrintable(known.message));
        const QString text = formatHostReport(known.report);
        QVERIFY2(text.contains(QStringLiteral("warning: No GPU visible")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("(system)")));
    }
};

QTEST_GUILESS_MAIN(TestHostProbe)
#include "tst_host_probe.moc"
