// Tests resources/trainbench_log.py with Debian's python3: a script run that imports it (the
// wrapper puts it on PYTHONPATH) gets its metrics and a listed checkpoint; records from
// several processes at once stay whole lines.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QScopeGuard>
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

// The run's status.json says it has ended, however.
bool hasEnded(const QString& dir) {
    const QString state = stateOf(dir);
    return state != "queued" && state != "starting" && state != "running";
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

    // Two processes per node through torch's own launcher (the python named by path runs
    // torch.distributed.run): both ranks run and all-reduce over Gloo, both call log() and
    // checkpoint(), and only rank 0's records and checkpoint reach the run.
    void processesPerNodeRunUnderTorchrunAndRankZeroLogs() {
        QProcess probe;
        probe.start(kPython, {"-c", "import torch.distributed.run"});
        if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
            QSKIP("/usr/bin/python3 has no torch.distributed.run (python3-torch)");
        // Debian 12's torch 1.13 launcher needs this fix under Python 3.11 (see the file).
        qputenv("PYTHONPATH", qgetenv("TB_SOURCE_DIR") + "/tests/support/torchrun_shim");
        const auto restore = qScopeGuard([] { qunsetenv("PYTHONPATH"); });
        QTemporaryDir work;
        QTemporaryDir root;
        QVERIFY(writeFile(work.path() + "/ddp.py",
                          "import torch, torch.distributed as dist\n"
                          "from trainbench_log import log, checkpoint\n"
                          "dist.init_process_group('gloo')\n"
                          "rank, world = dist.get_rank(), dist.get_world_size()\n"
                          "print('rank %d of %d' % (rank, world), flush=True)\n"
                          "for step in range(1, 6):\n"
                          "    t = torch.tensor([float(rank + 1)])\n"
                          "    dist.all_reduce(t)\n"
                          "    log(step, train_loss=t.item(), rank=rank)\n"
                          "checkpoint(5, lambda p: open(p, 'wb').write(b'w%d' % rank))\n"
                          "dist.destroy_process_group()\n"));
        LaunchRequest request;
        request.command = kPython + " ddp.py";
        request.processes = 2;
        request.workDir = work.path();
        LocalBackend backend(root.path(), binDir());
        const auto id = backend.launch(request);
        QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
        const QString dir = root.path() + "/" + *id;
        QTRY_VERIFY_WITH_TIMEOUT(hasEnded(dir), 120000);
        const QByteArray log = fileText(dir + "/output.log");
        QVERIFY2(stateOf(dir) == "finished", log.constData());
        QVERIFY2(log.contains("rank 0 of 2") && log.contains("rank 1 of 2"), log.constData());
        const QList<QJsonObject> records = metricsRecords(dir);
        QCOMPARE(records.size(), 5);
        for (const QJsonObject& record : records) {
            QCOMPARE(record.value("rank").toDouble(), 0.0);
            QCOMPARE(record.value("train_loss").toDouble(), 3.0);  // 1 + 2, summed over ranks
        }
        QCOMPARE(fileText(dir + "/checkpoints/ckpt-e0000-s0000005.pt"), QByteArray("w0"));
        QCOMPARE(jsonFile(dir + "/run.json").value("script").toObject().value("processes").toInt(),
                 2);
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
        QTRY_VERIFY_WITH_TIMEOUT(hasEnded(dir), 60000);
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
