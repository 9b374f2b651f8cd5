// Tests RunCatalog on hand-written run directories: states, lost detection, metrics summary,
// annotations, deletion rules and one batched signal per refresh.

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using tb::test::deadPid;

namespace {

void writeText(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QByteArray statusJson(const char* state, qint64 pid, const char* extra = "") {
    return QStringLiteral(
               "{\"state\":\"%1\",\"pid\":%2,\"pgid\":%2,\"host\":\"\",\"started\":"
               "1763820000,\"ended\":0,\"exit_code\":null,\"epoch\":2,\"step\":40,"
               "\"message\":\"\"%3}")
        .arg(QLatin1String(state))
        .arg(pid)
        .arg(QLatin1String(extra))
        .toUtf8();
}

void writeRun(const QString& root, const QString& id, const QByteArray& status,
              const QByteArray& name = "demo") {
    writeText(root + "/" + id + "/run.json", "{\"protocol\":1,\"id\":\"" + id.toUtf8() +
                                                 "\",\"name\":\"" + name +
                                                 "\",\"created\":1763820000,\"target\":\"local\"}");
    if (!status.isEmpty()) writeText(root + "/" + id + "/status.json", status);
}

// Moves status.json's mtime so that a rewrite within the same millisecond is still noticed.
void touchStatus(const QString& dir, int secondsAhead) {
    QFile file(dir + "/status.json");
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(secondsAhead),
                             QFileDevice::FileModificationTime));
}

}  // namespace

class TestRunCatalog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Runs of one name started within one second get ids -2, -3...; their labels differ too.
    void labelsTellSameSecondRunsApart() {
        RunInfo run;
        run.name = QStringLiteral("demo");
        run.id = QStringLiteral("20261206-142334-demo");
        QCOMPARE(run.label(), QStringLiteral("demo · 12-06 14:23:34"));
        run.id = QStringLiteral("20261206-142334-demo-2");
        QCOMPARE(run.label(), QStringLiteral("demo · 12-06 14:23:34 #2"));
        run.name = QStringLiteral("resnet-50");  // a name that ends in a number is not a suffix
        run.id = QStringLiteral("20261206-142334-resnet-50");
        QCOMPARE(run.label(), QStringLiteral("resnet-50 · 12-06 14:23:34"));
        run.id = QStringLiteral("20261206-142334-resnet-50-3");
        QCOMPARE(run.label(), QStringLiteral("resnet-50 · 12-06 14:23:34 #3"));
    }
    void readsEveryState();
    void concludesLostOnlyWithoutExitCode();
    void skipsFoldersThatAreNotRuns();
    void summarisesMetricsFromTailAndSidecars();
    void readsAndWritesAnnotations();
    void removeRefusesLiveRuns();
    void refreshBatchesChanges();
    void loadsManyRunsQuickly();
    void refusesImpossiblePidsAndNumbers();
};

void TestRunCatalog::readsEveryState() {
    QTemporaryDir root;
    const qint64 self = getpid();
    writeRun(root.path(), "20250101-000001-a", statusJson("queued", 0));
    writeRun(root.path(), "20250101-000002-b", statusJson("starting", self));
    writeRun(root.path(), "20250101-000003-c", statusJson("running", self));
    writeRun(root.path(), "20250101-000004-d",
             "{\"state\":\"finished\",\"started\":1763820000,\"ended\":1763820065,"
             "\"exit_code\":0,\"epoch\":5,\"step\":470,\"message\":\"finished at step 470\"}");
    writeRun(root.path(), "20250101-000005-e", "{\"state\":\"failed\",\"exit_code\":1}");
    writeRun(root.path(), "20250101-000006-f", "{\"state\":\"stopped\",\"exit_code\":143}");
    RunCatalog catalog(root.path());
    catalog.refresh();
    QCOMPARE(catalog.runs().size(), 6);
    QCOMPARE(catalog.runs().front().id, QString("20250101-000006-f"));  // newest first
    QCOMPARE(catalog.find("20250101-000001-a")->state, RunState::Queued);
    QCOMPARE(catalog.find("20250101-000002-b")->state, RunState::Starting);
    const RunInfo* running = catalog.find("20250101-000003-c");
    QCOMPARE(running->state, RunState::Running);
    QCOMPARE(running->pid, self);
    QCOMPARE(running->epoch, 2);
    QCOMPARE(running->step, 40);
    QCOMPARE(running->exitCode, -1);
    QCOMPARE(running->target, QString("local"));
    QCOMPARE(running->name, QString("demo"));
    QVERIFY(!running->ended.isValid());
    const RunInfo* finished = catalog.find("20250101-000004-d");
    QCOMPARE(finished->state, RunState::Finished);
    QCOMPARE(finished->exitCode, 0);
    QCOMPARE(finished->durationSeconds(QDateTime::currentDateTime()), 65);
    QCOMPARE(finished->message, QString("finished at step 470"));
    QCOMPARE(catalog.find("20250101-000005-e")->state, RunState::Failed);
    QCOMPARE(catalog.find("20250101-000006-f")->exitCode, 143);
    QVERIFY(catalog.find("nope") == nullptr);
}

void TestRunCatalog::concludesLostOnlyWithoutExitCode() {
    QTemporaryDir root;
    const qint64 dead = deadPid();
    writeRun(root.path(), "20250101-000001-lost", statusJson("running", dead));
    writeRun(root.path(), "20250101-000002-ending", statusJson("running", dead));
    // The wrapper writes exit_code before the final state: in between, the run is not lost.
    writeText(root.path() + "/20250101-000002-ending/exit_code", "0\n");
    writeRun(root.path(), "20250101-000003-starting", statusJson("starting", dead));
    writeRun(root.path(), "20250101-000004-remote", statusJson("running", dead, ",\"x\":1"));
    // The command is reaped by the wrapper, which then writes exit_code: however long a busy
    // machine keeps it from that write, a living wrapper means the end is still to be recorded.
    const QByteArray wrapperAlive =
        ",\"wrapper_pid\":" + QByteArray::number(QCoreApplication::applicationPid());
    writeRun(root.path(), "20250101-000005-reaped", statusJson("running", dead, wrapperAlive));
    const QByteArray wrapperGone = ",\"wrapper_pid\":" + QByteArray::number(deadPid());
    writeRun(root.path(), "20250101-000006-both-gone", statusJson("running", dead, wrapperGone));
    writeText(root.path() + "/20250101-000004-remote/run.json",
              "{\"id\":\"20250101-000004-remote\",\"target\":\"gpu-box\"}");
    RunCatalog catalog(root.path());
    catalog.refresh();
    const RunInfo* lost = catalog.find("20250101-000001-lost");
    QCOMPARE(lost->state, RunState::Lost);
    QVERIFY(lost->message.contains(QString::number(dead)));
    QCOMPARE(catalog.find("20250101-000002-ending")->state, RunState::Running);
    QCOMPARE(catalog.find("20250101-000002-ending")->exitCode, 0);
    QCOMPARE(catalog.find("20250101-000003-starting")->state, RunState::Lost);
    // A pid on another machine says nothing about this one.
    QCOMPARE(catalog.find("20250101-000004-remote")->state, RunState::Running);
    QCOMPARE(catalog.find("20250101-000005-reaped")->state, RunState::Running);
    QCOMPARE(catalog.find("20250101-000006-both-gone")->state, RunState::Lost);
    // The conclusion stays a reader's: status.json is never rewritten.
    QFile status(root.path() + "/20250101-000001-lost/status.json");
    QVERIFY(status.open(QIODevice::ReadOnly));
    QVERIFY(status.readAll().contains("\"running\""));
}

void TestRunCatalog::skipsFoldersThatAreNotRuns() {
    QTemporaryDir root;
    writeRun(root.path(), "20250101-000001-run", statusJson("finished", 0));
    writeRun(root.path(), "20250101-000002-only-run-json", {});
    writeText(root.path() + "/20250101-000003-status-only/status.json", statusJson("failed", 0));
    writeText(root.path() + "/configs/demo.yaml", "name: demo\n");
    writeText(root.path() + "/configs/status.json", statusJson("failed", 0));
    writeText(root.path() + "/notes/readme.txt", "not a run");
    writeText(root.path() + "/.trash/status.json", statusJson("failed", 0));
    RunCatalog catalog(root.path());
    catalog.refresh();
    QStringList ids;
    for (const RunInfo& run : catalog.runs()) ids << run.id;
    QCOMPARE(ids, QStringList({"20250101-000003-status-only", "20250101-000002-only-run-json",
                               "20250101-000001-run"}));
    // Without status.json a run reads as queued: nothing has been recorded yet.
    QCOMPARE(catalog.find("20250101-000002-only-run-json")->state, RunState::Queued);
}

void TestRunCatalog::summarisesMetricsFromTailAndSidecars() {
    QTemporaryDir root;
    const QString dir = root.path() + "/20250101-000001-m";
    writeRun(root.path(), "20250101-000001-m", "{\"state\":\"finished\"}");
    // val/acc 0.97 only early in a file far longer than the tail the catalog reads; a sidecar
    // still remembers it. A partial last line is not a record yet.
    QByteArray metrics = "{\"step\":1,\"val/acc\":0.97}\n";
    for (int step = 2; step < 5000; ++step) {
        metrics += "{\"step\":" + QByteArray::number(step) +
                   ",\"epoch\":1,\"train/loss\":" + QByteArray::number(10.0 / step) +
                   ",\"lr\":0.001}\n";
    }
    metrics += "{\"step\":5000,\"val/loss\":0.3,\"val/acc\":0.91}\n";
    metrics += "{\"step\":5001,\"train/loss\":123";
    writeText(dir + "/metrics.jsonl", metrics);
    writeText(dir + "/checkpoints/ckpt-e0001-s0000001.json",
              "{\"epoch\":1,\"step\":1,\"metrics\":{\"val/acc\":0.95}}");
    writeText(dir + "/checkpoints/latest.json", "{\"checkpoint\":\"ckpt-e0001-s0000001.pt\"}");
    RunCatalog catalog(root.path());
    catalog.refresh();
    const RunInfo* run = catalog.find("20250101-000001-m");
    QVERIFY(std::abs(run->lastTrainLoss - 10.0 / 4999) < 1e-9);
    QCOMPARE(run->bestValAcc, 0.95);

    writeRun(root.path(), "20250101-000002-empty", "{\"state\":\"running\"}");
    catalog.refresh();
    QVERIFY(std::isnan(catalog.find("20250101-000002-empty")->lastTrainLoss));
    QVERIFY(std::isnan(catalog.find("20250101-000002-empty")->bestValAcc));
    QVERIFY(!catalog.find("20250101-000002-empty")->trainLossNotFinite);  // unknown is not NaN
    QVERIFY(!run->trainLossNotFinite);

    // The trainer writes a NaN or infinite loss as null: that is a diverged run.
    writeRun(root.path(), "20250101-000003-nan", "{\"state\":\"running\"}");
    writeText(root.path() + "/20250101-000003-nan/metrics.jsonl",
              "{\"step\":1,\"train/loss\":2.5}\n{\"step\":2,\"train/loss\":null}\n");
    catalog.refresh();
    QVERIFY(catalog.find("20250101-000003-nan")->trainLossNotFinite);
}

void TestRunCatalog::readsAndWritesAnnotations() {
    QTemporaryDir root;
    writeRun(root.path(), "20250101-000001-a", "{\"state\":\"finished\"}", "demo");
    writeText(root.path() + "/20250101-000001-a/annotations.json",
              "{\"name\":\"baseline\",\"tags\":[\"cnn\",\"good\"],\"note\":\"first try\"}");
    writeRun(root.path(), "20250101-000002-b", "{\"state\":\"finished\"}", "demo");
    RunCatalog catalog(root.path());
    catalog.refresh();
    const RunInfo* a = catalog.find("20250101-000001-a");
    QCOMPARE(a->name, QString("baseline"));
    QCOMPARE(a->tags, QStringList({"cnn", "good"}));
    QCOMPARE(a->note, QString("first try"));

    QSignalSpy updated(&catalog, &RunCatalog::runsUpdated);
    QVERIFY(catalog.annotate("20250101-000002-b", "lr sweep", {"sweep"}, "lr=0.01").ok());
    QCOMPARE(updated.size(), 1);
    QCOMPARE(updated.front().front().toStringList(), QStringList({"20250101-000002-b"}));
    QCOMPARE(catalog.find("20250101-000002-b")->name, QString("lr sweep"));
    // Another catalog (the app restarted) reads the same notes back.
    RunCatalog again(root.path());
    again.refresh();
    QCOMPARE(again.find("20250101-000002-b")->tags, QStringList({"sweep"}));
    QCOMPARE(again.find("20250101-000002-b")->note, QString("lr=0.01"));
    // Clearing the name falls back to the one the run was launched with.
    QVERIFY(catalog.annotate("20250101-000002-b", "", {}, "").ok());
    QCOMPARE(catalog.find("20250101-000002-b")->name, QString("demo"));
    const auto missing = catalog.annotate("nope", "x", {}, "");
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error()).contains("nope"));
}

void TestRunCatalog::removeRefusesLiveRuns() {
    QTemporaryDir root;
    writeRun(root.path(), "20250101-000001-live", statusJson("running", getpid()));
    writeRun(root.path(), "20250101-000002-done", "{\"state\":\"finished\"}");
    writeRun(root.path(), "20250101-000003-lost", statusJson("running", deadPid()));
    RunCatalog catalog(root.path());
    catalog.refresh();
    QSignalSpy reset(&catalog, &RunCatalog::runsReset);
    const auto refused = catalog.remove("20250101-000001-live");
    QVERIFY(!refused.ok());
    QVERIFY(QString::fromStdString(refused.error()).contains("stop it first"));
    QVERIFY(QFileInfo::exists(root.path() + "/20250101-000001-live/run.json"));
    QVERIFY(catalog.remove("20250101-000002-done").ok());
    QVERIFY(catalog.remove("20250101-000003-lost").ok());
    QVERIFY(!QFileInfo::exists(root.path() + "/20250101-000002-done"));
    QCOMPARE(catalog.runs().size(), 1);
    QCOMPARE(reset.size(), 2);
}

void TestRunCatalog::refreshBatchesChanges() {
    QTemporaryDir root;
    for (const char* id : {"20250101-000001-a", "20250101-000002-b", "20250101-000003-c"}) {
        writeRun(root.path(), id, "{\"state\":\"finished\",\"step\":10}");
    }
    RunCatalog catalog(root.path());
    QSignalSpy reset(&catalog, &RunCatalog::runsReset);
    QSignalSpy updated(&catalog, &RunCatalog::runsUpdated);
    catalog.refresh();
    QCOMPARE(reset.size(), 1);
    catalog.refresh();  // nothing changed: nothing to say
    QCOMPARE(reset.size(), 1);
    QCOMPARE(updated.size(), 0);

    for (const char* id : {"20250101-000001-a", "20250101-000003-c"}) {
        const QString dir = root.path() + "/" + id;
        writeText(dir + "/status.json", "{\"state\":\"finished\",\"step\":20}");
        touchStatus(dir, 5);
    }
    catalog.refresh();
    QCOMPARE(updated.size(), 1);
    QStringList ids = updated.front().front().toStringList();
    ids.sort();
    QCOMPARE(ids, QStringList({"20250101-000001-a", "20250101-000003-c"}));
    QCOMPARE(catalog.find("20250101-000003-c")->step, 20);
    QCOMPARE(reset.size(), 1);

    writeRun(root.path(), "20250101-000004-d", "{\"state\":\"queued\"}");
    catalog.refresh();
    QCOMPARE(reset.size(), 2);
    QCOMPARE(catalog.runs().size(), 4);
    QVERIFY(QDir(root.path() + "/20250101-000002-b").removeRecursively());
    catalog.refresh();
    QCOMPARE(reset.size(), 3);
    QCOMPARE(catalog.runs().size(), 3);
    QCOMPARE(updated.size(), 1);

    // The watcher picks up a change by itself.
    catalog.startWatching(20);
    writeText(root.path() + "/20250101-000004-d/status.json", "{\"state\":\"failed\"}");
    QTRY_COMPARE_WITH_TIMEOUT(catalog.find("20250101-000004-d")->state, RunState::Failed, 5000);
}

void TestRunCatalog::loadsManyRunsQuickly() {
    QTemporaryDir root;
    QByteArray metrics;
    for (int step = 1; step <= 3000; ++step) {
        metrics += "{\"step\":" + QByteArray::number(step) + ",\"train/loss\":0.5}\n";
    }
    for (int i = 0; i < 200; ++i) {
        const QString id = QStringLiteral("20250101-%1-run").arg(i, 6, 10, QLatin1Char('0'));
        writeRun(root.path(), id, "{\"state\":\"finished\",\"step\":3000}");
        writeText(root.path() + "/" + id + "/metrics.jsonl", metrics);
    }
    QElapsedTimer timer;
    timer.start();
    RunCatalog catalog(root.path());
    catalog.refresh();
    // Reported, not asserted: timings belong in bench/, the brief's budget is well under 1 s.
    qInfo("200 runs with 3000-line metrics loaded in %lld ms", timer.elapsed());
    QCOMPARE(catalog.runs().size(), 200);
    QCOMPARE(catalog.runs().back().lastTrainLoss, 0.5);
}

// status.json is written by whatever ran in the run folder (a box, for a downloaded run): a pid
// past pid_max, 1, 0 or negative names no process of the run, and a truncated 2^32 + P would
// signal P. Such a run is never signalled, and numbers past a double's range read as none.
void TestRunCatalog::refusesImpossiblePidsAndNumbers() {
    QTemporaryDir root;
    const qint64 wrapped = (qint64(1) << 32) + qint64(getpid());  // P + 2^32: kill() would hit us
    writeRun(root.path(), "20261122-153012-wrapped", statusJson("running", wrapped));
    writeRun(root.path(), "20261122-153013-everyone", statusJson("running", -1));
    writeRun(root.path(), "20261122-153014-init", statusJson("running", 1));
    writeRun(root.path(), "20261122-153015-huge",
             "{\"state\":\"running\",\"pid\":1e300,\"pgid\":2.5,\"epoch\":-3,"
             "\"step\":1e300,\"exit_code\":99999}");
    RunCatalog catalog(root.path());
    catalog.refresh();
    QCOMPARE(catalog.runs().size(), 4);
    LocalBackend backend(root.path(), QString());
    for (const RunInfo& run : catalog.runs()) {
        QVERIFY2(run.pid == kBadPid || run.pgid == kBadPid || run.pid == 0, qPrintable(run.id));
        const bool huge = run.id.endsWith("huge");
        QCOMPARE(run.step, huge ? 0 : 40);
        QCOMPARE(run.epoch, huge ? 0 : 2);
        QCOMPARE(run.exitCode, -1);
        // Not concluded lost from a pid that names nothing, and never signalled.
        QCOMPARE(run.state, RunState::Running);
        const Result<void> stopped = backend.stop(run.id);
        QVERIFY(!stopped);
        if (run.pid == kBadPid || run.pgid == kBadPid)
            QVERIFY2(QString::fromStdString(stopped.error()).contains("status.json"),
                     stopped.error().c_str());
    }
}

QTEST_GUILESS_MAIN(TestRunCatalog)
#include "tst_run_catalog.moc"
