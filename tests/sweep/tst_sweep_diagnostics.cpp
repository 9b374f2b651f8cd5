// Tests sweep spec parsing: a valid spec read whole, and every problem reported at its line and
// column with a message that says what to do.
#include <QTest>

#include "sweep_test_support.h"
#include "tests/config/std_string_printer.h"

#include "core/sweep/sweep_spec.h"

using namespace tb;

namespace {

QStringList problems(const char* text) {
    return diagnosticLines(parseSweepText(text, "s.yaml").diagnostics);
}

}  // namespace

class TestSweepDiagnostics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validGridIsReadWithCanonicalValues() {
        const LoadedSweep sweep = parseSweepText(
            "method: grid\n"
            "metric: val/loss\n"
            "goal: min\n"
            "parameters:\n"
            "  optim.lr: [0.10, 1e-2, 0.001]\n"
            "  optim.kind: [sgd, adam]\n"
            "  model.channels: [[16, 32], [32,64]]\n"
            "  train.epochs: 3\n"
            "early_stop: {rule: median, min_epochs: 2}\n",
            "s.yaml");
        QVERIFY2(sweep.ok(), qPrintable(diagnosticLines(sweep.diagnostics).join('\n')));
        const SweepSpec& spec = sweep.spec;
        QCOMPARE(spec.method, SweepMethod::Grid);
        QCOMPARE(spec.metric, std::string("val/loss"));
        QCOMPARE(spec.goal, SweepGoal::Min);
        QCOMPARE(spec.parameters.size(), size_t(4));
        QCOMPARE(spec.parameters[0].key, std::string("optim.lr"));
        QCOMPARE(spec.parameters[0].values, (std::vector<std::string>{"0.1", "0.01", "0.001"}));
        QCOMPARE(spec.parameters[1].values, (std::vector<std::string>{"sgd", "adam"}));
        QCOMPARE(spec.parameters[2].values, (std::vector<std::string>{"[16, 32]", "[32, 64]"}));
        QCOMPARE(spec.parameters[3].values, std::vector<std::string>{"3"});
        QCOMPARE(spec.parameters[1].line, 6);
        QCOMPARE(spec.parameters[1].column, 3);
        QVERIFY(spec.earlyStop.has_value());
        QCOMPARE(spec.earlyStop->minEpochs, 2);
    }

    void validRandomReadsDistributions() {
        const LoadedSweep sweep = parseSweepText(
            "method: random\nmetric: val/acc\ngoal: max\ncount: 20\nseed: 7\n"
            "parameters:\n"
            "  optim.momentum: {uniform: [0.8, 0.99]}\n"
            "  optim.lr: {log_uniform: [1.0e-4, 1.0e-1]}\n"
            "  data.batch_size: {int: [16, 128]}\n"
            "  optim.kind: {choice: [sgd, adam]}\n"
            "  \"{width}\": [64, wide]\n",
            "s.yaml");
        QVERIFY2(sweep.ok(), qPrintable(diagnosticLines(sweep.diagnostics).join('\n')));
        const auto& p = sweep.spec.parameters;
        QCOMPARE(sweep.spec.count, 20);
        QCOMPARE(sweep.spec.seed, uint64_t(7));
        QCOMPARE(sweep.spec.goal, SweepGoal::Max);
        QCOMPARE(p[0].distribution, SweepDistribution::Uniform);
        QCOMPARE(p[0].low, 0.8);
        QCOMPARE(p[0].high, 0.99);
        QCOMPARE(p[1].distribution, SweepDistribution::LogUniform);
        QCOMPARE(p[1].low, 1e-4);
        QCOMPARE(p[2].distribution, SweepDistribution::IntRange);
        QCOMPARE(p[2].intLow, int64_t(16));
        QCOMPARE(p[2].intHigh, int64_t(128));
        QCOMPARE(p[3].distribution, SweepDistribution::Choice);
        QCOMPARE(p[4].key, std::string("width"));
        QVERIFY(p[4].placeholder);
        QCOMPARE(p[4].values, (std::vector<std::string>{"64", "wide"}));
        QVERIFY(!sweep.spec.earlyStop.has_value());
    }

    void emptyOrNoMappingOrBadYaml() {
        QCOMPARE(problems("# nothing\n"),
                 QStringList("1:1 the sweep file is empty; start with 'method: grid', a metric, a "
                             "goal and the parameters to vary (see docs/SWEEPS.md)"));
        QCOMPARE(problems("- grid\n"),
                 QStringList("1:1 a sweep must be a mapping of keys such as 'method: grid', got "
                             "a list"));
        const QStringList syntax = problems("method: grid\nmetric: [val\n");
        QCOMPARE(syntax.size(), 1);
        QVERIFY2(syntax[0].startsWith("3:1 YAML syntax error: "), qPrintable(syntax[0]));
    }

    void missingKeysPointAtTheTop() {
        QCOMPARE(problems("\nparameters:\n  optim.lr: [0.1]\n"),
                 QStringList({"2:1 missing 'method': write method: grid, random or list",
                              "2:1 missing 'metric': name the metric that ranks the trials, e.g. "
                              "metric: val/loss",
                              "2:1 missing 'goal': write goal: min (lower is better, e.g. a loss) "
                              "or goal: max (e.g. an accuracy)"}));
        QCOMPARE(problems("method: random\nmetric: val/loss\ngoal: min\n"),
                 QStringList({"1:1 missing 'count': method random needs the number of trials to "
                              "draw, e.g. count: 20",
                              "1:1 missing 'parameters': name the keys to vary, e.g. parameters: "
                              "{optim.lr: [0.1, 0.01]}"}));
        QCOMPARE(problems("method: list\nmetric: val/loss\ngoal: min\n"),
                 QStringList("1:1 missing 'trials': method list runs the trials listed, e.g. "
                             "trials: [{optim.lr: 0.1}, {optim.lr: 0.01}]"));
    }

    void topLevelProblems() {
        QCOMPARE(problems("method: grd\n"
                          "metric: val loss\n"
                          "goal: lowest\n"
                          "count: 5\n"
                          "colour: red\n"
                          "optim.lr: [0.1]\n"
                          "parameters:\n"
                          "  optim.lr: [0.1]\n"
                          "goal: min\n"),
                 QStringList({"1:9 unknown method 'grd'; use grid (every combination), random "
                              "(count draws) or list (the trials as written)",
                              "2:9 metric must be one metrics.jsonl key such as val/loss: no "
                              "spaces, at most 200 characters",
                              "3:7 goal must be min or max, got 'lowest'",
                              "5:1 unknown key 'colour'; a sweep has method, metric, goal, count, "
                              "seed, parameters, trials, early_stop",
                              "6:1 'optim.lr' is a parameter; put it under 'parameters:' (or in a "
                              "trial)",
                              "9:1 duplicate key 'goal' (first given on line 3)"}));
        QCOMPARE(problems("method: grid\nmetric: step\ngoal: [min]\nparameters: {seed: [1]}\n"),
                 QStringList({"2:9 'step' is a record's position in metrics.jsonl, not a metric; "
                              "name one such as val/loss",
                              "3:7 goal must be min or max, got a list"}));
    }

    void keysThatBelongToOtherMethods() {
        QCOMPARE(problems("method: grid\nmetric: m\ngoal: max\ncount: 3\nseed: 1\n"
                          "trials: [{optim.lr: 0.1}]\nparameters:\n  optim.lr: [0.1]\n"),
                 QStringList({"4:1 count is only for method random; a grid runs every "
                              "combination once",
                              "5:1 seed is only for method random; a grid runs every combination "
                              "once",
                              "6:1 trials are for method list; method grid makes its trials from "
                              "parameters"}));
        QCOMPARE(problems("method: list\nmetric: m\ngoal: max\nseed: 1\n"
                          "parameters: {optim.lr: [0.1]}\ntrials: [{}]\n"),
                 QStringList({"4:1 seed is only for method random; method list runs the trials "
                              "as listed",
                              "5:1 parameters are for grid and random; with method list give "
                              "each trial's values under trials:"}));
    }

    void gridRefusesDistributionsAndEmptyLists() {
        QCOMPARE(problems("method: grid\nmetric: m\ngoal: min\nparameters:\n"
                          "  optim.lr: {log_uniform: [1e-4, 1e-1]}\n"
                          "  optim.momentum: {uniform: [0.8, 0.99]}\n"
                          "  optim.kind: []\n"
                          "  optim.lr: [0.1]\n"
                          "  train.epochs:\n"),
                 QStringList({"5:13 log_uniform is a random distribution; a grid lists its "
                              "values, e.g. optim.lr: [0.001] (or use method: random)",
                              "6:19 uniform is a random distribution; a grid lists its values, "
                              "e.g. optim.momentum: [0.9] (or use method: random)",
                              "7:15 optim.kind has an empty list; give at least one value",
                              "8:3 duplicate parameter 'optim.lr' (first given on line 5)",
                              "9:3 train.epochs has no values; list them, e.g. [5]"}));
    }

    void valuesAreCheckedAsInAConfig() {
        QCOMPARE(problems("method: random\nmetric: m\ngoal: min\ncount: 0\nseed: -1\n"
                          "parameters:\n"
                          "  optim.lr: [abc, 0.1]\n"
                          "  optim.momentum: {uniform: [0.99, 0.8]}\n"
                          "  optim.weight_decay: {log_uniform: [0, 0.1]}\n"
                          "  data.batch_size: {int: [16.5, 128]}\n"
                          "  optim.grad_clip: {int: [1, 5]}\n"
                          "  data.workers: {uniform: [1, 4]}\n"
                          "  optim.kind: {gauss: [1, 2]}\n"
                          "  optim.lrr: [0.1]\n"
                          "  optim: [1]\n"
                          "  model.channels: [16, 32]\n"
                          "  train.epochs: 0\n"
                          "  schedule.gamma: {uniform: [0.1]}\n"
                          "  optim.nesterov: [true, yes]\n"
                          "  schedule.gamma: {uniform: [0, 1]}\n"
                          "  model.dropout: {uniform: [0.5, 0.5]}\n"
                          "  train.threads: {int: [8, 2]}\n"),
                 QStringList({
                     "4:8 count must be an integer from 1 to 10000, got '0'",
                     "5:7 seed must be an integer of 0 or more, got '-1'",
                     "7:14 optim.lr must be a number, got 'abc'",
                     "8:29 uniform range is reversed; write the lower bound first",
                     "9:38 log_uniform bounds must be greater than 0, got 0; use uniform for a "
                     "range from 0",
                     "10:27 data.batch_size must be an integer, got '16.5'",
                     "11:26 int takes an integer key; optim.grad_clip is not one; use uniform: "
                     "[low, high]",
                     "12:27 uniform takes a number key; data.workers is not one; use int: [low, "
                     "high]",
                     "13:15 unknown distribution 'gauss'; use uniform, log_uniform, int or choice",
                     "14:3 unknown key 'optim.lrr'; did you mean 'optim.lr'? (a script's own "
                     "placeholder is written in quoted braces: \"{name}\")",
                     "15:3 'optim' is a config section, not a key; vary one of its keys, such as "
                     "optim.kind",
                     "16:20 model.channels must be a list of integers like [32, 64], got '16'; "
                     "each value of a list key is a list itself, e.g. model.channels: [[32, 64]]",
                     "16:24 model.channels must be a list of integers like [32, 64], got '32'; "
                     "each value of a list key is a list itself, e.g. model.channels: [[32, 64]]",
                     "17:17 train.epochs must be between 1 and 100000, got 0",
                     "18:29 uniform takes two bounds, [low, high], e.g. uniform: [0.0001, 0.1]",
                     "19:26 optim.nesterov lists true twice",
                     "20:3 duplicate parameter 'schedule.gamma' (first given on line 18)",
                     "21:28 uniform range holds a single value; list it instead, e.g. "
                     "model.dropout: [value]",
                     "22:24 int range is reversed; write the lower bound first",
                 }));
    }

    void boundsMustPassTheKeysRange() {
        // optim.lr > 0: a draw at the lower bound would be refused by the config.
        QCOMPARE(problems("method: random\nmetric: m\ngoal: min\ncount: 2\nparameters:\n"
                          "  optim.lr: {uniform: [0, 0.1]}\n"
                          "  optim.momentum: {uniform: [0.5, 2]}\n"),
                 QStringList({"6:24 optim.lr must be greater than 0 and at most 10, got 0",
                              "7:35 optim.momentum must be between 0 and 1, got 2"}));
    }

    void placeholderKeys() {
        QCOMPARE(problems("method: grid\nmetric: loss\ngoal: min\nparameters:\n"
                          "  \"{lr}\": [0.1, \"0.01\"]\n"
                          "  \"{optim.lr}\": [1]\n"
                          "  \"{1x}\": [a]\n"
                          "  \"{name\": [a]\n"
                          "  {bs}: [1]\n"
                          "  \"{mode}\": [[a]]\n"
                          "  \"{text}\": [\"a\\nb\"]\n"
                          "  \"{empty}\": [~]\n"),
                 QStringList({"6:3 '{optim.lr}' is the config key optim.lr; write it without "
                              "braces (a script's {optim.lr} reads the config value)",
                              "7:3 placeholder '{1x}' must be letters, digits, '_' and '.', "
                              "starting with a letter or '_', as in a command's {lr}",
                              "8:3 '{name' is not a placeholder; write a name in braces, quoted: "
                              "\"{lr}\"",
                              "9:3 keys must be config keys or placeholders, got a mapping; a "
                              "placeholder needs quotes: \"{lr}\": [0.1, 0.01]",
                              "10:14 {mode} takes text values, got a list",
                              "11:14 {text} values must be one line of text",
                              "12:14 {empty} has no value; give its text"}));
    }

    void listedTrials() {
        const LoadedSweep sweep = parseSweepText(
            "method: list\nmetric: val/loss\ngoal: min\n"
            "trials:\n"
            "  - {optim.lr: 0.1, train.epochs: 3}\n"
            "  - {optim.lr: 0.1, optim.lr: 0.2}\n"
            "  -\n"
            "  - {data.batch_size: big}\n"
            "  - [1]\n"
            "  - {\"{lr}\": 0.5}\n"
            "  - {}\n"
            "  - {train.epochs: 3, optim.lr: 1e-1}\n",
            "s.yaml");
        QCOMPARE(diagnosticLines(sweep.diagnostics),
                 // An empty item has no position of its own: the list's is given.
                 QStringList({"5:3 trial 3 must be a mapping of keys to values, e.g. {optim.lr: "
                              "0.1}, got nothing; write {} for the config as it is",
                              "6:21 trial 2 sets 'optim.lr' twice",
                              "8:23 data.batch_size must be an integer, got 'big'",
                              "9:5 trial 5 must be a mapping of keys to values, e.g. {optim.lr: "
                              "0.1}, got a list",
                              "12:5 trial 8 repeats trial 1; change a value (such as seed) to "
                              "run it again"}));
        QCOMPARE(sweep.spec.trials.size(), size_t(3));
        const ListedTrial& first = sweep.spec.trials[0];
        QCOMPARE(first.assignments.size(), size_t(2));
        QCOMPARE(first.assignments[1].key, std::string("train.epochs"));
        QCOMPARE(first.assignments[1].value, std::string("3"));
        QCOMPARE(first.assignments[1].line, 5);
        QCOMPARE(first.assignments[1].column, 21);
        QVERIFY(sweep.spec.trials[1].assignments[0].placeholder);
        QVERIFY(sweep.spec.trials[2].assignments.empty());
    }

    void earlyStopProblems() {
        QCOMPARE(problems("method: grid\nmetric: m\ngoal: min\nparameters: {seed: [1]}\n"
                          "early_stop: {rule: mean, min_epochs: 0, patience: 3}\n"),
                 QStringList({"5:20 early_stop rule must be median (stop a trial worse than the "
                              "median of the others at the same epoch), got 'mean'",
                              "5:38 early_stop min_epochs must be an integer from 1 to 100000, "
                              "got '0'",
                              "5:41 unknown early_stop key 'patience'; it takes rule and "
                              "min_epochs"}));
        QCOMPARE(problems("method: grid\nmetric: m\ngoal: min\nparameters: {seed: [1]}\n"
                          "early_stop:\n"),
                 QStringList("5:1 early_stop must be a mapping such as {rule: median, min_epochs: "
                             "2}, got nothing"));
    }
};

QTEST_GUILESS_MAIN(TestSweepDiagnostics)
#include "tst_sweep_diagnostics.moc"
