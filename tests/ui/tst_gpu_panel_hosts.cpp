// The GPU panel with a host through the local sshd: the selector offers the host once it is
// connected, choosing it (by keyboard, offscreen) shows the box's GPUs from one nvidia-smi
// stream, choosing this machine again stops that stream, and a run's host is followed.
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "core/gpu/gpu_monitor.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/hosts/remote_gpu_monitor.h"
#include "tests/gpu/test_data.h"
#include "tests/remote/ssh_test_support.h"
#include "ui/monitor/gauge_row.h"
#include "ui/monitor/gpu_panel.h"
#include "ui/monitor/gpu_source_switch.h"

using namespace tb;
using namespace tb::test;

namespace {

constexpr int kWaitMs = 30000;
const QString kHost = QStringLiteral("gpu-box");

// A fake nvidia-smi printing `csv` as its round every 200 ms, recording its pid.
QString writeFake(const QTemporaryDir& dir, const QString& name, const char* csv) {
    const QString data = dir.filePath(name + QStringLiteral(".csv"));
    QFile::copy(QStringLiteral(TB_GPU_TEST_DATA "/") + QString::fromLatin1(csv), data);
    return writeFakeNvidiaSmi(
        QDir(dir.path()), name,
        "echo $$ >> \"$0.pids\"\nwhile :; do cat '" + data.toUtf8() + "'; sleep 0.2; done\n");
}

qint64 lastPid(const QString& fake) {
    QFile f(fake + QStringLiteral(".pids"));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    return lines.last().toLongLong();
}

}  // namespace

class TestGpuPanelHosts : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void hostsGpusShownWhenChosen() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        HostsControllerOptions options;
        options.connection.session = testOptions();
        options.knownHostsFile = home.filePath("known_hosts");
        options.checkKeychain = false;
        HostsController hosts(home.path(), options);
        HostDraft draft;
        draft.host.name = kHost;
        draft.host.target = keyTarget(m_sshd, QString());
        QVERIFY(hosts.addHost(draft).ok());
        RunCatalog catalog(home.filePath("runs"));

        GpuMonitor local;  // this machine: a laptop GPU
        local.setNvidiaSmiProgram(writeFake(home, "local-smi", "rtx4090_laptop.csv"));
        const QString boxSmi = writeFake(home, "box-smi", "a100x8.csv");
        GpuPanel panel;
        GpuSourceSwitch sources(&panel, &local, &hosts, &catalog);
        sources.setRemoteNvidiaSmiProgram(boxSmi);
        local.start();
        panel.resize(640, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_COMPARE_WITH_TIMEOUT(panel.gpuCardCount(), 1, kWaitMs);
        QVERIFY(panel.cardTitle(0).contains("RTX 4090 Laptop"));
        QComboBox* box = panel.sourceBox();
        QCOMPARE(box->count(), 1);  // the host is not connected: not offered

        hosts.acceptHostKey(kHost, m_sshd.hostKeyFingerprint());
        QTRY_COMPARE_WITH_TIMEOUT(hosts.state(kHost), ConnectionState::Connected, kWaitMs);
        QTRY_COMPARE(box->count(), 2);
        QCOMPARE(box->itemText(1), kHost);
        QVERIFY(!sources.monitorFor(kHost));  // made only when shown

        box->setFocus();
        QTest::keyClick(box, Qt::Key_Down);
        QCOMPARE(sources.shownKey(), kHost);
        QTRY_COMPARE_WITH_TIMEOUT(panel.gpuCardCount(), 8, kWaitMs);
        QVERIFY(panel.cardTitle(7).contains("A100"));
        QTRY_COMPARE_WITH_TIMEOUT(panel.stateText(), QString("8 GPU(s) on gpu-box"), kWaitMs);
        RemoteGpuMonitor* monitor = sources.monitorFor(kHost);
        QVERIFY(monitor && monitor->isStreaming());
        QTRY_VERIFY(panel.gpuRow(7, 3)->valueText() == "413 W");
        const qint64 boxPid = lastPid(boxSmi);
        QVERIFY(boxPid > 0);

        // Back to this machine: the host's stream is closed and its nvidia-smi ends.
        QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(sources.shownKey(), QString());
        QCOMPARE(panel.gpuCardCount(), 1);
        QCOMPARE(monitor->mode(), GpuSource::Mode::Stopped);
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(boxPid)),
                                 kWaitMs);

        // Selecting a run on the host shows its GPUs again: the same monitor, a new stream,
        // and the readings it had at once.
        RunInfo run;
        run.id = QStringLiteral("20261123-101500-demo");
        run.target = kHost;
        sources.followRun(run);
        QCOMPARE(box->currentText(), kHost);
        QCOMPARE(sources.monitorFor(kHost), monitor);
        QCOMPARE(panel.gpuCardCount(), 8);
        QTRY_COMPARE_WITH_TIMEOUT(monitor->streamsOpened(), 2, kWaitMs);
        run.target = QStringLiteral("local");
        sources.followRun(run);
        QCOMPARE(sources.shownKey(), QString());
        QCOMPARE(panel.gpuCardCount(), 1);

        // The host removed: gone from the selector, its monitor with it.
        QVERIFY(hosts.removeHost(kHost).ok());
        QCOMPARE(box->count(), 1);
        QVERIFY(!sources.monitorFor(kHost));
    }
};

QTEST_MAIN(TestGpuPanelHosts)
#include "tst_gpu_panel_hosts.moc"
