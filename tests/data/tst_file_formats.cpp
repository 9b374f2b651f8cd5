// Reader tests on real files: MNIST IDX, CIFAR-10 binary and CSV, valid and broken.
#include <torch/torch.h>

#include <QTemporaryDir>
#include <QTest>

#include "core/train/data/dataset.h"
#include "dataset_files.h"
#include "tst_datasets.h"

using namespace tb;
using namespace tb::testdata;

namespace tb::testdata {

DataConfig dataConfig(const std::string& kind, const QString& path, double valFraction) {
    DataConfig config;
    config.kind = kind;
    config.path = path.toStdString();
    config.labelColumn = "";
    config.header = true;
    config.valFraction = valFraction;
    config.batchSize = 32;
    config.workers = 0;
    config.synthetic = SyntheticConfig{200, 4, {1, 16, 16}};
    return config;
}

}  // namespace tb::testdata

namespace {

// The error text, or a marker that makes every contains() check fail with a clear message.
QString errorOf(const Result<DatasetSplit>& result) {
    return result ? QStringLiteral("<no error: loaded fine>")
                  : QString::fromStdString(result.error());
}

std::vector<uint8_t> cyclicLabels(int64_t count) {
    std::vector<uint8_t> labels;
    for (int64_t i = 0; i < count; ++i) labels.push_back(uint8_t((i * 3) % 10));
    return labels;
}

// The raw pixels the fixture wrote, as float (N, 1, rows, cols).
torch::Tensor mnistRaw(int64_t count, int rows, int cols) {
    torch::Tensor raw = torch::empty({count, 1, rows, cols});
    float* out = raw.data_ptr<float>();
    for (int64_t i = 0; i < count * rows * cols; ++i) {
        out[i] = mnistPixel(i / (rows * cols), i % (rows * cols));
    }
    return raw;
}

bool writeMnist(const QString& dir, const QString& prefix, int64_t count) {
    return writeFile(dir + "/" + prefix + "-images-idx3-ubyte", idxImages(count, 28, 28)) &&
           writeFile(dir + "/" + prefix + "-labels-idx1-ubyte", idxLabels(cyclicLabels(count)));
}

bool writeText(const QString& path, const char* text) {
    return writeFile(path, QByteArray(text));
}

}  // namespace

void DatasetsTest::mnistUsesTestFilesAsValidation() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path(), "train", 100) && writeMnist(dir.path(), "t10k", 20));
    Result<DatasetSplit> split = loadDataset(dataConfig("mnist", dir.path(), 0.5), 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->train.size(), 100);
    QCOMPARE(split->val.size(), 20);  // the t10k files, not val_fraction
    QCOMPARE(split->classes, 10);
    QCOMPARE(split->inputShape, (std::vector<int64_t>{1, 28, 28}));
    QCOMPARE(split->train.labels.dtype(), torch::kLong);
    const auto expectedLabels = cyclicLabels(100);
    for (int64_t i = 0; i < 100; ++i)
        QCOMPARE(split->train.labels[i].item<int64_t>(), expectedLabels[i]);
    // Pixels in file order, normalised with the train set's mean and std.
    const torch::Tensor raw = mnistRaw(100, 28, 28);
    const torch::Tensor expected = (raw - raw.mean()) / raw.std(/*unbiased=*/false);
    QVERIFY(torch::allclose(split->train.inputs, expected, 1e-4, 1e-4));
    const torch::Tensor rawVal = mnistRaw(20, 28, 28);
    QVERIFY(torch::allclose(split->val.inputs, (rawVal - raw.mean()) / raw.std(false), 1e-4, 1e-4));
}

void DatasetsTest::mnistSplitsWhenNoTestFiles() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path() + "/MNIST/raw", "train", 100));  // torchvision's layout
    Result<DatasetSplit> split = loadDataset(dataConfig("mnist", dir.path(), 0.25), 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->train.size(), 75);
    QCOMPARE(split->val.size(), 25);
}

void DatasetsTest::mnistRejectsWrongMagic() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path(), "train", 10));
    const QString images = dir.path() + "/train-images-idx3-ubyte";
    QVERIFY(writeFile(images, idxImages(10, 28, 28, kIdxLabelMagic)));
    const QString error = errorOf(loadDataset(dataConfig("mnist", dir.path()), 1));
    QVERIFY2(error.contains(images + ": wrong magic 0x00000801, expected 0x00000803 (2051)"),
             qPrintable(error));
    QVERIFY2(error.contains("not an MNIST image file"), qPrintable(error));
}

void DatasetsTest::mnistRejectsTruncatedFile() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path(), "train", 60));
    const QString images = dir.path() + "/train-images-idx3-ubyte";
    QVERIFY(writeFile(images, idxImages(60, 28, 28).left(1000)));
    const QString error = errorOf(loadDataset(dataConfig("mnist", dir.path()), 1));
    QVERIFY2(error.contains(images + ": file is 1000 bytes, header promises 47056 "
                                     "(truncated download?)"),
             qPrintable(error));
}

void DatasetsTest::mnistRejectsLabelCountMismatch() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path(), "train", 100));
    const QString labels = dir.path() + "/train-labels-idx1-ubyte";
    QVERIFY(writeFile(labels, idxLabels(cyclicLabels(90))));
    const QString error = errorOf(loadDataset(dataConfig("mnist", dir.path()), 1));
    QVERIFY2(error.contains(labels + ": 90 labels for 100 images"), qPrintable(error));
}

void DatasetsTest::mnistRejectsLabelOutOfRange() {
    QTemporaryDir dir;
    QVERIFY(writeMnist(dir.path(), "train", 10));
    const QString labels = dir.path() + "/train-labels-idx1-ubyte";
    QVERIFY(writeFile(labels, idxLabels({0, 1, 2, 3, 4, 5, 6, 7, 8, 12})));
    const QString error = errorOf(loadDataset(dataConfig("mnist", dir.path()), 1));
    QVERIFY2(error.contains(labels + ": label 12 is out of range"), qPrintable(error));
}

void DatasetsTest::mnistNamesMissingFile() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + "/train-images-idx3-ubyte", idxImages(5, 28, 28)));
    QVERIFY(writeFile(dir.path() + "/train-labels-idx1-ubyte.gz", QByteArray("\x1f\x8b", 2)));
    const QString error = errorOf(loadDataset(dataConfig("mnist", dir.path()), 1));
    QVERIFY2(error.contains(dir.path() + "/train-labels-idx1-ubyte: file not found"),
             qPrintable(error));
    QVERIFY2(error.contains("gunzip"), qPrintable(error));
    const QString noFolder = errorOf(loadDataset(dataConfig("mnist", dir.path() + "/nope"), 1));
    QVERIFY2(noFolder.contains(dir.path() + "/nope: no such folder"), qPrintable(noFolder));
}

void DatasetsTest::cifarReadsBatchesPerChannel() {
    QTemporaryDir dir;
    const QString bin = dir.path() + "/cifar-10-batches-bin";
    const auto labels = cyclicLabels(50);
    const std::vector<uint8_t> first(labels.begin(), labels.begin() + 30);
    const std::vector<uint8_t> second(labels.begin() + 30, labels.end());
    QVERIFY(writeFile(bin + "/data_batch_1.bin", cifarRecords(first)));
    QVERIFY(writeFile(bin + "/data_batch_2.bin", cifarRecords(second, 30)));
    QVERIFY(writeFile(bin + "/test_batch.bin", cifarRecords(cyclicLabels(10))));
    Result<DatasetSplit> split = loadDataset(dataConfig("cifar10", dir.path(), 0.5), 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->train.size(), 50);
    QCOMPARE(split->val.size(), 10);
    QCOMPARE(split->inputShape, (std::vector<int64_t>{3, 32, 32}));
    QCOMPARE(split->train.labels[42].item<int64_t>(), labels[42]);
    // Channels were written in different ranges; each must come out zero-mean, unit-std.
    const torch::Tensor mean = split->train.inputs.mean({0, 2, 3});
    const torch::Tensor std = split->train.inputs.std({0, 2, 3}, /*unbiased=*/false);
    QVERIFY(torch::allclose(mean, torch::zeros({3}), 0, 1e-4));
    QVERIFY(torch::allclose(std, torch::ones({3}), 0, 1e-4));
    // Record 31 (second file), channel 2, pixel 5 keeps its relation to its neighbour 6.
    const torch::Tensor plane = split->train.inputs[31][2].flatten();
    const float step = (plane[6] - plane[5]).item<float>();
    const float rawStep = float(cifarPixel(31, 2, 6)) - float(cifarPixel(31, 2, 5));
    QVERIFY(step * rawStep > 0);
}

void DatasetsTest::cifarRejectsPartialRecord() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/data_batch_1.bin";
    QVERIFY(writeFile(file, cifarRecords(cyclicLabels(2)) + QByteArray(5, 'x')));
    const QString error = errorOf(loadDataset(dataConfig("cifar10", dir.path(), 0.5), 1));
    QVERIFY2(error.contains(file + ": file is 6151 bytes"), qPrintable(error));
    QVERIFY2(error.contains("3073-byte"), qPrintable(error));
}

void DatasetsTest::cifarNeedsADataBatch() {
    QTemporaryDir dir;
    QVERIFY(writeFile(dir.path() + "/test_batch.bin", cifarRecords(cyclicLabels(2))));
    const QString error = errorOf(loadDataset(dataConfig("cifar10", dir.path(), 0.5), 1));
    QVERIFY2(error.contains(dir.path() + ": no data_batch_1.bin"), qPrintable(error));
}

void DatasetsTest::csvLabelByHeaderName() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QVERIFY(writeText(file, "a,b,species,c\n1,2,0,3\n4,5,2,6\r\n7,8,1,9\n\n"));
    DataConfig config = dataConfig("csv", file);
    config.labelColumn = "species";
    Result<DatasetSplit> split = loadDataset(config, 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->train.size(), 3);
    QCOMPARE(split->val.size(), 0);
    QCOMPARE(split->inputShape, (std::vector<int64_t>{3}));
    QCOMPARE(split->classes, 3);
    QVERIFY(torch::equal(split->train.labels, torch::tensor({0, 2, 1}, torch::kLong)));
    // Column a is 1, 4, 7: standardised to -1.2247, 0, 1.2247.
    QVERIFY(torch::allclose(split->train.inputs.select(1, 0),
                            torch::tensor({-1.2247449f, 0.f, 1.2247449f}), 1e-4, 1e-5));
}

void DatasetsTest::csvLabelByIndexWithoutHeader() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QVERIFY(writeText(file, "1, 0.5, -2\n0, 1.5e1, +3\n"));
    DataConfig config = dataConfig("csv", file);
    config.header = false;
    config.labelColumn = "0";
    Result<DatasetSplit> split = loadDataset(config, 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->inputShape, (std::vector<int64_t>{2}));
    QVERIFY(torch::equal(split->train.labels, torch::tensor({1, 0}, torch::kLong)));
    QCOMPARE(split->classes, 2);
}

void DatasetsTest::csvStringLabelsAreSortedClasses() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QVERIFY(writeText(file, "x,y\n1,dog\n2,cat\n3,bird\n4,dog\n"));
    DataConfig config = dataConfig("csv", file);  // empty label_column: the last column
    Result<DatasetSplit> split = loadDataset(config, 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->classes, 3);
    QVERIFY(torch::equal(split->train.labels, torch::tensor({2, 1, 0, 2}, torch::kLong)));
}

void DatasetsTest::csvQuotedFieldsKeepCommas() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QVERIFY(writeText(file, "x,city\n1,\"Paris, FR\"\n2,\"Say \"\"hi\"\"\"\n3,\"Paris, FR\"\n"));
    Result<DatasetSplit> split = loadDataset(dataConfig("csv", file), 1);
    QVERIFY2(split, qPrintable(errorOf(split)));
    QCOMPARE(split->classes, 2);  // "Paris, FR" < "Say \"hi\""
    QVERIFY(torch::equal(split->train.labels, torch::tensor({0, 1, 0}, torch::kLong)));
}

void DatasetsTest::csvRejectsBrokenFile_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("labelColumn");
    QTest::addColumn<QString>("expected");  // FILE stands for the CSV file's path
    QTest::newRow("ragged row") << QByteArray("a,b,label\n1,2,0\n3,1\n") << "label"
                                << "FILE:3: 2 columns, expected 3 as in line 1";
    QTest::newRow("non-numeric cell") << QByteArray("a,b,label\n1,2,0\n3,abc,1\n") << "label"
                                      << "FILE:3:2: 'abc' is not a number (column 'b')";
    QTest::newRow("empty file") << QByteArray("\n  \n") << "label"
                                << "FILE: empty file";
    QTest::newRow("header only") << QByteArray("a,label\n") << "label"
                                 << "FILE: a header line but no data rows";
    QTest::newRow("unknown label name")
        << QByteArray("a,b,target\n1,2,0\n") << "label"
        << "FILE: no column named 'label' in the header (columns: a, b, target)";
    QTest::newRow("label index out of range") << QByteArray("a,b\n1,2\n") << "5"
                                              << "FILE: label column 5 is out of range";
    QTest::newRow("unterminated quote") << QByteArray("a,b\n1,\"x\n") << "b"
                                        << "FILE:2: unterminated quoted field";
    QTest::newRow("label too large") << QByteArray("a,label\n1,0\n2,100000\n") << "label"
                                     << "FILE: label 100000 is too large for a class index";
    // INT64_MAX + 1 overflowed before the comparison and passed it.
    QTest::newRow("label INT64_MAX")
        << QByteArray("a,label\n1,0\n2,9223372036854775807\n") << "label"
        << "FILE: label 9223372036854775807 is too large for a class index";
}

void DatasetsTest::csvRejectsBrokenFile() {
    QFETCH(QByteArray, content);
    QFETCH(QString, labelColumn);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QVERIFY(writeFile(file, content));
    DataConfig config = dataConfig("csv", file);
    config.labelColumn = labelColumn.toStdString();
    const QString error = errorOf(loadDataset(config, 1));
    QVERIFY2(error.contains(expected.replace("FILE", file)), qPrintable(error));
}

// A 20 MB line took 1.2 GB as one string per field; now it is refused at 1 MiB, naming the line.
void DatasetsTest::csvRejectsOverlongLine() {
    QTemporaryDir dir;
    const QString file = dir.path() + "/t.csv";
    QByteArray content("a,b,label\n1,2,0\n");
    content += QByteArray("1,").repeated(10 << 20) + "0\n";  // 20 MiB, 10 M columns
    content += "3,4,1\n";
    QVERIFY(writeFile(file, content));
    DataConfig config = dataConfig("csv", file);
    config.labelColumn = "label";
    const QString error = errorOf(loadDataset(config, 1));
    QVERIFY2(error.startsWith(file + ":3: line is longer than 1 MiB"), qPrintable(error));
    QVERIFY2(error.contains("one sample per line"), qPrintable(error));
}

QTEST_MAIN(DatasetsTest)
