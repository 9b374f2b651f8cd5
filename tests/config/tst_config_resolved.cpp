// Tests the resolved-config format (every key round trips, errors name file and line) and the
// typed view the trainer reads.
#include <QTest>

#include <algorithm>
#include <clocale>

#include "std_string_printer.h"

#include "core/config/resolved_config.h"
#include "core/config/schema.h"
#include "core/config/train_config.h"

using namespace tb;

namespace {

// A value other than the default for every key, so a key the writer or reader drops shows.
ConfigValues everyKeyChanged() {
    return {
        {"name", "run \"A\" \\ back\nslash"},
        {"seed", "42"},
        {"data.kind", "csv"},
        {"data.path", "/data/my table.csv"},
        {"data.label_column", "3"},
        {"data.header", "false"},
        {"data.val_fraction", "0.25"},
        {"data.batch_size", "128"},
        {"data.workers", "4"},
        {"data.synthetic.samples", "500"},
        {"data.synthetic.classes", "3"},
        {"data.synthetic.shape", "[3, 32, 32]"},
        {"model.kind", "resnet"},
        {"model.hidden", "[]"},
        {"model.channels", "[16, 32, 64]"},
        {"model.depth", "32"},
        {"model.dropout", "0.5"},
        {"optim.kind", "sgd"},
        {"optim.lr", "0.1"},
        {"optim.momentum", "0.95"},
        {"optim.nesterov", "true"},
        {"optim.weight_decay", "5e-04"},
        {"optim.grad_clip", "1.5"},
        {"schedule.kind", "step"},
        {"schedule.warmup_steps", "100"},
        {"schedule.step_size", "3"},
        {"schedule.gamma", "0.5"},
        {"train.epochs", "30"},
        {"train.max_steps", "1000"},
        {"train.log_every", "5"},
        {"train.eval_every", "2"},
        {"train.checkpoint_every", "0"},
        {"train.keep_checkpoints", "7"},
        {"train.device", "cuda:1"},
        {"train.threads", "8"},
        {"train.devices", "4"},
        {"train.nodes", "2"},
        {"train.deterministic", "false"},
        {"train.tensorboard", "/root/tf-logs"},
    };
}

}  // namespace

class TestConfigResolved : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyKeyRoundTrips() {
        const ConfigValues values = everyKeyChanged();
        QCOMPARE(values.size(), configSchema().size());
        const ConfigValues defaults = defaultValues();
        for (const auto& [key, value] : values) {
            QVERIFY2(defaults.at(key) != value, key.c_str());
        }
        const auto read = readResolvedConfig(writeResolvedConfig(values), "run.cfg");
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
        QCOMPARE(writeResolvedConfig(*read), writeResolvedConfig(values));
        QVERIFY(*read == values);
    }

    void writesOneQuotedOrBareLinePerKey() {
        const std::string text = writeResolvedConfig(everyKeyChanged());
        QVERIFY(text.rfind("# trainbench resolved config 1\nname = \"run \\\"A\\\" \\\\ back\\n"
                           "slash\"\nseed = 42\ndata.kind = \"csv\"\n",
                           0) == 0);
        QVERIFY(text.find("\noptim.lr = 0.1\n") != std::string::npos);
        QVERIFY(text.find("\ndata.synthetic.shape = [3, 32, 32]\n") != std::string::npos);
        QVERIFY(text.find("\ndata.path = \"/data/my table.csv\"\n") != std::string::npos);
        QVERIFY(text.find("\ntrain.deterministic = false\n") != std::string::npos);
        QVERIFY(looksLikeResolvedConfig(text));
        QVERIFY(!looksLikeResolvedConfig("name: demo\n"));
    }

    void missingKeysTakeDefaultsAndBareTextIsAccepted() {
        const auto read = readResolvedConfig(
            "# trainbench resolved config 1\r\n\r\n# a comment\r\noptim.lr = 0.05\r\n"
            "train.device = cpu\r\n",
            "r.cfg");
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
        ConfigValues expected = defaultValues();
        expected["optim.lr"] = "0.05";
        expected["train.device"] = "cpu";
        QCOMPARE(*read, expected);
    }

    void reportsEveryBadLineWithFileAndLine() {
        const auto read = readResolvedConfig(
            "# trainbench resolved config 1\n"
            "optim.lrr = 0.1\n"
            "data.batch_size = 0\n"
            "name = \"unterminated\n"
            "no equals sign\n"
            "seed = 1\n"
            "seed = 2\n"
            "data.path = \"bad \\q escape\"\n"
            "train.device = \"tpu\"\n",
            "/runs/x/resolved.cfg");
        QVERIFY(!read.ok());
        QCOMPARE(read.error(),
                 std::string("/runs/x/resolved.cfg:2: unknown key 'optim.lrr'; did you mean "
                             "'optim.lr'?\n"
                             "/runs/x/resolved.cfg:3: data.batch_size must be between 1 and "
                             "65536, got 0\n"
                             "/runs/x/resolved.cfg:4: name: missing closing quote\n"
                             "/runs/x/resolved.cfg:5: expected 'key = value', got 'no equals "
                             "sign'\n"
                             "/runs/x/resolved.cfg:7: duplicate key 'seed'\n"
                             "/runs/x/resolved.cfg:8: data.path: unknown escape \\q\n"
                             "/runs/x/resolved.cfg:9: train.device must be auto, cpu, cuda or "
                             "cuda:N (N = GPU index), got 'tpu'"));
    }

    void refusesOtherFilesAndNewerVersions() {
        const auto yaml = readResolvedConfig("name: demo\n", "c.yaml");
        QVERIFY(!yaml.ok());
        QVERIFY(yaml.error().rfind("c.yaml:1: not a trainbench resolved config", 0) == 0);
        const auto newer = readResolvedConfig("# trainbench resolved config 2\nseed = 1\n", "n");
        QVERIFY(!newer.ok());
        QVERIFY(newer.error().find("version") != std::string::npos);
    }

    // The launcher runs under the user's locale (Qt sets LC_NUMERIC from it): canonical value
    // text must still read "0.25", never "0,25", and read back the same under any locale.
    void canonicalNumbersIgnoreACommaLocale() {
        const char* locale = nullptr;
        for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"}) {
            if (std::setlocale(LC_NUMERIC, name)) {
                locale = name;
                break;
            }
        }
        if (!locale)
            QSKIP(
                "no locale with a decimal comma here (scripts/install-deps.sh makes de_DE.UTF-8)");
        std::string canonical;
        const std::string problem = checkValue(*findKey("model.dropout"), "0.250", canonical);
        const auto read = readResolvedConfig(writeResolvedConfig(everyKeyChanged()), "run.cfg");
        const TrainConfig typed = read.ok() ? toTrainConfig(*read) : TrainConfig{};
        std::setlocale(LC_NUMERIC, "C");
        QVERIFY2(problem.empty(), problem.c_str());
        QCOMPARE(canonical, std::string("0.25"));
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().c_str());
        QCOMPARE(typed.optim.weightDecay, 0.0005);
        QCOMPARE(typed.model.dropout, 0.5);
    }

    void typedViewOfDefaults() {
        const TrainConfig config = toTrainConfig(defaultValues());
        QCOMPARE(config.name, std::string("demo"));
        QCOMPARE(config.seed, int64_t(0));
        QCOMPARE(config.data.kind, std::string("synthetic"));
        QCOMPARE(config.data.header, true);
        QCOMPARE(config.data.valFraction, 0.1);
        QCOMPARE(config.data.batchSize, int64_t(64));
        QCOMPARE(config.data.synthetic.shape, (std::vector<int64_t>{1, 28, 28}));
        QCOMPARE(config.model.kind, std::string("cnn"));
        QCOMPARE(config.model.hidden, (std::vector<int64_t>{256, 128}));
        QCOMPARE(config.model.depth, int64_t(20));
        QCOMPARE(config.optim.lr, 0.001);
        QCOMPARE(config.optim.nesterov, false);
        QCOMPARE(config.schedule.kind, std::string("cosine"));
        QCOMPARE(config.train.epochs, int64_t(5));
        QCOMPARE(config.train.device, std::string("auto"));
        QCOMPARE(config.train.deterministic, true);
    }

    void typedViewOfEveryChangedKey() {
        const TrainConfig c = toTrainConfig(everyKeyChanged());
        QCOMPARE(c.name, std::string("run \"A\" \\ back\nslash"));
        QCOMPARE(c.seed, int64_t(42));
        QCOMPARE(c.data.kind, std::string("csv"));
        QCOMPARE(c.data.path, std::string("/data/my table.csv"));
        QCOMPARE(c.data.labelColumn, std::string("3"));
        QCOMPARE(c.data.header, false);
        QCOMPARE(c.data.valFraction, 0.25);
        QCOMPARE(c.data.batchSize, int64_t(128));
        QCOMPARE(c.data.workers, int64_t(4));
        QCOMPARE(c.data.synthetic.samples, int64_t(500));
        QCOMPARE(c.data.synthetic.classes, int64_t(3));
        QCOMPARE(c.data.synthetic.shape, (std::vector<int64_t>{3, 32, 32}));
        QCOMPARE(c.model.kind, std::string("resnet"));
        QVERIFY(c.model.hidden.empty());
        QCOMPARE(c.model.channels, (std::vector<int64_t>{16, 32, 64}));
        QCOMPARE(c.model.depth, int64_t(32));
        QCOMPARE(c.model.dropout, 0.5);
        QCOMPARE(c.optim.kind, std::string("sgd"));
        QCOMPARE(c.optim.lr, 0.1);
        QCOMPARE(c.optim.momentum, 0.95);
        QCOMPARE(c.optim.nesterov, true);
        QCOMPARE(c.optim.weightDecay, 0.0005);
        QCOMPARE(c.optim.gradClip, 1.5);
        QCOMPARE(c.schedule.kind, std::string("step"));
        QCOMPARE(c.schedule.warmupSteps, int64_t(100));
        QCOMPARE(c.schedule.stepSize, int64_t(3));
        QCOMPARE(c.schedule.gamma, 0.5);
        QCOMPARE(c.train.epochs, int64_t(30));
        QCOMPARE(c.train.maxSteps, int64_t(1000));
        QCOMPARE(c.train.logEvery, int64_t(5));
        QCOMPARE(c.train.evalEvery, int64_t(2));
        QCOMPARE(c.train.checkpointEvery, int64_t(0));
        QCOMPARE(c.train.keepCheckpoints, int64_t(7));
        QCOMPARE(c.train.device, std::string("cuda:1"));
        QCOMPARE(c.train.threads, int64_t(8));
        QCOMPARE(c.train.devices, int64_t(4));
        QCOMPARE(c.train.nodes, int64_t(2));
        QCOMPARE(c.train.deterministic, false);
    }

    // Resolved configs come back from boxes on resume: 200 000 unknown keys, 21 lines of error.
    void manyUnknownKeysAreListedUpToACap() {
        std::string text = "# trainbench resolved config 1\n";
        for (int i = 0; i < 40000; ++i) text += "unknown." + std::to_string(i) + " = 1\n";
        const auto read = readResolvedConfig(text, "r.cfg");
        QVERIFY(!read.ok());
        const std::string& error = read.error();
        QCOMPARE(std::count(error.begin(), error.end(), '\n'), 20);
        QVERIFY2(error.find("r.cfg:21: unknown key 'unknown.19'\n") != std::string::npos,
                 error.c_str());
        QVERIFY2(
            error.find("r.cfg:22: and 39980 more unknown keys (not listed)") != std::string::npos,
            error.c_str());
    }

    // A box's config.resolved past 1 MiB is refused before it is read, naming the file.
    void aResolvedConfigFarTooLargeIsRefused() {
        std::string text = "# trainbench resolved config 1\n";
        text += "name = \"" + std::string(2 << 20, 'x') + "\"\n";
        const auto read = readResolvedConfig(text, "r.cfg");
        QVERIFY(!read.ok());
        QVERIFY2(read.error().find("r.cfg: the config is 2048 KiB") == 0, read.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestConfigResolved)
#include "tst_config_resolved.moc"
