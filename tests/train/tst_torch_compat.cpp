// Tests core/train/torch_compat: what the trainer asks of LibTorch through it behaves the same
// whichever version it was built against (here the machine's; on the test boxes 1.7 and 2.6).
#include <torch/torch.h>

#include <QRegularExpression>
#include <QTest>

#include "config/train_config.h"
#include "optimizer.h"
#include "torch_compat.h"

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

    void versionIsMajorDotMinor() {
        const QString version = QString::fromStdString(compat::libTorchVersion());
        QVERIFY2(QRegularExpression(QStringLiteral("^[1-9][0-9]*\\.[0-9]+$")).match(version).hasMatch(),
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
