// Tests `trainbench sweep`, `sweep-status` and `sweep-cancel` as a user types them: trials spread
// over the GPUs a (fake) nvidia-smi lists, followed to a ranking; a detached sweep read back as
// JSON, one queued trial cancelled; usage errors that exit 2 with the reason.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/run_test_support.h"

using namespace tb::test;

class SweepCliTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trialsSpreadOverTheListedGpus();
    void detachedSweepReadBackAndOneTrialCancelled();
    void usageErrorsExitTwo();

private:
    CliResult runCli(const QStringList& args) const;
    void writeFile(const QString& name, const QByteArray& text) const;
    QJsonObject status(const QString& root, const QString& id) const;

    QTemporaryDir m_work;
};

CliResult SweepCliTest::runCli(const QStringList& args) const {
    // Four GPUs, as nvidia-smi lists them; the fake is first on PATH.
    QProcessEnvironment environment;
    environment.insert("PATH", m_work.path() + "/fakebin:" + qEnvironmentVariable("PATH"));
    return runCliHarness(args, m_work.path(), environment);
}

void SweepCliTest::writeFile(const QString& name, const QByteArray& text) const {
    QFile file(m_work.path() + "/" + name);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

QJsonObject SweepCliTest::status(const QString& root, const QString& id) const {
    const CliResult result = runCli({"sweep-status", id, "--json", "--runs-root", root});
    return QJsonDocument::fromJson(result.out.toUtf8()).object();
}

void SweepCliTest::initTestCase() {
    if (!QFileInfo::exists(binDir() + "/tb-sweep.sh"))
        QSKIP("TB_BIN_DIR has no tb-sweep.sh; build the project and run through ctest");
    QVERIFY(QDir(m_work.path()).mkpath("fakebin"));
    writeFile("fakebin/nvidia-smi", "#!/bin/sh\nprintf '0\\n1\\n2\\n3\\n'\n");
    QFile::setPermissions(m_work.path() + "/fakebin/nvidia-smi",
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    writeFile("grid.yaml",
              "method: grid\nmetric: val/loss\ngoal: min\nparameters:\n"
              "  \"{lr}\": [0.4, 0.2]\n  \"{rep}\": [1, 2, 3]\n");
    writeFile("list.yaml",
              "method: list\nmetric: val/loss\ngoal: min\ntrials:\n"
              "  - {\"{n}\": 1}\n  - {\"{n}\": 2}\n  - {\"{n}\": 3}\n");
}

void SweepCliTest::trialsSpreadOverTheListedGpus() {
    const QString root = m_work.path() + "/runs-gpus";
    const CliResult result = runCli(
        {"sweep", "--command",
         "echo \"$CUDA_VISIBLE_DEVICES\" > \"$TRAINBENCH_RUN_DIR/gpu\"; echo {rep} > /dev/null; "
         "printf '{\"step\":1,\"val/loss\":%s}\\n' {lr} >> \"$TRAINBENCH_RUN_DIR/metrics.jsonl\"",
         "grid.yaml", "--per-gpu", "2", "--runs-root", root});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains("6 trials over 8 slots (0 0 1 1 2 2 3 3)"),
             qPrintable(result.out));
    const QString id = result.out.section('\n', 0, 0);
    const QJsonObject sweep = status(root, id);
    QCOMPARE(sweep.value("state").toString(), QString("drained"));
    const QJsonArray trials = sweep.value("trials").toArray();
    QCOMPARE(trials.size(), 6);
    for (const QJsonValue& value : trials) {
        const QJsonObject trial = value.toObject();
        QFile gpu(root + "/" + trial.value("run").toString() + "/gpu");
        QVERIFY(gpu.open(QIODevice::ReadOnly));
        const QString seen = QString::fromUtf8(gpu.readAll()).trimmed();
        QVERIFY2(QStringList({"0", "1", "2", "3"}).contains(seen), qPrintable(seen));
        QCOMPARE(trial.value("state").toString(), QString("finished"));
    }
    // The best trial (lr 0.2) is marked in the ranking the follow ends with.
    const QString best = result.out.section("\n* ", 1).section('\n', 0, 0);
    QVERIFY2(best.contains("lr=0.2"), qPrintable(result.out));
    QCOMPARE(
        trials[sweep.value("best_trial").toInt()].toObject().value("values").toObject().value("lr"),
        QJsonValue("0.2"));
}

void SweepCliTest::detachedSweepReadBackAndOneTrialCancelled() {
    const QString root = m_work.path() + "/runs-cancel";
    // Trial 1 holds the only slot until the test creates `go`.
    const CliResult started =
        runCli({"sweep", "--command",
                "while [ ! -f " + m_work.path() +
                    "/go ]; do sleep 0.1; done; echo {n} > \"$TRAINBENCH_RUN_DIR/n\"",
                "list.yaml", "--slots", "1", "--detach", "--runs-root", root});
    QVERIFY2(started.exitCode == 0, qPrintable(started.err));
    const QString id = started.out.trimmed();
    QVERIFY2(!id.contains('\n') && id.contains("sweep"), qPrintable(started.out));
    QTRY_COMPARE_WITH_TIMEOUT(
        status(root, id).value("trials").toArray().at(0).toObject().value("queue").toString(),
        QString("running"), 60000);
    const CliResult cancelled = runCli({"sweep-cancel", id.left(12), "2", "--runs-root", root});
    QVERIFY2(cancelled.exitCode == 0, qPrintable(cancelled.err));
    QVERIFY2(cancelled.out.contains("trial 2 of " + id + " will not run"),
             qPrintable(cancelled.out));
    writeFile("go", "");
    QTRY_COMPARE_WITH_TIMEOUT(status(root, id).value("state").toString(), QString("drained"),
                              60000);
    const QJsonArray trials = status(root, id).value("trials").toArray();
    QCOMPARE(trials.at(0).toObject().value("state").toString(), QString("finished"));
    QCOMPARE(trials.at(1).toObject().value("queue").toString(), QString("cancelled"));
    QCOMPARE(trials.at(2).toObject().value("state").toString(), QString("finished"));
    QVERIFY(
        !QFileInfo::exists(root + "/" + trials.at(1).toObject().value("run").toString() + "/n"));
}

void SweepCliTest::usageErrorsExitTwo() {
    const QString root = m_work.path() + "/runs-usage";
    CliResult result =
        runCli({"sweep", "--command", "true", "list.yaml", "--slots", "2", "--gpus", "0"});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("--slots (CPU) and --gpus do not go together"),
             qPrintable(result.err));
    writeFile("bad.yaml",
              "method: grid\nmetric: val/loss\ngoal: sideways\nparameters:\n"
              "  optim.lr: [0.1]\n");
    result =
        runCli({"sweep", qEnvironmentVariable("TB_SOURCE_DIR") + "/resources/configs/demo.yaml",
                "bad.yaml", "--runs-root", root});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("bad.yaml:3:"), qPrintable(result.err));
    result = runCli({"sweep-status", "nothing-like-this", "--runs-root", root});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("no sweep nothing-like-this"), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(SweepCliTest)
#include "tst_sweep_cli.moc"
