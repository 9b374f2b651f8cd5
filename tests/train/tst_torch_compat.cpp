// Tests core/train/torch_compat: what the trainer asks of LibTorch through it behaves the same
// whichever version it was built against (here the machine's; on the test boxes 1.7 and 2.6).
#include <torch/torch.h>

#include <QRegularExpression>
#include <QTest>

#include "core/config/train_config.h"
#include "core/train/optimizer.h"
#include "core/train/optimizer_state.h"
#include "core/train/torch_compat.h"

using namespace tb;

class TorchCompatTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatorStateReplaysTheSameNumbers() {
        torch::manual_seed(7);
        (void)torch::randn({3});  // leaves a cached normal sample in some versions
        const torch::Tensor state = compat::generatorState(torch::kCPU);
        QVERIFY(state.defined());
        QCOMPARE(state.scalar_type(), torch::kUInt8);
        const torch::Tensor first = torch::cat({torch::rand({5}), torch::randn({5})});
        torch::manual_seed(99);  // something else in between
        (void)torch::rand({11});
        compat::setGeneratorState(torch::kCPU, state);
        const torch::Tensor again = torch::cat({torch::rand({5}), torch::randn({5})});
        QVERIFY(torch::equal(first, again));
    }

    void undefinedStateChangesNothing() {
        torch::manual_seed(3);
        const torch::Tensor state = compat::generatorState(torch::kCPU);
        compat::setGeneratorState(torch::kCPU, torch::Tensor());
        QVERIFY(torch::equal(state, compat::generatorState(torch::kCPU)));
    }

    void learningRateReachesEveryOptimizerKind_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sgd") << "sgd";
        QTest::newRow("adam") << "adam";
        QTest::newRow("adamw") << "adamw";
    }

    void learningRateReachesEveryOptimizerKind() {
        QFETCH(QString, kind);
        const OptimConfig config{kind.toStdString(), 0.5, 0.0, false, 0.0, 0.0};
        auto weight = torch::ones({2}, torch::requires_grad());
        auto optimizer = makeOptimizer({weight}, config);
        setLearningRate(*optimizer, 0.25);
        // One plain step with gradient 1 and no momentum history moves SGD by exactly lr; the
        // Adam family's first step moves by about lr too (m/sqrt(v) = 1).
        weight.sum().backward();
        optimizer->step();
        QVERIFY2(std::abs(weight[0].item<double>() - 0.75) < 1e-3, qPrintable(kind));
    }

    // Checkpoints keep optimizer state by parameter position: a new model's parameters (other
    // addresses, as in a resumed run) get each its own state back, whatever the shapes' order.
    void optimizerStateMovesToNewParametersByPosition_data() {
        learningRateReachesEveryOptimizerKind_data();
    }
    void optimizerStateMovesToNewParametersByPosition() {
        QFETCH(QString, kind);
        const OptimConfig config{kind.toStdString(), 0.1, 0.9, false, 0.0, 0.0};
        const auto stepped = [&](std::vector<torch::Tensor> params) {
            auto optimizer = makeOptimizer(params, config);
            (params[0].sum() + params[1].pow(2).sum()).backward();
            optimizer->step();
            return optimizer;
        };
        std::vector<torch::Tensor> first{torch::ones({2, 3}, torch::requires_grad()),
                                         torch::full({4}, 2.0, torch::requires_grad())};
        auto original = stepped(first);
        torch::serialize::OutputArchive out;
        saveOptimizerState(*original, out);
        std::ostringstream bytes;
        out.save_to(bytes);

        std::vector<torch::Tensor> second{torch::ones({2, 3}, torch::requires_grad()),
                                          torch::full({4}, 2.0, torch::requires_grad())};
        auto restored = makeOptimizer(second, config);
        torch::serialize::InputArchive in;
        std::istringstream source(bytes.str());
        in.load_from(source);
        loadOptimizerState(*restored, in);
        for (size_t i = 0; i < first.size(); ++i) {
            auto* before = compat::paramState(*original, first[i]);
            auto* after = compat::paramState(*restored, second[i]);
            QVERIFY(before && after);
            torch::serialize::OutputArchive a, b;
            before->serialize(a);
            after->serialize(b);
            std::ostringstream x, y;
            a.save_to(x);
            b.save_to(y);
            QVERIFY2(x.str() == y.str(), qPrintable(kind));
        }
        // Another optimizer kind is refused with a reason, not misread.
        auto other = makeOptimizer(
            second, OptimConfig{kind == "sgd" ? "adam" : "sgd", 0.1, 0.9, false, 0.0, 0.0});
        std::istringstream again(bytes.str());
        torch::serialize::InputArchive in2;
        in2.load_from(again);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, loadOptimizerState(*other, in2));
    }

    void versionIsMajorDotMinor() {
        const QString version = QString::fromStdString(compat::libTorchVersion());
        QVERIFY2(
            QRegularExpression(QStringLiteral("^[1-9][0-9]*\\.[0-9]+$")).match(version).hasMatch(),
            qPrintable(version));
    }

    void deterministicAlgorithmsAreAskedFor() {
        QVERIFY(!at::globalContext().deterministicAlgorithms());
        compat::useDeterministicAlgorithms();
        // The tests build against this machine's LibTorch (1.11 or newer has the switch).
        QVERIFY(at::globalContext().deterministicAlgorithms());
    }
};

QTEST_APPLESS_MAIN(TorchCompatTest)
#include "tst_torch_compat.moc"
