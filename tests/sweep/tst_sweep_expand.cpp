// Tests expanding grid and list sweeps into trials: values, order, the --set arguments, the
// placeholder values and the labels.
#include <QTest>

#include "sweep_test_support.h"
#include "tests/config/std_string_printer.h"

#include "core/sweep/sweep_expand.h"

using namespace tb;

namespace {

QStringList labels(const std::vector<Trial>& trials) {
    QStringList out;
    for (const Trial& trial : trials) out << QString::fromStdString(trial.label);
    return out;
}

QStringList sets(const Trial& trial) {
    QStringList out;
    for (const std::string& set : setArguments(trial)) out << QString::fromStdString(set);
    return out;
}

const std::string kGrid = "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n";

}  // namespace

class TestSweepExpand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gridIsEveryCombinationLastKeyFastest() {
        const SweepSpec spec = specOf(kGrid +
                                      "  optim.lr: [0.1, 0.01, 1e-3]\n"
                                      "  optim.kind: [sgd, adam]\n");
        QCOMPARE(sweepSize(spec), 6);
        const std::vector<Trial> trials = expandSweep(spec);
        QCOMPARE(trials.size(), size_t(6));
        QCOMPARE(labels(trials),
                 QStringList({"lr=0.1 kind=sgd", "lr=0.1 kind=adam", "lr=0.01 kind=sgd",
                              "lr=0.01 kind=adam", "lr=0.001 kind=sgd", "lr=0.001 kind=adam"}));
        for (int i = 0; i < 6; ++i) QCOMPARE(trials[i].index, i);
        QCOMPARE(sets(trials[3]), QStringList({"optim.lr=0.01", "optim.kind=adam"}));
        QCOMPARE(sets(trials[4]), QStringList({"optim.lr=0.001", "optim.kind=sgd"}));
        QVERIFY(placeholderValues(trials[0]).empty());
    }

    void threeAxesInOrder() {
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  seed: [1, 2]\n  train.epochs: [3, 4]\n"
                                       "  data.workers: [0, 1]\n"));
        QCOMPARE(labels(trials),
                 QStringList({"seed=1 epochs=3 workers=0", "seed=1 epochs=3 workers=1",
                              "seed=1 epochs=4 workers=0", "seed=1 epochs=4 workers=1",
                              "seed=2 epochs=3 workers=0", "seed=2 epochs=3 workers=1",
                              "seed=2 epochs=4 workers=0", "seed=2 epochs=4 workers=1"}));
    }

    void fixedValuesAreSetButLeftOutOfTheLabel() {
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  train.epochs: 3\n  optim.lr: [0.1, 0.2]\n"
                                       "  data.synthetic.shape: [[1, 8, 8]]\n"));
        QCOMPARE(labels(trials), QStringList({"lr=0.1", "lr=0.2"}));
        QCOMPARE(sets(trials[1]),
                 QStringList({"train.epochs=3", "optim.lr=0.2", "data.synthetic.shape=[1, 8, 8]"}));
    }

    void sameLeafKeysKeepTheirFullNames() {
        const std::vector<Trial> trials = expandSweep(specOf(
            kGrid + "  optim.kind: [sgd]\n  model.kind: [mlp, cnn]\n  optim.lr: [0.1, 0.2]\n"));
        // optim.kind is fixed, so model.kind's short name would be unambiguous among the
        // varied keys: "kind" is fine there.
        QCOMPARE(labels(trials).first(), QString("kind=mlp lr=0.1"));
        const std::vector<Trial> both =
            expandSweep(specOf(kGrid + "  optim.kind: [sgd, adam]\n  model.kind: [mlp, cnn]\n"));
        QCOMPARE(labels(both).first(), QString("optim.kind=sgd model.kind=mlp"));
    }

    void listValuesInLabelsHaveNoSpaces() {
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  model.channels: [[16, 32], [32, 64, 128]]\n"));
        QCOMPARE(labels(trials), QStringList({"channels=[16,32]", "channels=[32,64,128]"}));
        QCOMPARE(sets(trials[1]), QStringList("model.channels=[32, 64, 128]"));
    }

    void placeholdersAreValuesNotSets() {
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  \"{lr}\": [0.10, \"1e-2\"]\n  optim.lr: [0.5]\n"
                                       "  \"{mode}\": [\"fast run\"]\n"));
        QCOMPARE(trials.size(), size_t(2));
        QCOMPARE(sets(trials[0]), QStringList("optim.lr=0.5"));
        // Placeholder text is kept as written: a script's argument is its own business.
        QCOMPARE(placeholderValues(trials[0]),
                 (ConfigValues{{"lr", "0.10"}, {"mode", "fast run"}}));
        QCOMPARE(placeholderValues(trials[1]).at("lr"), std::string("1e-2"));
        QCOMPARE(labels(trials), QStringList({"lr=0.10", "lr=1e-2"}));
        QVERIFY(trials[0].assignments[0].placeholder);
        QCOMPARE(trials[0].assignments[0].key, std::string("lr"));
    }

    void placeholderAndKeyWithTheSameLeafAreNamedInFull() {
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  \"{lr}\": [1, 2]\n  optim.lr: [0.5, 0.6]\n"));
        QCOMPARE(labels(trials).first(), QString("lr=1 optim.lr=0.5"));
    }

    void longLabelValuesAreCut() {
        const std::string text(60, 'a');
        const std::vector<Trial> trials =
            expandSweep(specOf(kGrid + "  \"{t}\": [" + text + ", b]\n"));
        QCOMPARE(trials[0].label, "t=" + std::string(32, 'a') + "~");
    }

    void listTrialsAsWritten() {
        const SweepSpec spec = specOf(
            "method: list\nmetric: val/loss\ngoal: min\ntrials:\n"
            "  - {optim.lr: 0.1, train.epochs: 3}\n"
            "  - {optim.lr: 1e-2}\n"
            "  - {}\n"
            "  - {train.epochs: 3, optim.kind: adam}\n");
        QCOMPARE(sweepSize(spec), 4);
        const std::vector<Trial> trials = expandSweep(spec);
        QCOMPARE(trials.size(), size_t(4));
        QCOMPARE(sets(trials[0]), QStringList({"optim.lr=0.1", "train.epochs=3"}));
        QCOMPARE(sets(trials[1]), QStringList("optim.lr=0.01"));
        QVERIFY(sets(trials[2]).isEmpty());
        QCOMPARE(labels(trials),
                 QStringList({"lr=0.1 epochs=3", "lr=0.01", "base", "epochs=3 kind=adam"}));
        QCOMPARE(trials[3].index, 3);
        // Expanded assignments carry no file positions.
        QCOMPARE(trials[0].assignments[0].line, 0);
    }

    void oneTrialIsLabelledByWhatItSets() {
        const std::vector<Trial> trials = expandSweep(specOf(
            "method: list\nmetric: val/loss\ngoal: min\ntrials: [{optim.lr: 0.1, seed: 2}]\n"));
        QCOMPARE(labels(trials), QStringList("lr=0.1 seed=2"));
        const std::vector<Trial> none =
            expandSweep(specOf("method: list\nmetric: val/loss\ngoal: min\ntrials: [{}]\n"));
        QCOMPARE(labels(none), QStringList("base"));
    }

    void sizeOfAnEmptySpecIsZero() {
        SweepSpec spec;
        QCOMPARE(sweepSize(spec), 0);
        QVERIFY(expandSweep(spec).empty());
    }
};

QTEST_GUILESS_MAIN(TestSweepExpand)
#include "tst_sweep_expand.moc"
