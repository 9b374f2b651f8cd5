// Tests the workspace: where the runs root is, and the first-start copy of the shipped configs.

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"

using namespace tb;

class TestWorkspace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void seedsWorkspaceOnce();
    void resolvesRunsRoot();
};

void TestWorkspace::seedsWorkspaceOnce() {
    QTemporaryDir root;
    const QString configs = seedWorkspace(root.path() + "/runs");
    QCOMPARE(configs, root.path() + "/runs/configs");
    QFile demo(configs + "/demo.yaml");
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QVERIFY(demo.readAll().contains("name: demo"));
    QVERIFY(QFileInfo(configs + "/demo.yaml").isWritable());
    QVERIFY(QFileInfo::exists(configs + "/mnist-cnn.yaml"));
    // A config the user deleted stays deleted.
    QVERIFY(QFile::remove(configs + "/mnist-cnn.yaml"));
    seedWorkspace(root.path() + "/runs");
    QVERIFY(!QFileInfo::exists(configs + "/mnist-cnn.yaml"));
    // The configs folder is never mistaken for a run.
    RunCatalog catalog(root.path() + "/runs");
    catalog.refresh();
    QVERIFY(catalog.runs().isEmpty());
}

void TestWorkspace::resolvesRunsRoot() {
    QVERIFY(resolveRunsRoot("/x/y").endsWith("/x/y"));
    qputenv("TRAINBENCH_RUNS", "/tmp/tb-env-runs");
    QCOMPARE(resolveRunsRoot(QString()), QString("/tmp/tb-env-runs"));
    qunsetenv("TRAINBENCH_RUNS");
    QVERIFY(resolveRunsRoot(QString()).endsWith("/runs"));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
