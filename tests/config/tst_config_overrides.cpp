// Tests --set overrides: validated like the file, problems reported with file "--set".
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "std_string_printer.h"

#include "core/config/config_file.h"

using namespace tb;

class TestConfigOverrides : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validOverridesReplaceValues() {
        LoadedConfig config = parseConfigText("optim:\n  lr: 0.1\n", "c.yaml", "/");
        QVERIFY(config.ok());
        applyOverrides(config,
                       {"optim.lr=0.01", "model.channels=[16,32]", "name=my run", "data.header=no",
                        "train.device = cuda:0", "version=1", "data.label_column='target'"});
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("optim.lr"), std::string("0.01"));
        QCOMPARE(config.values.at("model.channels"), std::string("[16, 32]"));
        QCOMPARE(config.values.at("name"), std::string("my run"));
        QCOMPARE(config.values.at("data.header"), std::string("false"));
        QCOMPARE(config.values.at("train.device"), std::string("cuda:0"));
        QCOMPARE(config.values.at("data.label_column"), std::string("target"));
    }

    void badOverridesAreDiagnosticsFromSet() {
        LoadedConfig config = parseConfigText("", "c.yaml", "/");
        applyOverrides(config, {"optim.lrr=0.01", "data.batch_size=0", "optim.lr", "model=cnn",
                                "model.channels=[1, x]", "optim.kind=rmsprop"});
        QStringList formatted;
        for (const Diagnostic& d : config.diagnostics) {
            QCOMPARE(d.file, std::string("--set"));
            formatted << QString::fromStdString(d.format());
        }
        QCOMPARE(formatted,
                 QStringList(
                     {"--set: error: unknown key 'optim.lrr'; did you mean 'optim.lr'?",
                      "--set: error: data.batch_size must be between 1 and 65536, got 0",
                      "--set: error: expected key=value such as optim.lr=0.01, got 'optim.lr'",
                      "--set: error: 'model' is a section; set one of its keys, such as "
                      "model.kind=...",
                      "--set: error: model.channels must be a list of integers like [32, 64]; "
                      "element 2 is 'x'",
                      "--set: error: optim.kind must be one of sgd, adam, adamw; got 'rmsprop'"}));
        QCOMPARE(config.diagnostics[0].key, std::string("optim.lrr"));
        // Values that failed keep what they were.
        QCOMPARE(config.values.at("data.batch_size"), std::string("64"));
        QCOMPARE(config.values.at("optim.kind"), std::string("adam"));
    }

    void overrideCanFixTheFilesDataPath() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        LoadedConfig config = parseConfigText("data:\n  kind: mnist\n", "c.yaml", "/");
        QCOMPARE(config.diagnostics.size(), size_t(1));
        applyOverrides(config, {"data.path=" + dir.path().toStdString()});
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("data.path"), dir.path().toStdString());
    }

    void overrideCanBreakCrossKeyRules() {
        LoadedConfig config = parseConfigText("model:\n  depth: 21\n", "c.yaml", "/");
        QVERIFY(config.ok());  // a CNN ignores depth
        applyOverrides(config, {"model.kind=resnet", "data.kind=csv"});
        QCOMPARE(config.diagnostics.size(), size_t(2));
        QCOMPARE(config.diagnostics[0].format(),
                 std::string("--set: error: data.path is required when data.kind is csv; point "
                             "it at the CSV file"));
        QCOMPARE(config.diagnostics[1].key, std::string("model.depth"));
    }

    void relativeOverridePathIsAgainstTheWorkingDirectory() {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("mnist"));
        const QString saved = QDir::currentPath();
        QVERIFY(QDir::setCurrent(dir.path()));
        LoadedConfig config = parseConfigText("", "c.yaml", "/elsewhere");
        applyOverrides(config, {"data.kind=mnist", "data.path=mnist"});
        QDir::setCurrent(saved);
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("data.path"),
                 QDir(dir.path()).canonicalPath().toStdString() + "/mnist");
    }

    // A run on an SSH host reads the box's data: the path is not looked for here, a relative
    // one is taken from the box's home, and it must still be given.
    void dataPathsOnAHostAreTheBoxs() {
        const std::string text = "data:\n  kind: csv\n  path: sets/train.csv\n";
        QVERIFY(!parseConfigText(text, "c.yaml", "/nowhere").ok());
        LoadedConfig config = parseConfigText(text, "c.yaml", "/nowhere", DataPathsOn::Host);
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("data.path"), std::string("~/sets/train.csv"));
        applyOverrides(config, {"data.path=/data/x.csv"});
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("data.path"), std::string("/data/x.csv"));
        applyOverrides(config, {"data.path=y.csv"});
        QCOMPARE(config.values.at("data.path"), std::string("~/y.csv"));
        applyOverrides(config, {"data.kind=mnist", "data.path=~/mnist"});
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("data.path"), std::string("~/mnist"));

        const LoadedConfig missing =
            parseConfigText("data:\n  kind: csv\n", "c.yaml", "/", DataPathsOn::Host);
        QCOMPARE(missing.diagnostics.size(), std::size_t(1));
        QCOMPARE(missing.diagnostics.front().key, std::string("data.path"));
    }

    void manyUnknownOverridesAreListedUpToACap() {
        LoadedConfig config = parseConfigText("", "c.yaml", "/");
        std::vector<std::string> assignments;
        for (int i = 0; i < 200000; ++i)
            assignments.push_back("unknown." + std::to_string(i) + "=1");
        applyOverrides(config, assignments);
        QCOMPARE(config.diagnostics.size(), size_t(21));
        QCOMPARE(config.diagnostics.back().format(),
                 std::string("--set: error: and 199980 more unknown keys (not listed)"));
    }
};

QTEST_APPLESS_MAIN(TestConfigOverrides)
#include "tst_config_overrides.moc"
