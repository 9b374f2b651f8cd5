// Tests resources/trainbench_log.py with Debian's python3: a script run that imports it (the
// wrapper puts it on PYTHONPATH) gets its metrics and a listed checkpoint; records from
// several processes at once stay whole lines.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

const QString kPython = "/usr/bin/python3";

bool writeFile(const QString& path, const QByteArray& text) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

}  // namespace

class TestScriptRunLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo(kPython).isExecutable()) {
            QSKIP("/usr/bin/python3 is missing; install python3 to test trainbench_log.py");
        }
        QVERIFY(QFileInfo::exists(binDir() + "/trainbench_log.py"));
        QVERIFY(QFileInfo::exists(binDir() + "/tb-wrap.sh"));
    }

    void scriptLogsMetricsAndCheckpoint() {
        QTemporaryDir work;
        QTemporaryDir root;
        QVERIFY(writeFile(work.path() + "/train.py",
                          "import sys\n"
                          "from trainbench_log import log, checkpoint\n"
                          "lr = float(sys.argv[sys.argv.index('--lr') + 1])\n"
                          "for step in range(1, 21):\n"
                          "    log(step, {'train/loss': lr * step}, epoch=step // 10)\n"
                          "log(20, val_acc=float('nan'))\n"
                          "def save(path):\n"
                          "    open(path, 'wb').write(b'weights')\n"
                          "checkpoint(20, save, epoch=2, metrics={'val/acc': 0.75})\n"));
        LaunchRequest request;
        request.command = kPython + " train.py --lr {optim.lr}";
        request.sets << "optim.lr=0.5";
        request.workDir = work.path();
        LocalBackend backend(root.path(), binDir());
        const auto id = backend.launch(request);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        const QString dir = root.path() + "/" + *id;
        QTRY_VERIFY_WITH_TIMEOUT(
            stateOf(dir) != "queued" && stateOf(dir) != "starting" && stateOf(dir) != "running",
            60000);
        QVERIFY2(stateOf(dir) == "finished", fileText(dir + "/output.log").constData());

        const QList<QJsonObject> records = metricsRecords(dir);
        QCOMPARE(records.size(), 21);
        QCOMPARE(records[9].value("step").toDouble(), 10.0);
        QCOMPARE(records[9].value("epoch").toDouble(), 1.0);
        QCOMPARE(records[9].value("train/loss").toDouble(), 5.0);
        QVERIFY(records[20].value("val_acc").isNull());  // NaN is written as null

        const QJsonObject latest = jsonFile(dir + "/checkpoints/latest.json");
        QCOMPARE(latest.value("checkpoint").toString(), QString("ckpt-e0002-s0000020.pt"));
        const QJsonObject sidecar = jsonFile(dir + "/checkpoints/ckpt-e0002-s0000020.json");
        QCOMPARE(sidecar.value("bytes").toInt(), 7);
        QCOMPARE(sidecar.value("sha256").toString().size(), 64);
        QCOMPARE(sidecar.value("metrics").toObject().value("val/acc").toDouble(), 0.75);
        QVERIFY(!sidecar.value("config_sha256").toString().isEmpty());

        RunCatalog catalog(root.path());
        catalog.refresh();
        QCOMPARE(catalog.find(*id)->state, RunState::Finished);
    }

    void concurrentWritersKeepWholeLines() {
        QTemporaryDir dir;
        const QString script =
            "import os, sys\n"
            "sys.path.insert(0, sys.argv[1])\n"
            "from trainbench_log import log\n"
            "pids = []\n"
            "for w in range(4):\n"
            "    pid = os.fork()\n"
            "    if pid == 0:\n"
            "        for i in range(500):\n"
            "            log(i, {'w%d/padding_to_make_lines_long' % w: i * 0.5}, worker=w)\n"
            "        os._exit(0)\n"
            "    pids.append(pid)\n"
            "for pid in pids: os.waitpid(pid, 0)\n";
        QProcess python;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("TRAINBENCH_RUN_DIR", dir.path());
        python.setProcessEnvironment(env);
        python.start(kPython, {"-c", script, binDir()});
        QVERIFY(python.waitForFinished(60000));
        QCOMPARE(python.exitCode(), 0);
        const QByteArray text = fileText(dir.path() + "/metrics.jsonl");
        QVERIFY(text.endsWith('\n'));
        const QList<QByteArray> lines = text.trimmed().split('\n');
        QCOMPARE(lines.size(), 2000);
        QCOMPARE(metricsRecords(dir.path()).size(), 2000);  // every line parses
    }

    void nonNumberIsRefused() {
        QTemporaryDir dir;
        QProcess python;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("TRAINBENCH_RUN_DIR", dir.path());
        python.setProcessEnvironment(env);
        python.start(kPython, {"-c",
                               "import sys; sys.path.insert(0, sys.argv[1])\n"
                               "from trainbench_log import log\n"
                               "log(1, loss='high')\n",
                               binDir()});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY(python.exitCode() != 0);
        QVERIFY(python.readAllStandardError().contains("metric 'loss' is 'high', not a number"));
        QVERIFY(!QFileInfo::exists(dir.path() + "/metrics.jsonl"));
    }
};

QTEST_GUILESS_MAIN(TestScriptRunLog)
#include "tst_script_run_log.moc"
