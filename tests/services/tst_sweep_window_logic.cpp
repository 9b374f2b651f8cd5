// What the window's sweep views are computed from, without a window: the keys that differ, the
// parallel-coordinates layout (log and linear numbers, text categories, missing values, the
// score by goal), a trial's config for a fork (config keys set, placeholders left out), the
// checkpoint to fork from, and SweepWatch reporting a sweep as it appears, changes and goes.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "core/services/sweep_axes.h"
#include "core/services/sweep_target.h"
#include "core/services/sweep_watch.h"

using namespace tb;

namespace {

SweepTrialRow trial(int index, const QMap<QString, QString>& values, double best) {
    SweepTrialRow row;
    row.trial = index;
    row.run = QStringLiteral("run-%1").arg(index);
    row.values = values;
    row.best = best;
    return row;
}

void writeFile(const QString& path, const QByteArray& text) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

}  // namespace

class SweepWindowLogicTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void variedKeysLeaveOutWhatAllTrialsShare();
    void layoutScalesNumbersAndSpacesCategories();
    void scoreFollowsTheGoal();
    void trialValuesGoIntoTheConfigText();
    void bestCheckpointByItsSidecarMetric();
    void watchReportsNewChangedAndGoneSweeps();
};

void SweepWindowLogicTest::variedKeysLeaveOutWhatAllTrialsShare() {
    SweepReport report;
    report.trials << trial(0, {{"optim.lr", "0.1"}, {"train.epochs", "3"}}, 1)
                  << trial(1, {{"optim.lr", "0.01"}, {"train.epochs", "3"}}, 2);
    QCOMPARE(variedKeys(report), QStringList{"optim.lr"});
    report.trials[1].values["optim.lr"] = "0.1";  // nothing differs: every key tells them apart
    QCOMPARE(variedKeys(report), (QStringList{"optim.lr", "train.epochs"}));
}

void SweepWindowLogicTest::layoutScalesNumbersAndSpacesCategories() {
    SweepReport report;
    report.metric = "val/loss";
    report.trials << trial(0, {{"lr", "0.1"}, {"kind", "sgd"}, {"width", "10"}}, 0.5)
                  << trial(1, {{"lr", "0.01"}, {"kind", "adam"}, {"width", "30"}}, 0.3)
                  << trial(2, {{"lr", "0.001"}, {"kind", "adamw"}, {"width", "20"}}, NAN);
    const ParallelLayout layout = parallelLayout(report, {"lr", "kind", "width"});
    QCOMPARE(layout.axes.size(), 4);
    QVERIFY(layout.axes[0].logScale);  // three decades: 0.01 halfway
    QCOMPARE(layout.positions[1][0], 0.5);
    QCOMPARE(layout.positions[0][0], 1.0);
    QVERIFY(layout.axes[1].categorical);  // in first-seen order, evenly spaced
    QCOMPARE(layout.axes[1].ticks.size(), 3);
    QCOMPARE(layout.axes[1].ticks[1].second, QStringLiteral("adam"));
    QCOMPARE(layout.positions[2][1], 1.0);
    QVERIFY(!layout.axes[2].logScale);  // 10..30 is linear
    QCOMPARE(layout.positions[2][2], 0.5);
    QCOMPARE(layout.axes[3].title, QStringLiteral("val/loss"));
    QVERIFY(std::isnan(layout.positions[2][3]));  // no metric yet
    QVERIFY(std::isnan(layout.score[2]));
}

void SweepWindowLogicTest::scoreFollowsTheGoal() {
    SweepReport report;
    report.trials << trial(0, {{"lr", "1"}}, 0.2) << trial(1, {{"lr", "2"}}, 0.8);
    ParallelLayout layout = parallelLayout(report, {"lr"});
    QCOMPARE(layout.score[0], 1.0);  // min: the lower the better
    QCOMPARE(layout.score[1], 0.0);
    report.maximize = true;
    layout = parallelLayout(report, {"lr"});
    QCOMPARE(layout.score[0], 0.0);
    QCOMPARE(layout.score[1], 1.0);
}

void SweepWindowLogicTest::trialValuesGoIntoTheConfigText() {
    const QString base = "# mine\nname: tiny\noptim:\n  lr: 0.1   # tuned\n";
    auto config = withTrialValues(base, {{"optim.lr", "0.01"}, {"model.kind", "mlp"}, {"n", "3"}});
    QVERIFY2(config, config ? "" : config.error().c_str());
    QVERIFY2(config->contains("lr: 0.01   # tuned"), qPrintable(*config));  // comments kept
    QVERIFY(config->contains("model:\n  kind: mlp"));
    QVERIFY(!config->contains("n: 3"));  // a script's placeholder is no config key
    QVERIFY(config->startsWith("# mine\n"));
}

void SweepWindowLogicTest::bestCheckpointByItsSidecarMetric() {
    QTemporaryDir dir;
    const QString run = dir.filePath("run");
    const auto checkpoint = [&](const char* name, double acc) {
        const QByteArray weights(64, 'w');
        writeFile(run + "/checkpoints/" + name + ".pt", weights);
        writeFile(run + "/checkpoints/" + name + ".json",
                  QByteArray("{\"epoch\":1,\"step\":") + QByteArray(name).right(2) +
                      ",\"bytes\":64,\"metrics\":{\"val/acc\":" + QByteArray::number(acc) + "}}");
    };
    QCOMPARE(bestCheckpoint(run, "val/acc", true), QString());
    checkpoint("ckpt-e0001-s10", 0.7);
    checkpoint("ckpt-e0002-s20", 0.9);
    checkpoint("ckpt-e0003-s30", 0.8);
    QVERIFY(bestCheckpoint(run, "val/acc", true).endsWith("ckpt-e0002-s20.pt"));
    QVERIFY(bestCheckpoint(run, "val/acc", false).endsWith("ckpt-e0001-s10.pt"));
    // A metric no sidecar has: the newest complete checkpoint.
    QVERIFY(bestCheckpoint(run, "val/loss", false).endsWith("ckpt-e0003-s30.pt"));
}

void SweepWindowLogicTest::watchReportsNewChangedAndGoneSweeps() {
    QTemporaryDir dir;
    const QString id = "20261206-120000-sweep-a";
    const QString sweep = dir.filePath(".sweeps/" + id);
    writeFile(sweep + "/sweep.json",
              R"({"id":"20261206-120000-sweep-a","metric":"val/loss","goal":"min","trials":[)"
              R"({"trial":0,"run":"20261206-120000-a-t1","label":"lr=1","values":{"lr":"1"}}]})");
    writeFile(sweep + "/queue/000001.sh", "#\n");
    SweepWatch watch(dir.path());
    QSignalSpy changed(&watch, &SweepWatch::sweepsChanged);
    watch.start(50);
    QTRY_VERIFY(watch.report(id));
    QCOMPARE(changed.first().first().toStringList(), QStringList{id});
    QCOMPARE(watch.report(id)->trials.first().queue, TrialQueueState::Queued);
    const int seen = changed.count();
    QTest::qWait(300);  // nothing changed: nothing said
    QCOMPARE(changed.count(), seen);
    QVERIFY(QDir(sweep).mkpath("running"));
    QVERIFY(QFile::rename(sweep + "/queue/000001.sh", sweep + "/running/000001.sh"));
    QTRY_COMPARE(watch.report(id)->trials.first().queue, TrialQueueState::Running);
    QVERIFY(QDir(sweep).removeRecursively());
    QTRY_VERIFY(!watch.report(id));
    QCOMPARE(changed.last().first().toStringList(), QStringList{id});
}

QTEST_GUILESS_MAIN(SweepWindowLogicTest)
#include "tst_sweep_window_logic.moc"
