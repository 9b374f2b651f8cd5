// GpuSources without a window or a server: this machine shown first, offline hosts not
// offered, the run training on the shown machine found, and a run's machine named by its target.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include "core/gpu/gpu_monitor.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/gpu_sources.h"
#include "remote/hosts/hosts_controller.h"
#include "tests/support/run_test_support.h"

using namespace tb;

class TestGpuSources : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void thisMachineFirstAndOfflineHostsNotOffered() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        RunCatalog catalog(home.filePath("runs"));
        HostsControllerOptions options;
        options.checkKeychain = false;
        HostsController hosts(home.filePath("hosts"), options);
        HostDraft draft;
        draft.host.name = QStringLiteral("gpu-box");
        draft.host.target.host = QStringLiteral("127.0.0.1");
        QVERIFY(hosts.addHost(draft).ok());
        GpuMonitor local;
        GpuSources sources(&local, &hosts, &catalog);
        QCOMPARE(sources.shownSource(), &local);
        QCOMPARE(sources.shownKey(), QString());
        QSignalSpy choices(&sources, &GpuSources::hostChoicesChanged);
        sources.refresh();
        QCOMPARE(choices.count(), 1);
        QCOMPARE(choices.last().first().toStringList(), QStringList());  // never connected
        QVERIFY(!sources.monitorFor(QStringLiteral("gpu-box")));
    }

    void theRunTrainingOnTheShownMachineIsFound() {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString runs = home.filePath("runs");
        tb::test::writeLocalRun(runs, "20261123-090000-cifar", "finished");
        RunCatalog catalog(runs);
        catalog.refresh();
        HostsControllerOptions options;
        options.checkKeychain = false;
        HostsController hosts(home.filePath("hosts"), options);
        GpuMonitor local;
        GpuSources sources(&local, &hosts, &catalog);
        QSignalSpy training(&sources, &GpuSources::trainingRunChanged);
        sources.refresh();
        QCOMPARE(training.count(), 1);
        QVERIFY(training.last().first().value<TrainingRun>().name.isEmpty());
        tb::test::writeLocalRun(runs, "20261123-100000-cifar", "running");
        catalog.refresh();
        QVERIFY(training.count() >= 2);
        const TrainingRun run = training.last().first().value<TrainingRun>();
        QCOMPARE(run.name, QString("cifar"));
        QCOMPARE(run.startedMs, qint64(1763820000) * 1000);
    }

    void aRunsMachineIsItsTarget() {
        RunInfo run;
        run.target = QStringLiteral("local");
        QCOMPARE(GpuSources::keyFor(run), QString());
        run.target.clear();
        QCOMPARE(GpuSources::keyFor(run), QString());
        run.target = QStringLiteral("gpu-box");
        QCOMPARE(GpuSources::keyFor(run), QStringLiteral("gpu-box"));
    }
};

QTEST_GUILESS_MAIN(TestGpuSources)
#include "tst_gpu_sources.moc"
