// Tests checking a sweep against its run: placeholders need a script run whose command uses
// them, and the built-in trainer ranks by a metric it writes.
#include <QTest>

#include "sweep_test_support.h"
#include "tests/config/std_string_printer.h"

#include "core/sweep/sweep_run_check.h"

using namespace tb;

namespace {

const SweepSpec kMixed = specOf(
    "method: grid\n"
    "metric: val/loss\n"
    "goal: min\n"
    "parameters:\n"
    "  optim.lr: [0.1, 0.01]\n"
    "  \"{width}\": [64, 128]\n");

}  // namespace

class TestSweepRunCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInTrainerTakesConfigKeysOnly() {
        QCOMPARE(diagnosticLines(checkSweepRun(kMixed, SweepRun{})),
                 QStringList("6:3 {width} is a script placeholder, but this sweep runs the "
                             "built-in trainer; vary a config key such as optim.lr, or run a "
                             "script whose command uses {width}"));
        const SweepSpec keysOnly =
            specOf("method: grid\nmetric: val/acc\ngoal: max\nparameters: {seed: [1, 2]}\n");
        QVERIFY(checkSweepRun(keysOnly, SweepRun{}).empty());
    }

    void builtInTrainerNeedsAMetricItWrites() {
        const SweepSpec spec =
            specOf("method: grid\nmetric: val/accuracy\ngoal: max\nparameters: {seed: [1, 2]}\n");
        const std::vector<Diagnostic> problems = checkSweepRun(spec, SweepRun{});
        QCOMPARE(diagnosticLines(problems),
                 QStringList("2:9 the built-in trainer writes no metric 'val/accuracy'; it writes "
                             "train/loss, train/acc, lr, samples_per_sec, val/loss and val/acc"));
        QCOMPARE(problems[0].file, std::string("s.yaml"));
        // A script writes whatever metrics it likes.
        QVERIFY(checkSweepRun(spec, SweepRun{"python train.py"}).empty());
    }

    void scriptMustUseEachPlaceholder() {
        QVERIFY(checkSweepRun(kMixed, SweepRun{"python train.py --width {width}"}).empty());
        QVERIFY(checkSweepRun(kMixed, SweepRun{"python train.py --width='{width}'"}).empty());
        const QString missing =
            "6:3 the command has no {width}, so every trial would run the same command; use it "
            "in the command (e.g. --width {width}) or remove it from the sweep";
        QCOMPARE(diagnosticLines(checkSweepRun(kMixed, SweepRun{"python train.py"})),
                 QStringList(missing));
        // ${width} is the shell's variable and {{width}} literal text: neither is filled.
        QCOMPARE(diagnosticLines(checkSweepRun(kMixed, SweepRun{"echo ${width} {{width}}"})),
                 QStringList(missing));
    }

    void listedTrialsAreCheckedOncePerPlaceholder() {
        const SweepSpec spec = specOf(
            "method: list\nmetric: loss\ngoal: min\ntrials:\n"
            "  - {\"{depth}\": 2, optim.lr: 0.1}\n"
            "  - {\"{depth}\": 3}\n");
        QCOMPARE(diagnosticLines(checkSweepRun(spec, SweepRun{"./run.sh {lr}"})),
                 QStringList("5:6 the command has no {depth}, so every trial would run the same "
                             "command; use it in the command (e.g. --depth {depth}) or remove it "
                             "from the sweep"));
        QVERIFY(checkSweepRun(spec, SweepRun{"./run.sh {depth}"}).empty());
    }
};

QTEST_GUILESS_MAIN(TestSweepRunCheck)
#include "tst_sweep_run_check.moc"
