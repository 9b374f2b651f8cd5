// Unit checks of the trainer's parts: schedules, model shapes, checkpoint round trips.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include "core/config/schema.h"
#include "core/config/train_config.h"
#include "core/train/checkpoint.h"
#include "core/train/lr_schedule.h"
#include "core/train/models.h"
#include "core/train/optimizer.h"

using namespace tb;

class TrainingUnitsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void warmupThenCosine();
    void stepSchedule();
    void modelsProduceLogits_data();
    void modelsProduceLogits();
    void modelRejectsWrongInput();
    void checkpointRoundTripRestoresEverything();
};

void TrainingUnitsTest::warmupThenCosine() {
    ScheduleConfig schedule{"cosine", 10, 1, 0.1};
    const SchedulePlan plan{1.0, 50, 110};
    QCOMPARE(learningRateAt(schedule, plan, 0), 0.1);
    QCOMPARE(learningRateAt(schedule, plan, 9), 1.0);
    QCOMPARE(learningRateAt(schedule, plan, 10), 1.0);
    QVERIFY(qAbs(learningRateAt(schedule, plan, 60) - 0.5) < 1e-12);
    QVERIFY(learningRateAt(schedule, plan, 110) < 1e-12);
    QVERIFY(learningRateAt(schedule, plan, 80) < learningRateAt(schedule, plan, 70));
}

void TrainingUnitsTest::stepSchedule() {
    ScheduleConfig schedule{"step", 0, 2, 0.5};
    const SchedulePlan plan{0.8, 10, 100};
    QCOMPARE(learningRateAt(schedule, plan, 19), 0.8);  // epochs 0 and 1
    QCOMPARE(learningRateAt(schedule, plan, 20), 0.4);  // epoch 2
    QCOMPARE(learningRateAt(schedule, plan, 45), 0.2);  // epoch 4
    schedule.kind = "none";
    QCOMPARE(learningRateAt(schedule, plan, 99), 0.8);
}

void TrainingUnitsTest::modelsProduceLogits_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QList<qint64>>("shape");
    QTest::newRow("mlp on images") << "mlp" << QList<qint64>{1, 28, 28};
    QTest::newRow("mlp on rows") << "mlp" << QList<qint64>{12};
    QTest::newRow("cnn") << "cnn" << QList<qint64>{3, 32, 32};
    QTest::newRow("cnn tiny input") << "cnn" << QList<qint64>{1, 3, 3};
    QTest::newRow("resnet8") << "resnet" << QList<qint64>{3, 32, 32};
}

void TrainingUnitsTest::modelsProduceLogits() {
    QFETCH(QString, kind);
    QFETCH(QList<qint64>, shape);
    ModelConfig config = toTrainConfig(defaultValues()).model;
    config.kind = kind.toStdString();
    config.depth = 8;
    config.dropout = 0.1;
    const std::vector<int64_t> inputShape(shape.begin(), shape.end());
    auto model = makeModel(config, inputShape, 7);
    QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
    std::vector<int64_t> batchShape{5};
    batchShape.insert(batchShape.end(), inputShape.begin(), inputShape.end());
    const auto logits = (*model)->forward(torch::randn(batchShape));
    QCOMPARE(logits.size(0), 5);
    QCOMPARE(logits.size(1), 7);
}

void TrainingUnitsTest::modelRejectsWrongInput() {
    ModelConfig config = toTrainConfig(defaultValues()).model;
    config.kind = "cnn";
    auto onRows = makeModel(config, {12}, 3);
    QVERIFY(!onRows.ok());
    QVERIFY(onRows.error().find("mlp") != std::string::npos);
    config.kind = "resnet";
    config.depth = 21;
    auto badDepth = makeModel(config, {3, 32, 32}, 10);
    QVERIFY(!badDepth.ok());
    QVERIFY(badDepth.error().find("6n+2") != std::string::npos);
}

void TrainingUnitsTest::checkpointRoundTripRestoresEverything() {
    torch::manual_seed(1);
    TrainConfig config = toTrainConfig(defaultValues());
    config.model.kind = "mlp";
    auto model = makeModel(config.model, {4, 4}, 3);
    QVERIFY(model.ok());
    auto optimizer = makeOptimizer((*model)->parameters(), config.optim);
    const auto loss = (*model)->forward(torch::randn({8, 4, 4})).sum();
    loss.backward();
    optimizer->step();
    const std::string before = parameterSha256(**model);

    QTemporaryDir dir;
    CheckpointMeta meta{2, 17, 123.5, {{"val/acc", 0.75}}, "# config text", {4, 4}, 3};
    TrainingState state{
        torch::randn({3}), {}, torch::tensor(1.5), torch::tensor(2.0), torch::tensor(4.0)};
    auto saved = saveCheckpoint(dir.path().toStdString(), meta, **model, *optimizer, state, 3);
    QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().c_str());
    QVERIFY(QFile::exists(dir.path() + "/latest.json"));
    QVERIFY(QFile::exists(dir.path() + "/ckpt-e0002-s0000017.json"));

    torch::manual_seed(99);
    auto fresh = makeModel(config.model, {4, 4}, 3);
    auto freshOptimizer = makeOptimizer((*fresh)->parameters(), config.optim);
    QVERIFY(parameterSha256(**fresh) != before);
    auto reader = CheckpointReader::open(saved->path);
    QVERIFY2(reader.ok(), reader.ok() ? "" : reader.error().c_str());
    QCOMPARE((*reader)->meta().step, 17);
    QCOMPARE((*reader)->meta().epoch, 2);
    QCOMPARE((*reader)->meta().resolvedConfig, std::string("# config text"));
    QCOMPARE((*reader)->meta().metrics.size(), size_t(1));
    QVERIFY((*reader)->loadModel(**fresh).ok());
    QVERIFY((*reader)->loadOptimizer(*freshOptimizer).ok());
    QCOMPARE(parameterSha256(**fresh), before);
    auto restored = (*reader)->trainingState();
    QVERIFY(restored.ok());
    QVERIFY(torch::equal(restored->cpuRng, state.cpuRng));
    QCOMPARE(restored->seen.item<double>(), 4.0);

    // A model of another shape is refused with a message, not a crash.
    config.model.hidden = {8};
    auto other = makeModel(config.model, {4, 4}, 3);
    auto mismatch = (*reader)->loadModel(**other);
    QVERIFY(!mismatch.ok());
    QVERIFY(mismatch.error().find("does not match") != std::string::npos);
}

QTEST_GUILESS_MAIN(TrainingUnitsTest)
#include "tst_training_units.moc"
