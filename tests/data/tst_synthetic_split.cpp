// Synthetic data (determinism, learnability) and the seeded train/val split.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include "core/train/data/dataset.h"
#include "dataset_files.h"
#include "tst_datasets.h"

using namespace tb;
using namespace tb::testdata;

namespace {

DataConfig syntheticConfig(int64_t samples, std::vector<int64_t> shape) {
    DataConfig config = dataConfig("synthetic", "", 0.2);
    config.synthetic = SyntheticConfig{samples, 10, std::move(shape)};
    return config;
}

bool sameData(const DatasetSplit& a, const DatasetSplit& b) {
    return torch::equal(a.train.inputs, b.train.inputs) &&
           torch::equal(a.train.labels, b.train.labels) &&
           torch::equal(a.val.inputs, b.val.inputs) && torch::equal(a.val.labels, b.val.labels);
}

// Trains `model` with Adam for `epochs` and returns its validation accuracy.
double trainAndValidate(torch::nn::Sequential model, const DatasetSplit& data, int epochs) {
    torch::manual_seed(5);  // the model's own initialisation; the data has its own seed
    for (auto& p : model->parameters()) {
        torch::NoGradGuard noGrad;
        p.uniform_(-0.05, 0.05);
    }
    torch::optim::Adam optimizer(model->parameters(), torch::optim::AdamOptions(1e-3));
    const int64_t n = data.train.size();
    for (int epoch = 0; epoch < epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(n);
        for (int64_t start = 0; start < n; start += 64) {
            const torch::Tensor rows = order.slice(0, start, std::min(n, start + 64));
            const torch::Tensor loss =
                torch::cross_entropy_loss(model->forward(data.train.inputs.index_select(0, rows)),
                                          data.train.labels.index_select(0, rows));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    torch::NoGradGuard noGrad;
    const torch::Tensor predicted = model->forward(data.val.inputs).argmax(1);
    return predicted.eq(data.val.labels).to(torch::kDouble).mean().item<double>();
}

}  // namespace

void DatasetsTest::syntheticIsDeterministicInSeed() {
    const DataConfig config = syntheticConfig(500, {1, 28, 28});
    Result<DatasetSplit> a = loadDataset(config, 11);
    Result<DatasetSplit> b = loadDataset(config, 11);
    Result<DatasetSplit> other = loadDataset(config, 12);
    QVERIFY2(a && b && other, a ? "" : a.error().c_str());
    QCOMPARE(a->train.size(), 400);
    QCOMPARE(a->val.size(), 100);
    QCOMPARE(a->classes, 10);
    QCOMPARE(a->inputShape, (std::vector<int64_t>{1, 28, 28}));
    QCOMPARE(a->train.inputs.sizes().vec(), (std::vector<int64_t>{400, 1, 28, 28}));
    QVERIFY(sameData(*a, *b));
    QVERIFY(!torch::equal(a->train.inputs, other->train.inputs));
    QVERIFY(!torch::equal(a->val.labels, other->val.labels));
    // Balanced classes, normalised inputs.
    const torch::Tensor counts = torch::cat({a->train.labels, a->val.labels}).bincount({}, 10);
    QVERIFY(torch::equal(counts, torch::full({10}, 50, torch::kLong)));
    QVERIFY(std::abs(a->train.inputs.mean().item<double>()) < 1e-4);
    QVERIFY(std::abs(a->train.inputs.std().item<double>() - 1.0) < 1e-3);
    // Not a pile of identical images: samples of one class differ from each other.
    QVERIFY(!torch::allclose(a->train.inputs[0], a->train.inputs[1]));
}

void DatasetsTest::syntheticFeatureVectors() {
    Result<DatasetSplit> split = loadDataset(syntheticConfig(300, {12}), 3);
    QVERIFY2(split, split ? "" : split.error().c_str());
    QCOMPARE(split->inputShape, (std::vector<int64_t>{12}));
    QCOMPARE(split->train.inputs.sizes().vec(), (std::vector<int64_t>{240, 12}));
    // Per-feature standardisation.
    QVERIFY(torch::allclose(split->train.inputs.mean(0), torch::zeros({12}), 0, 1e-4));
}

void DatasetsTest::syntheticRejectsBadShape() {
    Result<DatasetSplit> flat = loadDataset(syntheticConfig(100, {28, 28}), 1);
    QVERIFY(!flat);
    QVERIFY2(QString::fromStdString(flat.error()).contains("data.synthetic.shape"),
             flat.error().c_str());
    DataConfig oneClass = syntheticConfig(100, {1, 8, 8});
    oneClass.synthetic.classes = 1;
    Result<DatasetSplit> single = loadDataset(oneClass, 1);
    QVERIFY(!single);
    QVERIFY2(QString::fromStdString(single.error()).contains("data.synthetic.classes"),
             single.error().c_str());
}

void DatasetsTest::syntheticIsLearnableButNotTrivial() {
    torch::set_num_threads(1);  // tiny model: threads would only contend with parallel tests
    Result<DatasetSplit> data = loadDataset(syntheticConfig(3000, {1, 28, 28}), 42);
    QVERIFY2(data, data ? "" : data.error().c_str());
    const double mlp =
        trainAndValidate(torch::nn::Sequential(torch::nn::Flatten(), torch::nn::Linear(784, 128),
                                               torch::nn::ReLU(), torch::nn::Linear(128, 10)),
                         *data, 3);
    const double linear = trainAndValidate(
        torch::nn::Sequential(torch::nn::Flatten(), torch::nn::Linear(784, 10)), *data, 3);
    qInfo("synthetic 28x28, 2400 train samples, 3 epochs: MLP %.3f, linear %.3f", mlp, linear);
    QVERIFY2(mlp >= 0.95, qPrintable(QString::number(mlp)));
    // The shifts keep a linear model on raw pixels clearly behind: the task is not trivial.
    QVERIFY2(linear < 0.95 && linear < mlp - 0.04, qPrintable(QString::number(linear)));
}

void DatasetsTest::splitIsSeededDisjointAndNormalisedWithTrainStats() {
    // Row r has label r and feature 3r + 1, so every row can be traced through the split.
    QTemporaryDir dir;
    const QString file = dir.path() + "/rows.csv";
    QByteArray text = "feature,label\n";
    for (int r = 0; r < 40; ++r)
        text += QByteArray::number(3 * r + 1) + "," + QByteArray::number(r) + "\n";
    QVERIFY(writeFile(file, text));
    const DataConfig config = dataConfig("csv", file, 0.3);
    Result<DatasetSplit> a = loadDataset(config, 1);
    Result<DatasetSplit> again = loadDataset(config, 1);
    Result<DatasetSplit> other = loadDataset(config, 2);
    QVERIFY2(a && again && other, a ? "" : a.error().c_str());
    QCOMPARE(a->val.size(), 12);
    QCOMPARE(a->train.size(), 28);
    QVERIFY(sameData(*a, *again));
    QVERIFY(!torch::equal(a->val.labels, other->val.labels));
    // Disjoint and complete.
    const torch::Tensor all = std::get<0>(torch::cat({a->train.labels, a->val.labels}).sort());
    QVERIFY(torch::equal(all, torch::arange(40, torch::kLong)));
    // Both sides standardised with the train side's statistics only.
    const torch::Tensor trainRaw = a->train.labels.to(torch::kFloat) * 3 + 1;
    const torch::Tensor mean = trainRaw.mean();
    const torch::Tensor std = trainRaw.std(/*unbiased=*/false);
    const torch::Tensor valRaw = a->val.labels.to(torch::kFloat) * 3 + 1;
    QVERIFY(torch::allclose(a->train.inputs.squeeze(1), (trainRaw - mean) / std, 1e-4, 1e-5));
    QVERIFY(torch::allclose(a->val.inputs.squeeze(1), (valRaw - mean) / std, 1e-4, 1e-5));
}

void DatasetsTest::unknownKindIsAnError() {
    Result<DatasetSplit> split = loadDataset(dataConfig("imagenet", "/x"), 1);
    QVERIFY(!split);
    QVERIFY2(QString::fromStdString(split.error()).contains("'imagenet'"), split.error().c_str());
}
