// Tests YAML config validation: every problem reported, each at the exact line and column.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "std_string_printer.h"

#include "core/config/config_file.h"

using namespace tb;

namespace {

// "LINE:COL key | message" per diagnostic: one string shows all of them when a test fails.
QStringList summary(const LoadedConfig& config) {
    QStringList lines;
    for (const Diagnostic& d : config.diagnostics) {
        lines << QStringLiteral("%1:%2 %3 | %4")
                     .arg(d.line)
                     .arg(d.column)
                     .arg(QString::fromStdString(d.key), QString::fromStdString(d.message));
    }
    return lines;
}

}  // namespace

class TestConfigDiagnostics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validFileGivesValuesAndDefaults() {
        const LoadedConfig config = parseConfigText(
            "version: 1\n"
            "name: mnist-small\n"
            "optim:\n"
            "  lr: 3e-4\n"
            "  nesterov: yes\n"
            "data:\n"
            "  synthetic: {samples: 100, shape: [3, 8, 8]}\n"
            "model:\n"
            "  hidden:\n"
            "    - 64\n"
            "    - 32\n",
            "c.yaml", "/base");
        QVERIFY2(config.ok(), qPrintable(summary(config).join('\n')));
        QCOMPARE(config.values.size(), defaultValues().size());
        QCOMPARE(config.values.at("name"), std::string("mnist-small"));
        QCOMPARE(config.values.at("optim.lr"), std::string("3e-04"));
        QCOMPARE(config.values.at("optim.nesterov"), std::string("true"));
        QCOMPARE(config.values.at("data.synthetic.samples"), std::string("100"));
        QCOMPARE(config.values.at("data.synthetic.shape"), std::string("[3, 8, 8]"));
        QCOMPARE(config.values.at("model.hidden"), std::string("[64, 32]"));
        QCOMPARE(config.values.at("train.epochs"), std::string("5"));  // default
    }

    void emptyFileIsAllDefaults() {
        const LoadedConfig config = parseConfigText("# nothing yet\n", "c.yaml", "/");
        QVERIFY(config.ok());
        QCOMPARE(config.values, defaultValues());
    }

    void reportsEveryProblemInTextOrderAtItsPosition() {
        const LoadedConfig config = parseConfigText(
            "name: demo\n"
            "optim:\n"
            "  lrr: 0.01\n"
            "  kind: adagrad\n"
            "data:\n"
            "  batch_size: 0\n"
            "  workers: two\n"
            "model: cnn\n"
            "train:\n"
            "  device: gpu\n"
            "  epochs: [1, 2]\n"
            "seed:\n",
            "demo.yaml", "/");
        QCOMPARE(summary(config),
                 QStringList(
                     {"3:3 optim.lrr | unknown key 'optim.lrr'; did you mean 'optim.lr'?",
                      "4:9 optim.kind | optim.kind must be one of sgd, adam, adamw; got 'adagrad'",
                      "6:15 data.batch_size | data.batch_size must be between 1 and 65536, got 0",
                      "7:12 data.workers | data.workers must be an integer, got 'two'",
                      "8:8 model | 'model' is a section, not a value; write its keys indented "
                      "below it, e.g. 'kind: cnn'",
                      "10:11 train.device | train.device must be auto, cpu, cuda or cuda:N (N = "
                      "GPU index), got 'gpu'",
                      "11:11 train.epochs | train.epochs must be an integer, got a list",
                      "12:1 seed | seed has no value; expected an integer"}));
        // Bad values leave the defaults in place.
        QCOMPARE(config.values.at("data.batch_size"), std::string("64"));
        QCOMPARE(config.values.at("optim.kind"), std::string("adam"));
    }

    void formatGivesFileLineColumn() {
        const LoadedConfig config = parseConfigText("optim:\n  lrr: 1\n", "/cfg/demo.yaml", "/");
        QCOMPARE(config.diagnostics.size(), size_t(1));
        QCOMPARE(config.diagnostics[0].format(),
                 std::string("/cfg/demo.yaml:2:3: error: unknown key 'optim.lrr'; did you mean "
                             "'optim.lr'?"));
        QCOMPARE(config.diagnostics[0].file, std::string("/cfg/demo.yaml"));
        const Diagnostic fromSet{"--set", 0, 0, "", "bad"};
        QCOMPARE(fromSet.format(), std::string("--set: error: bad"));
    }

    void yamlSyntaxErrorHasPosition() {
        const LoadedConfig config = parseConfigText("name: demo\n seed: 2\n", "s.yaml", "/");
        QCOMPARE(summary(config), QStringList({"2:6  | YAML syntax error: illegal map value"}));
        const LoadedConfig flow = parseConfigText("a: [1, 2\nb: 3\n", "s.yaml", "/");
        QCOMPARE(flow.diagnostics.size(), size_t(1));
        QCOMPARE(flow.diagnostics[0].line, 2);
        QVERIFY(flow.diagnostics[0].message.find("YAML syntax error") == 0);
    }

    void problemsInsideFlowCollectionsPointAtTheElement() {
        const LoadedConfig config = parseConfigText(
            "data:\n"
            "  synthetic: {samples: 5, classes: 10, shape: [1, 0, 28]}\n"
            "model:\n"
            "  channels: [32, 64, 128, 256, 512, 1024, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, "
            "32]\n"
            "  hidden: [64, x]\n",
            "f.yaml", "/");
        QCOMPARE(summary(config),
                 QStringList({"2:24 data.synthetic.samples | data.synthetic.samples must be "
                              "between 10 and 10000000, got 5",
                              "2:51 data.synthetic.shape | data.synthetic.shape has element 0; "
                              "each must be between 1 and 4096",
                              "4:13 model.channels | model.channels must have 1 to 16 elements, "
                              "got 17",
                              "5:16 model.hidden | model.hidden must be a list of integers like "
                              "[256, 128]; element 2 is 'x'"}));
    }

    void duplicateAndUnknownSectionsAndVersion() {
        const LoadedConfig config = parseConfigText(
            "version: 2\n"
            "optimm:\n"
            "  lr: 1\n"
            "seed: 1\n"
            "seed: 2\n"
            "train:\n"
            "  lr: 0.1\n",
            "d.yaml", "/");
        QCOMPARE(summary(config),
                 QStringList({"1:10 version | version must be 1, the only config schema version "
                              "this Trainbench reads",
                              "2:1 optimm | unknown key 'optimm'; did you mean 'optim'?",
                              "5:1 seed | duplicate key 'seed' (first given on line 4)",
                              "7:3 train.lr | unknown key 'train.lr'; did you mean 'optim.lr'?"}));
    }

    void resnetDepthMustBeSixNPlusTwo() {
        const LoadedConfig bad =
            parseConfigText("model:\n  kind: resnet\n  depth: 21\n", "r.yaml", "/");
        QCOMPARE(summary(bad), QStringList({"3:10 model.depth | model.depth must be 6n+2 for a "
                                            "ResNet (such as 20, 32, 44, 56 or 110), got 21"}));
        QVERIFY(parseConfigText("model:\n  kind: resnet\n  depth: 32\n", "r", "/").ok());
        // Depth means nothing to a CNN, so it is not held against one.
        QVERIFY(parseConfigText("model:\n  kind: cnn\n  depth: 21\n", "r", "/").ok());
    }

    void dataPathIsCheckedForKindsThatNeedOne() {
        const LoadedConfig missing = parseConfigText("data:\n  kind: mnist\n", "m.yaml", "/");
        QCOMPARE(summary(missing), QStringList({"2:9 data.path | data.path is required when "
                                                "data.kind is mnist; point it at the folder "
                                                "holding the MNIST files"}));
        const LoadedConfig absent =
            parseConfigText("data:\n  kind: mnist\n  path: /x/no-such-dir\n", "m.yaml", "/");
        QCOMPARE(summary(absent), QStringList({"3:9 data.path | data.path '/x/no-such-dir' does "
                                               "not exist; point it at the folder holding the "
                                               "MNIST files"}));
    }

    void relativeDataPathResolvesAgainstBaseDir() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath("datasets/mnist"));
        QFile csv(dir.filePath("table.csv"));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.close();
        const std::string base = dir.path().toStdString();

        const LoadedConfig folder =
            parseConfigText("data:\n  kind: mnist\n  path: datasets/./mnist\n", "c.yaml", base);
        QVERIFY2(folder.ok(), qPrintable(summary(folder).join('\n')));
        QCOMPARE(folder.values.at("data.path"), base + "/datasets/mnist");

        const LoadedConfig file =
            parseConfigText("data:\n  kind: csv\n  path: table.csv\n", "c.yaml", base);
        QVERIFY2(file.ok(), qPrintable(summary(file).join('\n')));
        QCOMPARE(file.values.at("data.path"), base + "/table.csv");

        const LoadedConfig wrongShape =
            parseConfigText("data:\n  kind: cifar10\n  path: table.csv\n", "c.yaml", base);
        QCOMPARE(summary(wrongShape),
                 QStringList({QString::fromStdString(
                     "3:9 data.path | data.path '" + base +
                     "/table.csv' is not a folder; point it at the folder holding the CIFAR-10 "
                     "binary files")}));
    }

    void loadConfigFileReadsFromDisk() {
        QTemporaryDir dir;
        QFile yaml(dir.filePath("run.yaml"));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("optim:\n  lr: 20\n");
        yaml.close();
        const LoadedConfig config = loadConfigFile(yaml.fileName().toStdString());
        QCOMPARE(config.diagnostics.size(), size_t(1));
        QCOMPARE(config.diagnostics[0].format(),
                 yaml.fileName().toStdString() +
                     ":2:7: error: optim.lr must be greater than 0 and at most 10, got 20");
        const LoadedConfig missing = loadConfigFile(dir.filePath("nope.yaml").toStdString());
        QCOMPARE(missing.diagnostics.size(), size_t(1));
        QCOMPARE(missing.diagnostics[0].line, 0);
    }

    // A config can come back from a box: 200 000 unknown keys gave 200 000 diagnostics, each
    // with an edit-distance search. Now the first 20 are listed and the rest counted (40 000
    // here: 200 000 are past the size cap below).
    void manyUnknownKeysAreListedUpToACap() {
        std::string text = "optim:\n  lr: 20\n";
        for (int i = 0; i < 40000; ++i) text += "unknown_" + std::to_string(i) + ": 1\n";
        const LoadedConfig config = parseConfigText(text, "c.yaml", "/");
        QCOMPARE(config.diagnostics.size(), size_t(22));
        QCOMPARE(config.diagnostics[0].message,
                 std::string("optim.lr must be greater than 0 and at most 10, got 20"));
        QCOMPARE(config.diagnostics[20].message, std::string("unknown key 'unknown_19'"));
        const Diagnostic& rest = config.diagnostics.back();
        QCOMPARE(rest.line, 23);  // where the first key not listed is
        QCOMPARE(rest.message, std::string("and 39980 more unknown keys (not listed)"));
    }

    // Past 1 MiB a config is refused before YAML reads it, naming the file.
    void aConfigFarTooLargeIsRefused() {
        const std::string text = "name: big\n# " + std::string(2 << 20, 'x') + "\n";
        const LoadedConfig config = parseConfigText(text, "big.yaml", "/");
        QCOMPARE(config.diagnostics.size(), size_t(1));
        QVERIFY2(config.diagnostics[0].message.find("big.yaml: the config is 2048 KiB") == 0,
                 config.diagnostics[0].message.c_str());
    }
};

QTEST_APPLESS_MAIN(TestConfigDiagnostics)
#include "tst_config_diagnostics.moc"
