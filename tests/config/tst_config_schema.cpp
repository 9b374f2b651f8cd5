// Tests the schema table: defaults, canonical value text, range messages, key suggestions.
#include <QTest>

#include "std_string_printer.h"

#include "core/config/schema.h"

using namespace tb;

namespace {

// Checks `text` for `key`; returns the canonical text, or "ERROR: message".
std::string check(const char* key, const char* text) {
    const KeyDef* def = findKey(key);
    if (!def) return "NO SUCH KEY";
    std::string canonical;
    const std::string problem = checkValue(*def, text, canonical);
    return problem.empty() ? canonical : "ERROR: " + problem;
}

}  // namespace

class TestConfigSchema : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyDefaultIsValidAndCanonical() {
        QCOMPARE(configSchema().size(), size_t(39));
        for (const KeyDef& def : configSchema()) {
            std::string canonical;
            const std::string problem = checkValue(def, def.defaultValue, canonical);
            QVERIFY2(problem.empty(), (def.path + ": " + problem).c_str());
            QCOMPARE(canonical, def.defaultValue);
            QVERIFY2(!def.doc.empty(), def.path.c_str());
        }
        const ConfigValues defaults = defaultValues();
        QCOMPARE(defaults.size(), configSchema().size());
        QCOMPARE(defaults.at("data.synthetic.shape"), std::string("[1, 28, 28]"));
        QCOMPARE(defaults.at("optim.lr"), std::string("0.001"));
        QCOMPARE(defaults.at("train.device"), std::string("auto"));
    }

    void sectionsAreKeyPrefixes() {
        QVERIFY(isConfigSection("data"));
        QVERIFY(isConfigSection("data.synthetic"));
        QVERIFY(isConfigSection("train"));
        QVERIFY(!isConfigSection("optim.lr"));
        QVERIFY(!isConfigSection("name"));
    }

    void canonicalText_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("int") << "train.epochs"
                             << "+12"
                             << "12";
        QTest::newRow("float shortest") << "optim.lr"
                                        << "0.0100"
                                        << "0.01";
        QTest::newRow("float exponent") << "optim.lr"
                                        << "1e-4"
                                        << "1e-04";
        QTest::newRow("float from int") << "optim.momentum"
                                        << "1"
                                        << "1";
        QTest::newRow("bool yes") << "optim.nesterov"
                                  << "yes"
                                  << "true";
        QTest::newRow("bool False") << "data.header"
                                    << "False"
                                    << "false";
        QTest::newRow("list spacing") << "model.channels"
                                      << "[ 16,32 ,64]"
                                      << "[16, 32, 64]";
        QTest::newRow("empty list") << "model.hidden"
                                    << "[]"
                                    << "[]";
        QTest::newRow("string raw") << "name"
                                    << "my \"quoted\" run"
                                    << "my \"quoted\" run";
        QTest::newRow("cuda:N") << "train.device"
                                << "cuda:1"
                                << "cuda:1";
        QTest::newRow("choice") << "schedule.kind"
                                << "step"
                                << "step";
    }
    void canonicalText() {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(check(key.toUtf8(), text.toUtf8())), expected);
    }

    void problems_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not int") << "seed"
                                 << "1.5"
                                 << "ERROR: must be an integer, got '1.5'";
        QTest::newRow("negative seed") << "seed"
                                       << "-1"
                                       << "ERROR: must be between 0 and 4294967295, got -1";
        QTest::newRow("batch range") << "data.batch_size"
                                     << "0"
                                     << "ERROR: must be between 1 and 65536, got 0";
        QTest::newRow("open range") << "train.log_every"
                                    << "0"
                                    << "ERROR: must be at least 1, got 0";
        QTest::newRow("lr zero") << "optim.lr"
                                 << "0"
                                 << "ERROR: must be greater than 0 and at most 10, got 0";
        QTest::newRow("lr big") << "optim.lr"
                                << "11"
                                << "ERROR: must be greater than 0 and at most 10, got 11";
        QTest::newRow("nan") << "optim.lr"
                             << "nan"
                             << "ERROR: must be a number, got 'nan'";
        QTest::newRow("bool") << "data.header"
                              << "maybe"
                              << "ERROR: must be true or false, got 'maybe'";
        QTest::newRow("choice") << "data.kind"
                                << "imagenet"
                                << "ERROR: must be one of synthetic, mnist, cifar10, csv; got "
                                   "'imagenet'";
        QTest::newRow("list type") << "data.synthetic.shape"
                                   << "5"
                                   << "ERROR: must be a list of integers like [1, 28, 28], got "
                                      "'5'";
        QTest::newRow("list count") << "data.synthetic.shape"
                                    << "[1, 2, 3, 4]"
                                    << "ERROR: must have 1 to 3 elements, got 4";
        QTest::newRow("list element") << "data.synthetic.shape"
                                      << "[1, 0]"
                                      << "ERROR: has element 0; each must be between 1 and 4096";
        QTest::newRow("device") << "train.device"
                                << "gpu"
                                << "ERROR: must be auto, cpu, cuda or cuda:N (N = GPU index), got "
                                   "'gpu'";
        QTest::newRow("device index") << "train.device"
                                      << "cuda:x"
                                      << "ERROR: must be auto, cpu, cuda or cuda:N (N = GPU "
                                         "index), got 'cuda:x'";
        QTest::newRow("empty name") << "name"
                                    << ""
                                    << "ERROR: must not be empty";
    }
    void problems() {
        QFETCH(QString, key);
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(check(key.toUtf8(), text.toUtf8())), expected);
    }

    void closestKeySuggestsTypos() {
        QCOMPARE(closestKey("optim.lrr"), std::string("optim.lr"));
        QCOMPARE(closestKey("data.batchsize"), std::string("data.batch_size"));
        QCOMPARE(closestKey("model.chanels"), std::string("model.channels"));
        QCOMPARE(closestKey("modle"), std::string("model"));
        QCOMPARE(closestKey("data.synthetic.shap"), std::string("data.synthetic.shape"));
    }

    void closestKeyFindsRightNameInWrongSection() {
        QCOMPARE(closestKey("train.lr"), std::string("optim.lr"));
        QCOMPARE(closestKey("model.batch_size"), std::string("data.batch_size"));
        // "kind" is in four sections: no guess beats a wrong guess.
        QCOMPARE(closestKey("loss.kind"), std::string());
    }

    // A config can come back from a box: a 2 MB key gets a short message and no search.
    void hugeUnknownKeyGetsAShortMessage() {
        const std::string huge(2 << 20, 'k');
        const std::string message = tb::unknownKeyMessage(huge);
        QVERIFY2(message.size() < 200, message.substr(0, 200).c_str());
        QVERIFY(message.find("2097152 characters") != std::string::npos);
        QVERIFY(message.find("did you mean") == std::string::npos);
        QCOMPARE(tb::unknownKeyMessage("optim.lrr"),
                 std::string("unknown key 'optim.lrr'; did you mean 'optim.lr'?"));
    }

    void closestKeyGivesNothingForNonsense() {
        QCOMPARE(closestKey("zzzzzzzz"), std::string());
        QCOMPARE(closestKey("completely.unrelated"), std::string());
    }
};

QTEST_APPLESS_MAIN(TestConfigSchema)
#include "tst_config_schema.moc"
