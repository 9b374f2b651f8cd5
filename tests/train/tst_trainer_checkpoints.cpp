// Unusable inputs get one clear line and a distinct exit code, never a crash: corrupt or
// truncated checkpoints (exit 3), invalid configs (exit 2). A SIGKILL during checkpoint
// writing leaves latest.json pointing at a loadable checkpoint.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "quick_config.h"
#include "trainer_process.h"

using namespace tbtest;

class TrainerCheckpointTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void corruptCheckpointExitsThree_data();
    void corruptCheckpointExitsThree();
    void resumeFromCorruptCheckpointExitsThree();
    void killDuringCheckpointWritesKeepsLatestLoadable();
    void invalidConfigExitsTwoWithLocation();
    void resolvedDataPathFromHomeIsExpanded();

private:
    QTemporaryDir m_dir;
    QString m_config;
    QString m_runDir;
    QByteArray m_good;
};

void TrainerCheckpointTest::initTestCase() {
    m_config = m_dir.path() + "/quick.yaml";
    writeText(m_config, quickConfig(1));
    m_runDir = m_dir.path() + "/run";
    const Finished run = runTrainer({"--config", m_config, "--run-dir", m_runDir});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    m_good = readText(latestCheckpoint(m_runDir));
    QVERIFY(m_good.size() > 1000);
}

void TrainerCheckpointTest::corruptCheckpointExitsThree_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("withSidecar");
    QTest::newRow("truncated half") << m_good.left(m_good.size() / 2) << false;
    QTest::newRow("truncated tail") << m_good.left(m_good.size() - 100) << false;
    QTest::newRow("garbage") << QByteArray(5000, 'x') << false;
    QTest::newRow("empty") << QByteArray() << false;
    QByteArray flipped = m_good;
    flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
    QTest::newRow("one byte flipped, sidecar catches it") << flipped << true;
}

void TrainerCheckpointTest::corruptCheckpointExitsThree() {
    QFETCH(QByteArray, bytes);
    QFETCH(bool, withSidecar);
    const QString path = m_dir.path() + "/broken/ckpt-e0001-s0000001.pt";
    writeText(path, bytes);
    QFile::remove(QString(path).replace(".pt", ".json"));
    if (withSidecar) {
        QFile::copy(QString(latestCheckpoint(m_runDir)).replace(".pt", ".json"),
                    QString(path).replace(".pt", ".json"));
    }
    const Finished run = runTrainer({"--inspect", path});
    QCOMPARE(run.exitCode, 3);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.trimmed().count('\n'), 0);  // one line
    QVERIFY2(run.err.contains(path), qPrintable(run.err));
}

void TrainerCheckpointTest::resumeFromCorruptCheckpointExitsThree() {
    const QString path = m_dir.path() + "/broken/torn.pt";
    writeText(path, m_good.left(m_good.size() / 3));
    const Finished run =
        runTrainer({"--config", m_config, "--run-dir", m_dir.path() + "/fork", "--resume", path});
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.err.contains("torn.pt"), qPrintable(run.err));
    QCOMPARE(readJson(m_dir.path() + "/fork/status.json").value("state").toString(), QString("failed"));
}

void TrainerCheckpointTest::killDuringCheckpointWritesKeepsLatestLoadable() {
    // Tiny epochs so checkpoints are written all the time; kill at several moments.
    const QString config = m_dir.path() + "/busy.yaml";
    QByteArray text = quickConfig(400);
    text.replace("samples: 3000", "samples: 120");
    writeText(config, text);
    const QString runDir = m_dir.path() + "/busy";
    for (int round = 0; round < 4; ++round) {
        QProcess trainer;
        const QStringList resume = round == 0 ? QStringList{"--config", config}
                                              : QStringList{"--resume", "latest"};
        startTrainer(trainer, QStringList{"--run-dir", runDir} + resume);
        const QString before = latestCheckpoint(runDir);
        QTRY_VERIFY_WITH_TIMEOUT(latestCheckpoint(runDir) != before && !latestCheckpoint(runDir).isEmpty(), 60000);
        for (int i = 0; i < round * 3; ++i) {  // let a few more checkpoints start
            const QString seen = latestCheckpoint(runDir);
            QTRY_VERIFY_WITH_TIMEOUT(latestCheckpoint(runDir) != seen, 60000);
        }
        QCOMPARE(trainer.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(trainer.processId()), SIGKILL);
        QVERIFY(trainer.waitForFinished(30000));
        const QJsonObject info = inspect(latestCheckpoint(runDir));
        QVERIFY2(!info.isEmpty(), qPrintable("unloadable after kill: " + latestCheckpoint(runDir)));
    }
}

void TrainerCheckpointTest::invalidConfigExitsTwoWithLocation() {
    const QString config = m_dir.path() + "/bad.yaml";
    writeText(config, "name: bad\noptim:\n  lr: -1\n  kindd: adam\n");
    const Finished run = runTrainer({"--validate", config});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(config + ":3:"), qPrintable(run.err));
    QVERIFY2(run.err.contains(config + ":4:"), qPrintable(run.err));
    QVERIFY2(run.err.contains("optim.kind"), qPrintable(run.err));

    const Finished good = runTrainer({"--validate", m_config, "--set", "optim.lr=0.01"});
    QCOMPARE(good.exitCode, 0);
    const Finished badSet = runTrainer({"--validate", m_config, "--set", "optim.lr=fast"});
    QCOMPARE(badSet.exitCode, 2);
    QVERIFY2(badSet.err.contains("optim.lr"), qPrintable(badSet.err));
}

// A run launched on an SSH host may name its data "~/..." (the launcher does not know the box's
// home); the trainer there expands it.
void TrainerCheckpointTest::resolvedDataPathFromHomeIsExpanded() {
    const Finished printed = runTrainer({"--config", m_config, "--print-resolved"});
    QCOMPARE(printed.exitCode, 0);
    QString resolved = printed.out;
    const qsizetype at = resolved.indexOf("data.path = ");
    QVERIFY(at >= 0);
    resolved.replace(at, resolved.indexOf('\n', at) - at, "data.path = \"~/sets/train.csv\"");
    const QString path = m_dir.path() + "/home.resolved";
    writeText(path, resolved.toUtf8());
    const QByteArray home = qgetenv("HOME");
    qputenv("HOME", m_dir.path().toUtf8());
    const Finished expanded = runTrainer({"--config", path, "--print-resolved"});
    qputenv("HOME", home);
    QCOMPARE(expanded.exitCode, 0);
    QVERIFY2(expanded.out.contains("data.path = \"" + m_dir.path() + "/sets/train.csv\""),
             qPrintable(expanded.out));
}

QTEST_GUILESS_MAIN(TrainerCheckpointTest)
#include "tst_trainer_checkpoints.moc"
