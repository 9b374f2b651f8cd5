// startLocalSweep and readSweep with real runs: a 6-trial grid of script runs over four fake GPUs
// (two trials per GPU) runs every trial once with its values and a listed GPU, the built-in
// trainer's trials record their sweep and are ranked by their metric, a bad spec leaves nothing
// behind, and an interrupted trial's script resumes from the run's checkpoint.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/local_backend.h"
#include "core/runs/trial_script.h"
#include "core/services/sweep_add.h"
#include "core/services/sweep_launcher.h"
#include "core/services/sweep_status.h"

using namespace tb;

namespace {

QString binDir() {
    return qEnvironmentVariable("TB_BIN_DIR");
}

void writeText(const QString& path, const QByteArray& text) {
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

QByteArray readText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool drained(const QString& root, const QString& id) {
    auto report = readSweep(root, id);
    return report && report->state == QLatin1String("drained");
}

}  // namespace

class SweepLauncherTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scriptGridRunsEachTrialOnceOnAListedGpu();
    void trainerTrialsRecordTheirSweepAndRank();
    void badSpecLeavesNothingBehind();
    void interruptedTrialResumesFromItsCheckpoint();
    void medianRuleStopsATrialWorseThanTheFinished();
    void trialsAddedToADrainedSweepRun();
};

void SweepLauncherTest::scriptGridRunsEachTrialOnceOnAListedGpu() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("runs"));
    const QString spec = dir.filePath(QStringLiteral("grid.yaml"));
    writeText(spec,
              "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
              "  \"{lr}\": [0.3, 0.1, 0.2]\n  \"{kind}\": [a, b]\n");
    LocalBackend backend(root, binDir());
    SweepSetup setup;
    // Each trial writes what it saw and a metric equal to its lr.
    setup.base.command = QStringLiteral(
        "printf '%s %s %s\\n' \"$CUDA_VISIBLE_DEVICES\" {lr} {kind} > "
        "\"$TRAINBENCH_RUN_DIR/seen\"; "
        "printf '{\"step\":1,\"val/loss\":%s}\\n' {lr} >> \"$TRAINBENCH_RUN_DIR/metrics.jsonl\"");
    setup.base.workDir = dir.path();
    setup.sweepPath = spec;
    setup.slots = sweepSlots(
        {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}, 1, 2);
    QCOMPARE(setup.slots.size(), 8);
    auto started = startLocalSweep(backend, setup);
    QVERIFY2(started, started ? "" : started.error().c_str());
    QCOMPARE(started->runs.size(), 6);
    QTRY_VERIFY_WITH_TIMEOUT(drained(root, started->id), 120000);

    const QStringList expected{QStringLiteral("0.3 a"), QStringLiteral("0.3 b"),
                               QStringLiteral("0.1 a"), QStringLiteral("0.1 b"),
                               QStringLiteral("0.2 a"), QStringLiteral("0.2 b")};
    for (int i = 0; i < 6; ++i) {
        const QString seen =
            QString::fromUtf8(readText(root + QLatin1Char('/') + started->runs[i] + "/seen"))
                .trimmed();
        const QStringList words = seen.split(QLatin1Char(' '));
        QCOMPARE(words.size(), 3);
        QVERIFY2(setup.slots.contains(words[0]), qPrintable(seen));
        QCOMPARE(words.mid(1).join(QLatin1Char(' ')), expected[i]);
        // Exactly once: one record, one ended trial script.
        QCOMPARE(
            readText(root + QLatin1Char('/') + started->runs[i] + "/metrics.jsonl").count('\n'), 1);
    }
    auto report = readSweep(root, started->id);
    QVERIFY(report);
    QCOMPARE(report->count(TrialQueueState::Done), 6);
    QVERIFY(report->bestRow >= 0);
    QCOMPARE(report->trials[report->bestRow].values.value(QStringLiteral("lr")),
             QStringLiteral("0.1"));
    const QList<int> ranked = report->ranking();
    QCOMPARE(report->trials[ranked.last()].best, 0.3);
    for (const SweepTrialRow& row : report->trials) QCOMPARE(row.info.state, RunState::Finished);
}

void SweepLauncherTest::trainerTrialsRecordTheirSweepAndRank() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("runs"));
    const QString config = dir.filePath(QStringLiteral("tiny.yaml"));
    writeText(config,
              "name: tiny\ndata:\n  kind: synthetic\n  workers: 0\n"
              "  synthetic: {samples: 300, classes: 4, shape: [1, 8, 8]}\n"
              "model:\n  kind: mlp\ntrain:\n  epochs: 2\n");
    const QString spec = dir.filePath(QStringLiteral("lrs.yaml"));
    writeText(spec,
              "method: list\nmetric: val/acc\ngoal: max\ntrials:\n"
              "  - {optim.lr: 0.01}\n  - {optim.lr: 0.0001}\n");
    LocalBackend backend(root, binDir());
    SweepSetup setup;
    setup.base.configPath = config;
    setup.sweepPath = spec;
    setup.slots = sweepSlots({}, 2, 1);
    auto started = startLocalSweep(backend, setup);
    QVERIFY2(started, started ? "" : started.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(drained(root, started->id), 300000);
    auto report = readSweep(root, started->id);
    QVERIFY(report);
    QCOMPARE(report->trials.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const SweepTrialRow& row = report->trials[i];
        QCOMPARE(row.info.state, RunState::Finished);
        QCOMPARE(row.epochs, 2);
        QVERIFY(!std::isnan(row.best));
        const QJsonObject run =
            QJsonDocument::fromJson(readText(root + QLatin1Char('/') + row.run + "/run.json"))
                .object();
        const QJsonObject sweep = run.value(QStringLiteral("sweep")).toObject();
        QCOMPARE(sweep.value(QStringLiteral("id")).toString(), started->id);
        QCOMPARE(sweep.value(QStringLiteral("trial")).toInt(), i);
        QCOMPARE(run.value(QStringLiteral("name")).toString(),
                 QStringLiteral("tiny-t%1").arg(i + 1));
        const QByteArray resolved =
            readText(root + QLatin1Char('/') + row.run + "/config.resolved");
        QVERIFY2(resolved.contains(i == 0 ? "optim.lr = 0.01" : "optim.lr = 1e-04"),
                 resolved.constData());
    }
    const QList<int> ranked = report->ranking();
    QCOMPARE(ranked.front(), report->bestRow);
    QVERIFY(report->trials[ranked[0]].best >= report->trials[ranked[1]].best);
}

void SweepLauncherTest::badSpecLeavesNothingBehind() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("runs"));
    const QString spec = dir.filePath(QStringLiteral("bad.yaml"));
    writeText(spec,
              "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
              "  optim.lr: [0.1, abc]\n");
    LocalBackend backend(root, binDir());
    SweepSetup setup;
    setup.base.configPath = QString::fromUtf8(qgetenv("TB_SOURCE_DIR")) +
                            QStringLiteral("/resources/configs/demo.yaml");
    setup.sweepPath = spec;
    setup.slots = sweepSlots({}, 1, 1);
    auto started = startLocalSweep(backend, setup);
    QVERIFY(!started);
    QVERIFY2(QString::fromStdString(started.error()).contains(spec + QStringLiteral(":5:")),
             started.error().c_str());
    QVERIFY(QDir(root + QStringLiteral("/.sweeps")).isEmpty());
    // A config that fails to load: nothing queued stays either.
    writeText(spec, "method: list\nmetric: val/loss\ngoal: min\ntrials:\n  - {optim.lr: 0.1}\n");
    setup.base.configPath = dir.filePath(QStringLiteral("missing.yaml"));
    started = startLocalSweep(backend, setup);
    QVERIFY(!started);
    QVERIFY2(QString::fromStdString(started.error()).startsWith("trial 1: "),
             started.error().c_str());
    QCOMPARE(QDir(root + QStringLiteral("/.sweeps")).entryList(QDir::Dirs | QDir::NoDotAndDotDot),
             QStringList());
    QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList());
}

void SweepLauncherTest::interruptedTrialResumesFromItsCheckpoint() {
    QTemporaryDir dir;
    const QString run = dir.filePath(QStringLiteral("run dir 'x'"));
    QVERIFY(QDir().mkpath(run + QStringLiteral("/checkpoints")));
    const QString script = dir.filePath(QStringLiteral("000001.sh"));
    const QByteArray text = trialScriptText(run, {QStringLiteral("echo"), QStringLiteral("start")},
                                            {QStringLiteral("echo"), QStringLiteral("resume")});
    QVERIFY(writeTrialScript(script, text));
    QVERIFY(text.contains("# tb-run-dir: " + run.toUtf8()));
    const auto runScript = [&](bool resume) {
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (resume) env.insert(QStringLiteral("TB_SWEEP_RESUME"), QStringLiteral("1"));
        sh.setProcessEnvironment(env);
        sh.start(QStringLiteral("/bin/sh"), {script});
        sh.waitForFinished();
        return QString::fromUtf8(sh.readAllStandardOutput()).trimmed();
    };
    QCOMPARE(runScript(false), QStringLiteral("start"));
    QCOMPARE(runScript(true), QStringLiteral("start"));  // no checkpoint yet: start over
    writeText(run + QStringLiteral("/checkpoints/latest.json"), "{\"checkpoint\":\"a.pt\"}\n");
    QCOMPARE(runScript(true), QStringLiteral("resume"));
    QCOMPARE(runScript(false), QStringLiteral("start"));
}

void SweepLauncherTest::medianRuleStopsATrialWorseThanTheFinished() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("runs"));
    const QString spec = dir.filePath(QStringLiteral("stop.yaml"));
    writeText(spec,
              "method: list\nmetric: val/loss\ngoal: min\ntrials:\n  - {\"{v}\": 1}\n"
              "  - {\"{v}\": 2}\n  - {\"{v}\": 9}\nearly_stop: {rule: median, min_epochs: 1}\n");
    LocalBackend backend(root, binDir());
    SweepSetup setup;
    // One slot: trials 1 and 2 finish first; trial 3 reports 9 and would run for ever.
    setup.base.command = QStringLiteral(
        "printf '{\"step\":1,\"val/loss\":%s}\\n' {v} >> \"$TRAINBENCH_RUN_DIR/metrics.jsonl\"; "
        "if [ {v} = 9 ]; then while :; do sleep 0.2; done; fi");
    setup.base.workDir = dir.path();
    setup.sweepPath = spec;
    setup.slots = sweepSlots({}, 1, 1);
    auto started = startLocalSweep(backend, setup);
    QVERIFY2(started, started ? "" : started.error().c_str());
    QVERIFY(readText(started->dir + "/early_stop").startsWith("val/loss min 1"));
    QTRY_VERIFY_WITH_TIMEOUT(drained(root, started->id), 120000);
    auto report = readSweep(root, started->id);
    QVERIFY(report);
    QCOMPARE(report->trials[0].info.state, RunState::Finished);
    QCOMPARE(report->trials[1].info.state, RunState::Finished);
    QVERIFY(report->trials[0].stoppedEarly.isEmpty());
    const SweepTrialRow& stopped = report->trials[2];
    QVERIFY2(stopped.stoppedEarly.contains(QStringLiteral("worse than the median 1.5 of 2")),
             qPrintable(stopped.stoppedEarly));
    QCOMPARE(stopped.info.state, RunState::Stopped);
    QCOMPARE(report->bestRow, 0);
}

void SweepLauncherTest::trialsAddedToADrainedSweepRun() {
    QTemporaryDir dir;
    const QString root = dir.filePath(QStringLiteral("runs"));
    const QString spec = dir.filePath(QStringLiteral("one.yaml"));
    writeText(spec, "method: list\nmetric: val/loss\ngoal: min\ntrials:\n  - {\"{v}\": 5}\n");
    LocalBackend backend(root, binDir());
    SweepSetup setup;
    setup.base.command = QStringLiteral(
        "printf '{\"step\":1,\"val/loss\":%s}\\n' {v} >> \"$TRAINBENCH_RUN_DIR/metrics.jsonl\"");
    setup.base.workDir = dir.path();
    setup.sweepPath = spec;
    setup.slots = sweepSlots({}, 1, 1);
    auto started = startLocalSweep(backend, setup);
    QVERIFY2(started, started ? "" : started.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(drained(root, started->id), 60000);

    const QString more = dir.filePath(QStringLiteral("more.yaml"));
    writeText(more, "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n  \"{v}\": [3, 1]\n");
    auto added = addToLocalSweep(backend, started->id, more);
    QVERIFY2(added, added ? "" : added.error().c_str());
    QCOMPARE(added->size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(drained(root, started->id) &&
                                 readSweep(root, started->id)->count(TrialQueueState::Done) == 3,
                             60000);
    auto report = readSweep(root, started->id);
    QCOMPARE(report->trials.size(), 3);
    QCOMPARE(report->trials[1].trial, 1);
    QCOMPARE(report->trials[2].trial, 2);
    QVERIFY(report->trials[2].run.endsWith(QStringLiteral("-t3")));
    QCOMPARE(report->trials[report->bestRow].values.value(QStringLiteral("v")),
             QStringLiteral("1"));

    // Another metric does not mix into this ranking; a cancelled sweep takes no more.
    writeText(more, "method: list\nmetric: train/loss\ngoal: min\ntrials:\n  - {\"{v}\": 2}\n");
    auto refused = addToLocalSweep(backend, started->id, more);
    QVERIFY(!refused);
    QVERIFY2(QString::fromStdString(refused.error()).contains("same metric"),
             refused.error().c_str());
    writeText(started->dir + "/state", "cancelled\n");
    writeText(more, "method: list\nmetric: val/loss\ngoal: min\ntrials:\n  - {\"{v}\": 2}\n");
    QVERIFY(!addToLocalSweep(backend, started->id, more));
}

QTEST_GUILESS_MAIN(SweepLauncherTest)
#include "tst_sweep_launcher.moc"
