// "Run on" a Slurm login node: the toolbar shows that run's sbatch options, filled with the
// host's, only while such a host is chosen; edited, they go with the run and come back as the
// host has them when it is chosen again.

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include "core/runs/workspace.h"
#include "remote/hosts/host_store.h"
#include "ui/main/main_window.h"
#include "ui/main/run_actions.h"
#include "ui/main/run_target_box.h"

using namespace tb;

class RunTargetSlurmTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void slurmHostShowsItsOptionsForTheRun() {
        QCoreApplication::setOrganizationName("trainbench-test-slurm");
        QSettings().clear();
        QTemporaryDir dir;
        const QString config = dir.filePath("config");
        HostStore store(config);
        RemoteHost box;
        box.name = "gpu-box";
        box.target.host = "box.example.org";
        RemoteHost cluster;
        cluster.name = "cluster";
        cluster.target.host = "login.hpc.example.edu";
        cluster.slurm = *parseSlurmOptions("partition=gpu,gpus=2,time=4:00:00");
        QVERIFY(store.add(box).ok() && store.add(cluster).ok() && store.save().ok());

        AppContext context;
        context.runsRoot = dir.filePath("runs");
        context.configsDir = seedWorkspace(context.runsRoot);
        context.binDir = qEnvironmentVariable("TB_BIN_DIR");
        context.hostsConfigDir = config;
        context.hostsOptions.checkKeychain = false;
        MainWindow window(context);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        RunTargetBox* target = window.runActions()->targetBox();
        QLineEdit* options = target->slurmEdit();
        auto* toolbar = window.findChild<QToolBar*>("mainToolbar");
        QVERIFY(toolbar);
        QAction* shown = nullptr;
        for (QAction* action : toolbar->actions())
            if (toolbar->widgetForAction(action) == target->slurmField()) shown = action;
        QVERIFY(shown);
        QVERIFY(!shown->isVisible());  // this machine
        QCOMPARE(target->itemText(target->findData("cluster")), QString("Host cluster (Slurm)"));

        target->setCurrentIndex(target->findData("cluster"));
        QVERIFY(shown->isVisible());
        QTRY_VERIFY(options->isVisible());
        // Run stays on the toolbar beside the options; a shared login node is never shut down.
        QVERIFY(toolbar->widgetForAction(window.findChild<QAction*>("runAction"))->isVisible());
        QVERIFY(!target->shutdownCheck()->isEnabled());
        QCOMPARE(options->text(), QString("partition=gpu,gpus=2,time=4:00:00"));
        options->clear();
        QTest::keyClicks(options, "partition=gpu,gpus=2,time=30");
        QCOMPARE(target->slurmOptions(), QString("partition=gpu,gpus=2,time=30"));

        target->setCurrentIndex(target->findData("gpu-box"));
        QVERIFY(!shown->isVisible());
        QVERIFY(target->shutdownCheck()->isEnabled());
        QVERIFY(target->slurmOptions().isEmpty());  // an ordinary host: nothing for sbatch
        target->setCurrentIndex(target->findData("cluster"));
        QCOMPARE(target->slurmOptions(), QString("partition=gpu,gpus=2,time=4:00:00"));
        QSettings().clear();
    }
};

QTEST_MAIN(RunTargetSlurmTest)
#include "tst_run_target_slurm.moc"
