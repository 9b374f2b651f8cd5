// The pieces remote runs add to the local ones, without a host: the catalog merging a host's
// scans with the local runs (reset only when the set of runs changes), a RunMetrics fed bytes
// in arbitrary pieces (each record once), and a streamed log cut into lines within its window.
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include "core/metrics/run_metrics.h"
#include "core/runs/run_catalog.h"
#include "remote/hosts/host_draft.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/remote_runs.h"
#include "ui/main/runs_panel.h"
#include "ui/main/runs_table_model.h"
#include "ui/monitor/log_tail.h"
#include "ui/monitor/log_view.h"

using namespace tb;

namespace {

RunInfo remoteRun(const QString& id, RunState state, qint64 step = 0) {
    RunInfo run;
    run.id = id;
    run.dir = "/root/trainbench/" + id;
    run.target = "elsewhere";  // the catalog names the host it was scanned on
    run.state = state;
    run.step = step;
    return run;
}

}  // namespace

class TestRemoteRunsParts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void catalogMergesHostScansWithLocalRuns();
    void catalogRefusesToEditRemoteRuns();
    void selectionSurvivesRunsAppearing();
    void followingIsLimitedPerHost();
    void fedMetricsTakeBytesInAnyPieces();
    void streamedLogKeepsPartialLineAndWindow();
    void logViewShowsStreamedBytes();
};

void TestRemoteRunsParts::catalogMergesHostScansWithLocalRuns() {
    QTemporaryDir root;
    RunCatalog catalog(root.path());
    QSignalSpy reset(&catalog, &RunCatalog::runsReset);
    QSignalSpy updated(&catalog, &RunCatalog::runsUpdated);
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Running, 5),
                                  remoteRun("20261103-000000-c", RunState::Finished)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(catalog.runs().size(), 2);
    QCOMPARE(catalog.runs().first().id, QString("20261103-000000-c"));  // newest first
    QCOMPARE(catalog.runs().first().target, QString("gpu"));
    QVERIFY(catalog.isRemote(catalog.runs().first()));

    // The same runs again, one of them further on: an update of that run, no reset.
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Running, 9),
                                  remoteRun("20261103-000000-c", RunState::Finished)});
    QCOMPARE(reset.count(), 1);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(updated.last().first().toStringList(), QStringList{"20261101-000000-a"});
    QCOMPARE(catalog.find("20261101-000000-a")->step, 9);

    // A local refresh keeps the host's runs; a scan that loses one resets.
    catalog.refresh();
    QCOMPARE(catalog.runs().size(), 2);
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Lost, 9)});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(catalog.find("20261101-000000-a")->state, RunState::Lost);
    QVERIFY(!catalog.find("20261103-000000-c"));

    // The host's state goes next to its runs: an update of each of them.
    catalog.setHostNote("gpu", "reconnecting");
    QCOMPARE(catalog.hostNote("gpu"), QString("reconnecting"));
    QCOMPARE(updated.last().first().toStringList(), QStringList{"20261101-000000-a"});
}

void TestRemoteRunsParts::catalogRefusesToEditRemoteRuns() {
    QTemporaryDir root;
    RunCatalog catalog(root.path());
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Finished)});
    const auto removed = catalog.remove("20261101-000000-a");
    QVERIFY(!removed.ok());
    QVERIFY2(QString::fromStdString(removed.error()).contains("gpu"), removed.error().c_str());
    QVERIFY(!catalog.annotate("20261101-000000-a", "x", {}, {}).ok());
    QVERIFY(catalog.find("20261101-000000-a"));
}

void TestRemoteRunsParts::selectionSurvivesRunsAppearing() {
    QTemporaryDir root;
    RunCatalog catalog(root.path());
    RunsPanel panel(&catalog);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Running),
                                  remoteRun("20261102-000000-b", RunState::Running)});
    panel.selectRun("20261101-000000-a");
    QSignalSpy changed(&panel, &RunsPanel::selectionChanged);
    catalog.setRemoteRuns("gpu", {remoteRun("20261101-000000-a", RunState::Running),
                                  remoteRun("20261102-000000-b", RunState::Running),
                                  remoteRun("20261103-000000-c", RunState::Running)});
    QCOMPARE(panel.view()->model()->rowCount(), 3);
    QCOMPARE(panel.selectedRunIds(), QStringList{"20261101-000000-a"});
    QCOMPARE(panel.currentRunId(), QString("20261101-000000-a"));
    QCOMPARE(changed.count(), 0);  // the views showing it have nothing to redo
    catalog.setHostNote("gpu", "reconnecting");
    const QModelIndex target = panel.view()->model()->index(0, RunsTableModel::Target);
    QCOMPARE(target.data().toString(), QString("gpu (reconnecting)"));
}

// Each followed run holds two of the connection's channels: beyond the limit a shown run is
// not followed, and the status line says which and why.
void TestRemoteRunsParts::followingIsLimitedPerHost() {
    QTemporaryDir home;
    HostsControllerOptions options;
    options.checkKeychain = false;
    options.vaultService = QStringLiteral("trainbench-test");
    HostsController hosts(home.filePath("hosts"), options);
    QVERIFY(hosts.load().ok());
    HostDraft draft;
    draft.host.name = "gpu";
    draft.host.target.host = "10.0.0.9";
    QVERIFY(hosts.addHost(draft).ok());
    RunCatalog catalog(home.filePath("runs"));
    QStringList ids;
    QList<RunInfo> runs;
    for (int i = 0; i < RemoteRuns::kMaxFollowedPerHost + 2; ++i) {
        ids.append(QString("20261101-00000%1-r").arg(i));
        runs.append(remoteRun(ids.last(), RunState::Running));
    }
    catalog.setRemoteRuns("gpu", runs);
    RunMetricsPool pool;
    RemoteRuns remote(&hosts, &catalog, &pool, home.filePath("tb-wrap.sh"));
    QSignalSpy limited(&remote, &RemoteRuns::followLimited);

    remote.follow(ids);
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(remote.isFollowing(ids[i]), i < RemoteRuns::kMaxFollowedPerHost);
    QCOMPARE(limited.count(), 1);
    const QString message = limited.last().first().toString();
    QVERIFY2(message.contains(ids.last()) && message.contains(ids[RemoteRuns::kMaxFollowedPerHost]),
             qPrintable(message));
    QVERIFY(!message.contains(ids.first()));

    // Showing fewer frees a place: the run now first in the views' order is followed.
    const QStringList shown{ids.last()};
    remote.follow(shown);
    remote.release(shown);
    QVERIFY(remote.isFollowing(ids.last()));
    QVERIFY(!remote.isFollowing(ids.first()));
    QCOMPARE(limited.count(), 1);
}

void TestRemoteRunsParts::fedMetricsTakeBytesInAnyPieces() {
    QByteArray text;
    for (int step = 1; step <= 50; ++step)
        text += QByteArray(R"({"step":)") + QByteArray::number(step) + R"(,"train/loss":)" +
                QByteArray::number(1.0 / step) + "}\n";
    RunMetricsPool pool;
    RunMetrics* metrics = pool.openFed("run");
    QVERIFY(metrics->isFed());
    QCOMPARE(pool.open("run", "/nowhere", true), metrics);  // a view opening it gets the same
    QSignalSpy appended(metrics, &RunMetrics::dataAppended);
    for (qsizetype at = 0; at < text.size(); at += 7) metrics->appendBytes(text.mid(at, 7));
    QCOMPARE(metrics->store().recordCount(), std::size_t(50));
    QCOMPARE(metrics->store().step(49), 50.0);
    QVERIFY(appended.count() > 1);
    QVERIFY(!metrics->poll());  // nothing to read from disk
    QCOMPARE(metrics->store().recordCount(), std::size_t(50));
}

void TestRemoteRunsParts::streamedLogKeepsPartialLineAndWindow() {
    QByteArray pending;
    LogBatch batch = splitStreamedLog(pending, "one\ntwo\nthr", 100);
    QCOMPARE(batch.lines, (QList<QByteArray>{"one", "two"}));
    QCOMPARE(batch.partial, QByteArray("thr"));
    batch = splitStreamedLog(pending, "ee\n", 100);
    QCOMPARE(batch.lines, QList<QByteArray>{"three"});
    QVERIFY(batch.partial.isEmpty());

    QByteArray flood;
    for (int i = 0; i < 500; ++i) flood += "line " + QByteArray::number(i) + "\n";
    batch = splitStreamedLog(pending, flood, 100);
    QCOMPARE(batch.lines.size(), 100);
    QCOMPARE(batch.skippedLines, 400);
    QVERIFY(batch.replacesWindow);
    QCOMPARE(batch.lines.last(), QByteArray("line 499"));

    // A line with no end is cut, so a log without newlines stays bounded.
    batch = splitStreamedLog(pending, QByteArray(100000, 'x'), 100, 1024);
    QCOMPARE(batch.lines.size(), 97);
    QVERIFY(pending.size() < 1024);
}

void TestRemoteRunsParts::logViewShowsStreamedBytes() {
    LogView view;
    view.setMaxLines(100);
    view.openStream("gpu:/root/run/output.log");
    QVERIFY(view.isStreaming());
    for (int i = 0; i < 300; ++i) view.appendStreamed("step " + QByteArray::number(i) + "\n");
    view.appendStreamed("partial");
    const QString text = view.textEdit()->toPlainText();
    QVERIFY(text.contains("step 299"));
    QVERIFY(!text.contains("step 150\n"));
    QVERIFY(text.endsWith("partial"));
    QVERIFY(view.textEdit()->blockCount() <= 101);
    view.openFile(QTemporaryDir().path() + "/missing.log");
    QVERIFY(!view.isStreaming());
}

QTEST_MAIN(TestRemoteRunsParts)
#include "tst_remote_runs_parts.moc"
