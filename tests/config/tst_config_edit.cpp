// Tests in-place YAML edits: one value changes, every other byte stays as the user wrote it.
#include <QTest>

#include "std_string_printer.h"

#include "core/config/config_file.h"

using namespace tb;

namespace {

const std::string kCommented =
    "# Trainbench demo config\n"
    "name: demo   # run name\n"
    "\n"
    "optim:\n"
    "  kind: adam        # sgd | adam | adamw\n"
    "  lr: 0.001         # peak learning rate\n"
    "  momentum: 0.9\n"
    "\n"
    "# training loop\n"
    "train:\n"
    "  epochs: 5\n";

std::string edited(std::string_view text, std::string_view key, std::string_view value) {
    const Result<std::string> result = setValueInText(text, key, value);
    if (!result.ok()) return "ERROR: " + result.error();
    return *result;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    if (at == std::string::npos) return "<" + from + " not in text>";
    return text.replace(at, from.size(), to);
}

}  // namespace

class TestConfigEdit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void editKeepsCommentsAndSpacing() {
        QCOMPARE(edited(kCommented, "optim.lr", "0.01"),
                 replaced(kCommented, "  lr: 0.001         #", "  lr: 0.01         #"));
        QCOMPARE(edited(kCommented, "name", "mnist-run"),
                 replaced(kCommented, "name: demo   #", "name: mnist-run   #"));
        QCOMPARE(edited(kCommented, "train.epochs", "12"),
                 replaced(kCommented, "epochs: 5\n", "epochs: 12\n"));
    }

    void editThenParseGivesTheNewValue() {
        const std::string text = edited(kCommented, "optim.lr", "0.01");
        const LoadedConfig config = parseConfigText(text, "c.yaml", "/");
        QVERIFY(config.ok());
        QCOMPARE(config.values.at("optim.lr"), std::string("0.01"));
        QCOMPARE(config.values.at("optim.momentum"), std::string("0.9"));
    }

    void editInsideFlowMap() {
        const std::string text =
            "data:\n"
            "  kind: synthetic\n"
            "  synthetic: {samples: 6000, classes: 10, shape: [1, 28, 28]}  # small\n";
        QCOMPARE(edited(text, "data.synthetic.classes", "5"),
                 replaced(text, "classes: 10,", "classes: 5,"));
        QCOMPARE(edited(text, "data.synthetic.shape", "[3, 32, 32]"),
                 replaced(text, "[1, 28, 28]}", "[3, 32, 32]}"));
        QCOMPARE(edited(text, "data.synthetic.samples", "100"),
                 replaced(text, "{samples: 6000,", "{samples: 100,"));
    }

    void insertIntoFlowMap() {
        const std::string text = "data:\n  synthetic: {classes: 10 }\n  batch_size: 8\n";
        QCOMPARE(edited(text, "data.synthetic.samples", "100"),
                 std::string("data:\n  synthetic: {classes: 10, samples: 100 }\n"
                             "  batch_size: 8\n"));
        QCOMPARE(edited("data: {synthetic: {}}\n", "data.synthetic.samples", "100"),
                 std::string("data: {synthetic: {samples: 100}}\n"));
        QCOMPARE(edited("data: {kind: mnist}\n", "data.synthetic.samples", "100"),
                 std::string("data: {kind: mnist, synthetic: {samples: 100}}\n"));
    }

    void insertAbsentKeyAtEndOfItsSection() {
        QCOMPARE(
            edited(kCommented, "optim.weight_decay", "0.01"),
            replaced(kCommented, "  momentum: 0.9\n", "  momentum: 0.9\n  weight_decay: 0.01\n"));
    }

    void insertAbsentNestedSection() {
        const std::string text = "data:\n    kind: synthetic   # demo\n\nmodel:\n    kind: mlp\n";
        QCOMPARE(edited(text, "data.synthetic.samples", "100"),
                 std::string("data:\n    kind: synthetic   # demo\n    synthetic:\n"
                             "        samples: 100\n\nmodel:\n    kind: mlp\n"));
    }

    void insertAfterNestedSectionDedentsBack() {
        const std::string text =
            "data:\n  kind: synthetic\n  synthetic:\n    samples: 10\n"
            "# model below\nmodel:\n  kind: mlp\n";
        QCOMPARE(edited(text, "data.batch_size", "32"),
                 replaced(text, "    samples: 10\n", "    samples: 10\n  batch_size: 32\n"));
        QCOMPARE(edited(text, "data.synthetic.classes", "4"),
                 replaced(text, "    samples: 10\n", "    samples: 10\n    classes: 4\n"));
        QCOMPARE(edited(text, "data.synthetic.samples", "99"),
                 replaced(text, "samples: 10", "samples: 99"));
    }

    void insertIntoAbsentSectionAtEndOfFile() {
        QCOMPARE(edited(kCommented, "schedule.kind", "step"),
                 kCommented + "schedule:\n  kind: step\n");
        QCOMPARE(edited("seed: 1", "data.synthetic.shape", "[3, 8, 8]"),
                 std::string("seed: 1\ndata:\n  synthetic:\n    shape: [3, 8, 8]\n"));
        QCOMPARE(edited("", "seed", "7"), std::string("seed: 7\n"));
        QCOMPARE(edited("optim:\n    lr: 1\n", "train.epochs", "2"),
                 std::string("optim:\n    lr: 1\ntrain:\n    epochs: 2\n"));
    }

    void insertIntoEmptySection() {
        QCOMPARE(edited("optim:   # tune me\ntrain:\n  epochs: 5\n", "optim.lr", "0.1"),
                 std::string("optim:   # tune me\n  lr: 0.1\ntrain:\n  epochs: 5\n"));
    }

    void fillEmptyValue() {
        QCOMPARE(edited("optim:\n  lr:   # fill me\n  kind: sgd\n", "optim.lr", "0.1"),
                 std::string("optim:\n  lr: 0.1   # fill me\n  kind: sgd\n"));
        QCOMPARE(edited("optim:\n  lr: ~\n", "optim.lr", "0.1"),
                 std::string("optim:\n  lr: 0.1\n"));
    }

    void quotedStringsKeepTheirQuotes() {
        QCOMPARE(edited("name: \"demo\"  # quoted\n", "name", "mnist run"),
                 std::string("name: \"mnist run\"  # quoted\n"));
        QCOMPARE(edited("name: 'it''s'\nseed: 1\n", "name", "bob's"),
                 std::string("name: 'bob''s'\nseed: 1\n"));
        QCOMPARE(edited("data:\n  path: \"a \\\" b\"\n", "data.path", "/new"),
                 std::string("data:\n  path: \"/new\"\n"));
    }

    void blockListBecomesFlowList() {
        QCOMPARE(edited("model:\n  channels:\n    - 32\n    - 64   # last\n  dropout: 0.1\n",
                        "model.channels", "[16, 32]"),
                 std::string("model:\n  channels: [16, 32]   # last\n  dropout: 0.1\n"));
        QCOMPARE(edited("model:\n  hidden: [256,\n    128]\n  kind: mlp\n", "model.hidden", "[8]"),
                 std::string("model:\n  hidden: [8]\n  kind: mlp\n"));
    }

    void keepsWindowsLineEndings() {
        QCOMPARE(edited("optim:\r\n  lr: 0.1\r\n", "optim.momentum", "0.5"),
                 std::string("optim:\r\n  lr: 0.1\r\n  momentum: 0.5\r\n"));
        QCOMPARE(edited("optim:\r\n  lr: 0.1\r\n", "optim.lr", "0.5"),
                 std::string("optim:\r\n  lr: 0.5\r\n"));
    }

    void lastLineWithoutNewline() {
        QCOMPARE(edited("optim:\n  lr: 0.1", "optim.kind", "sgd"),
                 std::string("optim:\n  lr: 0.1\n  kind: sgd"));
        QCOMPARE(edited("optim:\n  lr: 0.1", "optim.lr", "2"), std::string("optim:\n  lr: 2"));
    }

    void refusesBrokenInputAndValues() {
        const std::string bad = edited("name: demo\n seed: 2\n", "seed", "1");
        QVERIFY2(bad.rfind("ERROR: cannot edit: the YAML does not parse (line 2", 0) == 0,
                 bad.c_str());
        QVERIFY(edited(kCommented, "name", "a: b").rfind("ERROR: ", 0) == 0);
        QVERIFY(edited(kCommented, "name", "two\nlines").rfind("ERROR: ", 0) == 0);
        QVERIFY(edited("optim: sgd\n", "optim.lr", "1").rfind("ERROR: ", 0) == 0);
        QVERIFY(edited(kCommented, "optim..lr", "1").rfind("ERROR: ", 0) == 0);
    }

    void nonAsciiCommentsDoNotShiftPositions() {
        const std::string text = "# réglages — données\noptim:\n  lr: 0.1  # pas à pas\n";
        QCOMPARE(edited(text, "optim.lr", "0.2"), replaced(text, "lr: 0.1", "lr: 0.2"));
    }
};

QTEST_APPLESS_MAIN(TestConfigEdit)
#include "tst_config_edit.moc"
