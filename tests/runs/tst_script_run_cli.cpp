// Tests `trainbench run --command ...` as a user types it: the script's own output followed
// to its exit status, metrics from the regex, --config/--set placeholders, --detach, and usage
// errors that exit 2 with the reason.

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/run_test_support.h"

using namespace tb::test;

class TestScriptRunCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(binDir() + "/trainbench-train")) {
            QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
        }
        QFile script(m_work.path() + "/train.sh");
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            "echo \"lr=$1 mode=$MODE\"\n"
            "for s in 1 2 3; do echo \"step=$s loss=0.$s\"; done\n"
            "exit \"$2\"\n");
    }

    void runFollowsTheScriptToItsExitStatus() {
        const QString root = m_work.path() + "/runs";
        const CliResult result = runCliHarness(
            {"run", "--command", "sh train.sh {optim.lr} 0", "--env", "export MODE=fast",
             "--metrics-regex", R"(step=(?<step>\d+) loss=(?<train_loss>\S+))", "--set",
             "optim.lr=0.25", "--runs-root", root},
            m_work.path());  // no --workdir: the command runs where trainbench started
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString id = result.out.section('\n', 0, 0);
        QVERIFY2(id.endsWith("-train"), qPrintable(result.out));
        QVERIFY2(result.out.contains("lr=0.25 mode=fast"), qPrintable(result.out));
        const QList<QJsonObject> records = metricsRecords(root + "/" + id);
        QCOMPARE(records.size(), 3);
        QCOMPARE(records[2].value("train_loss").toDouble(), 0.3);
    }

    void detachedFailingScriptKeepsItsCode() {
        const QString root = m_work.path() + "/runs";
        const CliResult result = runCliHarness({"run", "--detach", "--command", "sh train.sh 1 4",
                                                "--workdir", m_work.path(), "--runs-root", root},
                                               "/");
        QCOMPARE(result.exitCode, 0);
        const QString id = result.out.trimmed();
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(root + "/" + id), QString("failed"), 60000);
        QCOMPARE(fileText(root + "/" + id + "/exit_code").trimmed(), QByteArray("4"));
    }

    void usageErrorsExitTwo() {
        const QString root = m_work.path() + "/runs";
        CliResult result = runCliHarness({"run", "--command", "sh train.sh", "--metrics-regex",
                                          "loss=(?<loss", "--runs-root", root},
                                         m_work.path());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("position 6"), qPrintable(result.err));
        result = runCliHarness({"run", "some.yaml", "--command", "sh train.sh"}, m_work.path());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("--config"), qPrintable(result.err));
        result = runCliHarness({"run", "--command"}, m_work.path());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("--command needs a value"), qPrintable(result.err));
    }

private:
    QTemporaryDir m_work;
};

QTEST_GUILESS_MAIN(TestScriptRunCli)
#include "tst_script_run_cli.moc"
