// Tests the bounds on a sweep file: its size, the trials a grid, a count or a list may make,
// list lengths, parameter counts, value lengths and the number of problems listed.
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "sweep_test_support.h"
#include "tests/config/std_string_printer.h"

#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_spec.h"

using namespace tb;

namespace {

const std::string kHead = "method: grid\nmetric: val/loss\ngoal: min\n";

// "[0, 1, 2, ...]" of `n` integers from `first`.
std::string intList(int n, int first = 0) {
    std::string text = "[";
    for (int i = 0; i < n; ++i) text += (i ? ", " : "") + std::to_string(first + i);
    return text + "]";
}

QStringList problems(const std::string& text) {
    return diagnosticLines(parseSweepText(text, "s.yaml").diagnostics);
}

}  // namespace

class TestSweepLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gridAtTheLimitIsAcceptedAndPastItRefused() {
        const LoadedSweep atLimit =
            parseSweepText(kHead + "parameters:\n  seed: " + intList(100) +
                               "\n  train.epochs: " + intList(100, 1) + "\n",
                           "s.yaml");
        QVERIFY2(atLimit.ok(), qPrintable(diagnosticLines(atLimit.diagnostics).join('\n')));
        QCOMPARE(sweepSize(atLimit.spec), 10000);
        QCOMPARE(expandSweep(atLimit.spec).size(), size_t(10000));

        const LoadedSweep past = parseSweepText(kHead + "parameters:\n  seed: " + intList(100) +
                                                    "\n  train.epochs: " + intList(100, 1) +
                                                    "\n  optim.kind: [sgd, adam]\n",
                                                "s.yaml");
        QCOMPARE(diagnosticLines(past.diagnostics),
                 QStringList("4:1 the grid has 20000 trials (100 × 100 × 2), past the limit of "
                             "10000; list fewer values or use method: random with a count"));
        QCOMPARE(sweepSize(past.spec), 20000);
        QVERIFY(expandSweep(past.spec).empty());  // a refused spec expands to nothing
    }

    void gridProductDoesNotOverflow() {
        std::string text = kHead + "parameters:\n";
        for (int i = 0; i < 8; ++i) {
            text += "  \"{p" + std::to_string(i) + "}\": " + intList(1000) + "\n";
        }
        const LoadedSweep sweep = parseSweepText(text, "s.yaml");
        QCOMPARE(sweep.diagnostics.size(), size_t(1));
        QVERIFY(sweep.diagnostics[0].message.find("over 2 billion trials") != std::string::npos);
        QCOMPARE(sweepSize(sweep.spec), INT32_MAX);
    }

    void listLengthAndParameterCount() {
        QCOMPARE(problems(kHead + "parameters:\n  seed: " + intList(1001) + "\n"),
                 QStringList("5:9 seed lists 1001 values; at most 1000"));
        std::string many = kHead + "parameters:\n";
        for (int i = 0; i < 65; ++i) many += "  \"{p" + std::to_string(i) + "}\": [1]\n";
        QCOMPARE(problems(many), QStringList("5:3 parameters has 65 keys; at most 64"));
    }

    void countAndTrialsAreBounded() {
        const std::string random =
            "method: random\nmetric: m\ngoal: min\nparameters: {seed: [1]}\ncount: ";
        QVERIFY(parseSweepText(random + "10000\n", "s.yaml").ok());
        QCOMPARE(problems(random + "10001\n"),
                 QStringList("5:8 count must be an integer from 1 to 10000, got '10001'"));
        QCOMPARE(problems(random + "twenty\n"),
                 QStringList("5:8 count must be an integer from 1 to 10000, got 'twenty'"));

        std::string list = "method: list\nmetric: m\ngoal: min\ntrials:\n";
        for (int i = 0; i < 10001; ++i) list += "- {}\n";
        QCOMPARE(problems(list), QStringList("5:1 trials lists 10001 trials; at most 10000"));
    }

    void placeholderTextIsBounded() {
        const std::string ok(1024, 'a');
        QVERIFY(parseSweepText(kHead + "parameters:\n  \"{t}\": [" + ok + "]\n", "s.yaml").ok());
        QCOMPARE(problems(kHead + "parameters:\n  \"{t}\": [" + ok + "b]\n"),
                 QStringList("5:11 {t} has a value of 1025 characters; at most 1024 are allowed"));
    }

    void fileSizeIsBounded() {
        const std::string big = kHead + "# " + std::string(kMaxSweepBytes, 'x') + "\n";
        QCOMPARE(problems(big),
                 QStringList("0:0 the sweep file is 256 KiB, far past any sweep (at most 256 KiB "
                             "are read); check that this is the sweep file"));

        QTemporaryDir dir;
        const std::string path = dir.filePath("big.yaml").toStdString();
        std::ofstream(path) << std::string(kMaxSweepBytes * 4, '#');
        const LoadedSweep loaded = loadSweepFile(path);
        QCOMPARE(diagnosticLines(loaded.diagnostics),
                 QStringList("0:0 the sweep file is 1024 KiB, far past any sweep (at most 256 KiB "
                             "are read); check that this is the sweep file"));
        QCOMPARE(loaded.diagnostics[0].file, path);

        const LoadedSweep missing = loadSweepFile(dir.filePath("none.yaml").toStdString());
        QCOMPARE(diagnosticLines(missing.diagnostics),
                 QStringList("0:0 cannot read the sweep file; check that it exists and is "
                             "readable"));
    }

    void loadSweepFileReadsAFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("s.yaml").toStdString();
        std::ofstream(path) << kHead << "parameters:\n  optim.lr: [0.1, abc]\n";
        const LoadedSweep loaded = loadSweepFile(path);
        QCOMPARE(loaded.diagnostics.size(), size_t(1));
        QCOMPARE(loaded.diagnostics[0].format(),
                 path + ":5:19: error: optim.lr must be a number, got 'abc'");
    }

    void problemsAreListedUpToACap() {
        std::string values = "[";
        for (int i = 0; i < 200; ++i) values += (i ? ", x" : "x") + std::to_string(i);
        const QStringList lines = problems(kHead + "parameters:\n  optim.lr: " + values + "]\n");
        QCOMPARE(lines.size(), int(kMaxSweepDiagnostics) + 1);
        QVERIFY2(lines[0].startsWith("5:14 optim.lr must be a number, got 'x0'"),
                 qPrintable(lines[0]));
        QVERIFY2(lines.back().endsWith("and 150 more problems (not listed); fix the ones above "
                                       "first"),
                 qPrintable(lines.back()));
    }
};

QTEST_GUILESS_MAIN(TestSweepLimits)
#include "tst_sweep_limits.moc"
