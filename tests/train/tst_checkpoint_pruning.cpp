// Checkpoint pruning orders by the parsed epoch and step: past epoch 9999 or step 9999999 the
// names stop sorting as text, and keep_checkpoints must still keep the newest.
#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/config/schema.h"
#include "core/config/train_config.h"
#include "core/train/checkpoint.h"
#include "core/train/models.h"
#include "core/train/optimizer.h"

using namespace tb;

namespace {

QStringList checkpointFiles(const QString& dir) {
    return QDir(dir).entryList({QStringLiteral("ckpt-*")}, QDir::Files, QDir::Name);
}

}  // namespace

class CheckpointPruningTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsTheNewestByNumberNotByText_data() {
        QTest::addColumn<QList<qint64>>("epochs");
        QTest::addColumn<QList<qint64>>("steps");
        QTest::addColumn<QString>("newest");
        QTest::newRow("epoch 9999 then 10000")
            << QList<qint64>{9999, 10000} << QList<qint64>{10, 20}
            << QStringLiteral("ckpt-e10000-s0000020");
        QTest::newRow("step 9999999 then 10000000")
            << QList<qint64>{3, 3} << QList<qint64>{9999999, 10000000}
            << QStringLiteral("ckpt-e0003-s10000000");
    }

    void keepsTheNewestByNumberNotByText() {
        QFETCH(QList<qint64>, epochs);
        QFETCH(QList<qint64>, steps);
        QFETCH(QString, newest);
        torch::manual_seed(1);
        TrainConfig config = toTrainConfig(defaultValues());
        config.model.kind = "mlp";
        auto model = makeModel(config.model, {4, 4}, 3);
        QVERIFY(model.ok());
        auto optimizer = makeOptimizer((*model)->parameters(), config.optim);
        QTemporaryDir dir;
        // A file the trainer did not name that way is left alone.
        QFile other(dir.filePath(QStringLiteral("ckpt-best.pt")));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        for (qsizetype i = 0; i < epochs.size(); ++i) {
            CheckpointMeta meta{epochs[i], steps[i], 1.0, {}, "# config", {4, 4}, 3};
            auto saved = saveCheckpoint(dir.path().toStdString(), meta, **model, *optimizer,
                                        TrainingState{}, 1);
            QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().c_str());
        }
        QCOMPARE(checkpointFiles(dir.path()),
                 (QStringList{QStringLiteral("ckpt-best.pt"), newest + QStringLiteral(".json"),
                              newest + QStringLiteral(".pt")}));
        QFile latest(dir.filePath(QStringLiteral("latest.json")));
        QVERIFY(latest.open(QIODevice::ReadOnly));
        QVERIFY(latest.readAll().contains((newest + QStringLiteral(".pt")).toUtf8()));
    }
};

QTEST_GUILESS_MAIN(CheckpointPruningTest)
#include "tst_checkpoint_pruning.moc"
