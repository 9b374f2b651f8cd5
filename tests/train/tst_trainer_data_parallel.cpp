// Data-parallel runs of the real trainer through torch's c10d Gloo on this machine: two ranks
// agree on their parameters after every epoch, rank 0 alone records the run, a run killed
// mid-epoch resumes to exactly the parameters of an uninterrupted one, a stop stops every rank,
// a rank that dies fails the run naming it, and a resume with another world size is refused.
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "quick_config.h"
#include "trainer_process.h"

using namespace tbtest;

namespace {

constexpr int kEpochs = 3;

// Pids of the processes whose parent is `pid` (from /proc).
QList<qint64> childrenOf(qint64 pid) {
    QList<qint64> children;
    const QStringList pids = QDir("/proc").entryList({"[0-9]*"}, QDir::Dirs);
    for (const QString& entry : pids) {
        const QByteArray stat = readText("/proc/" + entry + "/stat");
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toLongLong() == pid) children.append(entry.toLongLong());
    }
    return children;
}

}  // namespace

class TrainerDataParallelTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twoRanksAgreeAndRankZeroRecords();
    void sigkillThenResumeMatchesUninterrupted();
    void stopReachesEveryRank();
    void deadRankFailsTheRunNamingIt();
    void otherWorldSizeOnResumeIsRefused();
    void torchrunStartsTheRanksInstead();

private:
    QString finalSha(const QString& runDir) {
        return inspect(latestCheckpoint(runDir)).value("param_sha256").toString();
    }

    QTemporaryDir m_dir;
    QString m_config;
    QString m_twoRanks;  // the uninterrupted two-rank run
};

void TrainerDataParallelTest::initTestCase() {
    // torchrun gives its ranks OMP_NUM_THREADS=1, and OpenBLAS sizes its pool from it when it
    // loads, which changes the order of a matrix product's sums: every run here gets the same,
    // so that the runs torchrun starts can be compared bit for bit with ours.
    qputenv("OMP_NUM_THREADS", "1");
    const Finished probe = runTrainer({"--version"});
    QCOMPARE(probe.exitCode, 0);
    m_config = m_dir.path() + "/quick.yaml";
    QByteArray text = quickConfig(kEpochs);
    text.replace("  threads: 1\n", "  threads: 1\n  devices: 2\n");
    writeText(m_config, text);
    m_twoRanks = m_dir.path() + "/two";
    const Finished run = runTrainer({"--config", m_config, "--run-dir", m_twoRanks});
    if (run.err.contains("built without torch's c10d Gloo"))
        QSKIP("this LibTorch has no c10d Gloo (see docs/DATA_PARALLEL.md)");
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
    QCOMPARE(finalSha(m_twoRanks).size(), 64);
}

void TrainerDataParallelTest::twoRanksAgreeAndRankZeroRecords() {
    // What rank 0 printed: an agreement line per epoch, with the digest every rank held.
    const QByteArray log = readText(m_twoRanks + "/output.log");
    for (int epoch = 1; epoch <= kEpochs; ++epoch) {
        QVERIFY2(
            log.contains(
                QStringLiteral("epoch %1: parameters equal on all 2 ranks").arg(epoch).toUtf8()),
            log.constData());
    }
    // One record per step: the other rank wrote none.
    const QList<QJsonObject> records = readMetrics(m_twoRanks);
    QSet<QString> seen;
    for (const QJsonObject& record : records) {
        const QString key = (record.contains("val/acc") ? "val" : "train") +
                            QString::number(record.value("step").toInteger());
        QVERIFY2(!seen.contains(key), qPrintable("step recorded twice: " + key));
        seen.insert(key);
    }
    const QJsonObject status = readJson(m_twoRanks + "/status.json");
    QCOMPARE(status.value("state").toString(), QString("finished"));
    QVERIFY(status.value("message").toString().contains(finalSha(m_twoRanks)));

    // It learns as well as one process does on the same data (the batch is per rank, so two
    // ranks take half the steps with twice the samples each).
    QByteArray single = quickConfig(kEpochs);
    writeText(m_dir.path() + "/single.yaml", single);
    const QString one = m_dir.path() + "/one";
    const Finished run = runTrainer({"--config", m_dir.path() + "/single.yaml", "--run-dir", one});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Each rank trains on half of every epoch: half the steps.
    QVERIFY2(qAbs(2 * lastStep(m_twoRanks) - lastStep(one)) <= 2 * kEpochs,
             qPrintable(QString("%1 and %2 steps").arg(lastStep(m_twoRanks)).arg(lastStep(one))));
    const double oneAcc = lastValue(readMetrics(one), "val/acc");
    const double twoAcc = lastValue(records, "val/acc");
    QVERIFY2(twoAcc >= oneAcc - 0.05,
             qPrintable(QString("two ranks %1, one process %2").arg(twoAcc).arg(oneAcc)));
}

void TrainerDataParallelTest::sigkillThenResumeMatchesUninterrupted() {
    const QString runDir = m_dir.path() + "/killed";
    QProcess trainer;
    startTrainer(trainer, {"--config", m_config, "--run-dir", runDir});
    auto checkpointStep = [&] {
        return readJson(runDir + "/checkpoints/latest.json").value("step").toInteger(-1);
    };
    QTRY_VERIFY_WITH_TIMEOUT(checkpointStep() > 0 && lastStep(runDir) > checkpointStep(), 120000);
    const QList<qint64> others = childrenOf(trainer.processId());
    QCOMPARE(others.size(), 1);
    ::kill(static_cast<pid_t>(trainer.processId()), SIGKILL);
    QVERIFY(trainer.waitForFinished(30000));
    // Rank 1 dies with rank 0.
    QTRY_VERIFY_WITH_TIMEOUT(!QDir("/proc/" + QString::number(others[0])).exists(), 30000);

    const Finished resumed = runTrainer({"--run-dir", runDir, "--resume", "latest"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(finalSha(runDir), finalSha(m_twoRanks));
}

void TrainerDataParallelTest::stopReachesEveryRank() {
    const QString runDir = m_dir.path() + "/stopped";
    QProcess trainer;
    startTrainer(trainer, {"--config", m_config, "--run-dir", runDir});
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(runDir) >= 20, 120000);
    const QList<qint64> others = childrenOf(trainer.processId());
    QCOMPARE(others.size(), 1);
    trainer.terminate();  // SIGTERM to rank 0 alone: the ranks agree on the step to stop at
    QVERIFY(trainer.waitForFinished(60000));
    QCOMPARE(trainer.exitCode(), 128 + SIGTERM);
    QVERIFY(!QDir("/proc/" + QString::number(others[0])).exists());
    QCOMPARE(readJson(runDir + "/status.json").value("state").toString(), QString("stopped"));
    const Finished resumed = runTrainer({"--run-dir", runDir, "--resume", "latest"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(finalSha(runDir), finalSha(m_twoRanks));
}

void TrainerDataParallelTest::deadRankFailsTheRunNamingIt() {
    const QString runDir = m_dir.path() + "/rank-died";
    QProcess trainer;
    startTrainer(trainer, {"--config", m_config, "--run-dir", runDir});
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(runDir) >= 10, 120000);
    const QList<qint64> others = childrenOf(trainer.processId());
    QCOMPARE(others.size(), 1);
    ::kill(static_cast<pid_t>(others[0]), SIGKILL);
    QVERIFY(trainer.waitForFinished(60000));  // well inside the ranks' two-minute timeout
    QCOMPARE(trainer.exitCode(), 1);
    const QJsonObject status = readJson(runDir + "/status.json");
    QCOMPARE(status.value("state").toString(), QString("failed"));
    const QString message = status.value("message").toString();
    QVERIFY2(
        message.contains(QStringLiteral("rank 1 (pid %1) was killed by signal 9").arg(others[0])),
        qPrintable(message));
}

void TrainerDataParallelTest::otherWorldSizeOnResumeIsRefused() {
    const QString checkpoint = latestCheckpoint(m_twoRanks);
    const QString runDir = m_dir.path() + "/one-from-two";
    const Finished run = runTrainer({"--config", m_config, "--set", "train.devices=1", "--run-dir",
                                     runDir, "--resume", checkpoint});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("written by a run of 2 process(es) and this run has 1"),
             qPrintable(run.err));
}

// torchrun starts both ranks itself (its agent serves the store): the trainer takes its place
// from the environment, starts nothing, and trains exactly what its own launcher trains.
void TrainerDataParallelTest::torchrunStartsTheRanksInstead() {
    const QString torchrun = "/usr/bin/torchrun";
    if (!QFileInfo(torchrun).isExecutable()) QSKIP("no /usr/bin/torchrun (python3-torch)");
    const QString runDir = m_dir.path() + "/torchrun";
    QProcess launcher;
    launcher.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("PYTHONPATH", sourcePath("tests/support/torchrun_shim"));
    launcher.setProcessEnvironment(environment);
    launcher.start(torchrun, {"--standalone", "--nproc_per_node=2", "--no_python", trainerPath(),
                              "--config", m_config, "--run-dir", runDir});
    QVERIFY(launcher.waitForFinished(300000));
    const QByteArray output = launcher.readAll();
    QVERIFY2(launcher.exitCode() == 0, output.constData());
    QCOMPARE(readJson(runDir + "/status.json").value("state").toString(), QString("finished"));
    QCOMPARE(finalSha(runDir), finalSha(m_twoRanks));
    QVERIFY2(output.contains("parameters equal on all 2 ranks"), output.constData());
}

QTEST_GUILESS_MAIN(TrainerDataParallelTest)
#include "tst_trainer_data_parallel.moc"
