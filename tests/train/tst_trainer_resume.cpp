// A run stopped (SIGTERM) or killed (SIGKILL) and resumed ends with exactly the parameters of
// an uninterrupted run, and its metrics show every step once.
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "quick_config.h"
#include "trainer_process.h"

using namespace tbtest;

class TrainerResumeTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigkillThenResumeMatchesUninterrupted();
    void sigtermStopsWithCheckpointAndResumesExactly();
    void freshStartIntoUsedRunDirIsRefused();
    void cnnResumesExactlyInChannelsLastLayout();

private:
    QString finalSha(const QString& runDir) { return inspect(latestCheckpoint(runDir)).value("param_sha256").toString(); }
    void verifyStepsAppearOnce(const QString& runDir);

    QTemporaryDir m_dir;
    QString m_config;
    QString m_referenceSha;
    static constexpr int kEpochs = 6;
};

void TrainerResumeTest::initTestCase() {
    m_config = m_dir.path() + "/quick.yaml";
    writeText(m_config, quickConfig(kEpochs));
    const QString reference = m_dir.path() + "/reference";
    const Finished run = runTrainer({"--config", m_config, "--run-dir", reference});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_referenceSha = finalSha(reference);
    QCOMPARE(m_referenceSha.size(), 64);
}

void TrainerResumeTest::verifyStepsAppearOnce(const QString& runDir) {
    QSet<QString> seen;
    qint64 previous = -1;
    for (const auto& record : readMetrics(runDir)) {
        const qint64 step = record.value("step").toInteger();
        const QString kind = record.contains("val/acc") ? "val" : "train";
        QVERIFY2(!seen.contains(kind + QString::number(step)), qPrintable("duplicate step " + QString::number(step)));
        seen.insert(kind + QString::number(step));
        QVERIFY(step >= previous);
        previous = step;
    }
}

void TrainerResumeTest::sigkillThenResumeMatchesUninterrupted() {
    const QString runDir = m_dir.path() + "/killed";
    QProcess trainer;
    startTrainer(trainer, {"--config", m_config, "--run-dir", runDir});
    // Kill mid-epoch, after the first checkpoint exists and training has moved past it.
    auto checkpointStep = [&] {
        return readJson(runDir + "/checkpoints/latest.json").value("step").toInteger(-1);
    };
    QTRY_VERIFY_WITH_TIMEOUT(checkpointStep() > 0 && lastStep(runDir) > checkpointStep(), 120000);
    QCOMPARE(trainer.state(), QProcess::Running);
    ::kill(static_cast<pid_t>(trainer.processId()), SIGKILL);
    QVERIFY(trainer.waitForFinished(30000));
    const qint64 killedAt = lastStep(runDir);

    const Finished resumed = runTrainer({"--run-dir", runDir, "--resume", "latest"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QVERIFY(lastStep(runDir) > killedAt);
    QCOMPARE(finalSha(runDir), m_referenceSha);
    verifyStepsAppearOnce(runDir);
}

void TrainerResumeTest::sigtermStopsWithCheckpointAndResumesExactly() {
    const QString runDir = m_dir.path() + "/stopped";
    QProcess trainer;
    startTrainer(trainer, {"--config", m_config, "--run-dir", runDir});
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(runDir) >= 40, 120000);
    QCOMPARE(trainer.state(), QProcess::Running);
    // One stop request reaching it twice, as when Slurm or a terminal signals the whole group
    // and the wrapper passes it on too (a second signal of another kind is never merged by the
    // kernel): still one graceful stop with its checkpoint.
    const auto pid = static_cast<pid_t>(trainer.processId());
    ::kill(pid, SIGTERM);
    ::kill(pid, SIGINT);
    QVERIFY(trainer.waitForFinished(60000));
    QCOMPARE(trainer.exitCode(), 128 + SIGTERM);

    const QJsonObject status = readJson(runDir + "/status.json");
    QCOMPARE(status.value("state").toString(), QString("stopped"));
    const QJsonObject checkpoint = inspect(latestCheckpoint(runDir));
    QVERIFY(!checkpoint.isEmpty());
    QCOMPARE(checkpoint.value("step").toInteger(), status.value("step").toInteger());
    QVERIFY(checkpoint.value("step").toInteger() >= 40);

    const Finished resumed = runTrainer({"--run-dir", runDir, "--resume", "latest"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(readJson(runDir + "/status.json").value("state").toString(), QString("finished"));
    QCOMPARE(finalSha(runDir), m_referenceSha);
    verifyStepsAppearOnce(runDir);
}

void TrainerResumeTest::freshStartIntoUsedRunDirIsRefused() {
    const QString runDir = m_dir.path() + "/reference";
    const Finished run = runTrainer({"--config", m_config, "--run-dir", runDir});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--resume latest"), qPrintable(run.err));
    QCOMPARE(finalSha(runDir), m_referenceSha);  // nothing was overwritten
}

// The convolutional path resumes exactly too: channels-last weights, pooling, a stop
// checkpoint written mid-epoch and reloaded.
void TrainerResumeTest::cnnResumesExactlyInChannelsLastLayout() {
    QByteArray text = quickConfig(3);
    text.replace("kind: mlp", "kind: cnn\n  channels: [8, 16]");
    text.replace("shape: [1, 20, 20]", "shape: [2, 12, 12]");
    text.replace("samples: 3000", "samples: 1500");
    const QString config = m_dir.path() + "/cnn.yaml";
    writeText(config, text);
    const QString reference = m_dir.path() + "/cnn-reference";
    const Finished whole = runTrainer({"--config", config, "--run-dir", reference});
    QVERIFY2(whole.exitCode == 0, qPrintable(whole.err));

    const QString runDir = m_dir.path() + "/cnn-stopped";
    QProcess trainer;
    startTrainer(trainer, {"--config", config, "--run-dir", runDir});
    QTRY_VERIFY_WITH_TIMEOUT(lastStep(runDir) >= 50, 120000);
    trainer.terminate();
    QVERIFY(trainer.waitForFinished(60000));
    QCOMPARE(trainer.exitCode(), 128 + SIGTERM);
    const Finished resumed = runTrainer({"--run-dir", runDir, "--resume", "latest"});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(finalSha(runDir), finalSha(reference));
}

QTEST_GUILESS_MAIN(TrainerResumeTest)
#include "tst_trainer_resume.moc"
