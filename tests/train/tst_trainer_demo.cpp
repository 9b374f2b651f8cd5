// The shipped demo config trains for real to the promised accuracy and leaves a complete
// run directory behind.
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include "trainer_process.h"

using namespace tbtest;

class TrainerDemoTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void demoReachesHighAccuracy();
};

void TrainerDemoTest::demoReachesHighAccuracy() {
    QTemporaryDir dir;
    const QString runDir = dir.path() + "/demo";
    const Finished run =
        runTrainer({"--config", sourcePath("resources/configs/demo.yaml"), "--run-dir", runDir});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    const auto records = readMetrics(runDir);
    QVERIFY(!records.isEmpty());
    const double valAcc = lastValue(records, "val/acc");
    QVERIFY2(valAcc >= 0.95, qPrintable(QString("val/acc %1").arg(valAcc)));
    for (const char* key : {"step", "epoch", "time", "train/loss", "train/acc", "lr", "samples_per_sec"}) {
        QVERIFY2(!std::isnan(lastValue(records, key)), key);
    }
    QVERIFY(lastValue(records, "train/loss") < 0.5);

    const QJsonObject status = readJson(runDir + "/status.json");
    QCOMPARE(status.value("state").toString(), QString("finished"));
    QCOMPARE(status.value("exit_code").toInt(), 0);
    QVERIFY(QFileInfo::exists(runDir + "/run.json"));
    QVERIFY(QFileInfo::exists(runDir + "/config.yaml"));
    QVERIFY(QFileInfo::exists(runDir + "/output.log"));

    // keep_checkpoints: 3 of the 5 epoch checkpoints remain, each with a truthful sidecar.
    const QStringList checkpoints =
        QDir(runDir + "/checkpoints").entryList({"ckpt-*.pt"}, QDir::Files, QDir::Name);
    QCOMPARE(checkpoints.size(), 3);
    QCOMPARE(checkpoints.last(), QFileInfo(latestCheckpoint(runDir)).fileName());
    const QJsonObject info = inspect(latestCheckpoint(runDir));
    QCOMPARE(info.value("epoch").toInt(), 5);
    QCOMPARE(info.value("param_sha256").toString().size(), 64);
    const QJsonObject sidecar = readJson(QString(latestCheckpoint(runDir)).replace(".pt", ".json"));
    QCOMPARE(sidecar.value("sha256").toString(), info.value("sha256").toString());
    QCOMPARE(sidecar.value("step").toInteger(), info.value("step").toInteger());
    QVERIFY(sidecar.value("metrics").toObject().value("val/acc").toDouble() >= 0.95);
}

QTEST_GUILESS_MAIN(TrainerDemoTest)
#include "tst_trainer_demo.moc"
