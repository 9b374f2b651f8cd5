// Tests script runs through LocalBackend: the user's own command under tb-wrap.sh, metrics
// from its output by a regex (down to RunMetrics), trainbench_log.py, placeholders, the
// environment line, exit codes, stop, and launch errors that say what to fix.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include "core/metrics/run_metrics.h"
#include "core/runs/local_backend.h"
#include "core/runs/run_catalog.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

class TestScriptRun : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void regexMetricsFromOutput();
    void placeholdersAndEnvironmentLine();
    void exitCodeKeptAsFailed();
    void stopGivesStoppedAndKeepsLastLines();
    void launchErrorsBeforeAnythingRuns();

private:
    QString writeScript(const QString& name, const QByteArray& text);
    QString launched(const LaunchRequest& request);
    QString runDir(const QString& id) const { return m_root.path() + "/" + id; }

    QTemporaryDir m_root;
    QTemporaryDir m_work;
};

void TestScriptRun::initTestCase() {
    if (!QFileInfo::exists(binDir() + "/trainbench-train")) {
        QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
    }
    QVERIFY(QFileInfo::exists(binDir() + "/tb-wrap.sh"));
}

QString TestScriptRun::writeScript(const QString& name, const QByteArray& text) {
    QFile file(m_work.path() + "/" + name);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size()) return {};
    return file.fileName();
}

QString TestScriptRun::launched(const LaunchRequest& request) {
    LocalBackend backend(m_root.path(), binDir());
    const auto id = backend.launch(request);
    if (!id) qWarning("launch failed: %s", id.error().c_str());
    return id ? *id : QString();
}

void TestScriptRun::regexMetricsFromOutput() {
    QVERIFY(!writeScript("train.sh",
                         "i=1\n"
                         "while [ $i -le 5 ]; do\n"
                         "  echo \"step=$((i * 3)) loss=0.$i\"\n"
                         "  echo \"debug: nothing to see\" >&2\n"
                         "  i=$((i + 1))\n"
                         "done\n"
                         "echo 'step=18 loss=oops'\n")
                 .isEmpty());
    LaunchRequest request;
    request.command = "sh train.sh";
    request.workDir = m_work.path();
    request.metricsRegex = R"(step=(?<step>\d+) loss=(?<train_loss>\S+))";
    const QString id = launched(request);
    QVERIFY(!id.isEmpty());
    QVERIFY2(id.endsWith("-train"), qPrintable(id));  // named after the script
    const QString dir = runDir(id);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "finished", 60000);
    QCOMPARE(fileText(dir + "/exit_code").trimmed(), QByteArray("0"));

    const QList<QJsonObject> records = metricsRecords(dir);
    QCOMPARE(records.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(records[i].value("step").toDouble(), double((i + 1) * 3));
        QCOMPARE(records[i].value("train_loss").toDouble(), (i + 1) / 10.0);
        QVERIFY(records[i].value("time").toDouble() > 1.7e9);
    }
    // output.log still holds everything, stderr included, and the skipped value is told.
    const QByteArray log = fileText(dir + "/output.log");
    QVERIFY2(log.contains("step=3 loss=0.1\n") && log.contains("debug: nothing to see"),
             log.constData());
    QVERIFY2(log.contains("1 matched values were not numbers") && log.contains("'oops'"),
             log.constData());
    QVERIFY(QDir(dir)
                .entryList(QDir::Hidden | QDir::Files | QDir::System)
                .filter(QRegularExpression("^\\."))
                .isEmpty());

    RunMetrics metrics(dir);
    metrics.poll();
    const auto series = metrics.store().findSeries("train_loss");
    QVERIFY(series >= 0);
    const SeriesView view = metrics.store().view(std::size_t(series));
    QCOMPARE(view.size(), std::size_t(5));
    QCOMPARE(view.x(4), 15.0);
    QCOMPARE(view.y(4), 0.5);

    const QJsonObject run = jsonFile(dir + "/run.json");
    const QJsonObject script = run.value("script").toObject();
    QCOMPARE(script.value("template").toString(), request.command);
    QCOMPARE(script.value("metrics_regex").toString(), request.metricsRegex);
    QCOMPARE(run.value("cwd").toString(), m_work.path());
    QVERIFY(run.value("command").toArray().contains("--shell"));
}

void TestScriptRun::placeholdersAndEnvironmentLine() {
    const QString hostile = R"(it's "quoted" $(touch pwned) `touch pwned2`; $HOME)";
    QVERIFY(!writeScript("env.sh", "export TB_TURBO='proxy on'\nTB_PLAIN=seen\n").isEmpty());
    QVERIFY(
        !writeScript("show.sh", "printf '%s\\n' \"$1\" \"$2\" \"$TB_TURBO\" >got.txt\n").isEmpty());
    LaunchRequest request;
    request.command = "sh show.sh {name} \"$TB_PLAIN {optim.lr}\"";
    request.sets << "name=" + hostile << "optim.lr=0.05";
    request.workDir = m_work.path();
    request.envLine = ". ./env.sh";
    const QString id = launched(request);
    QVERIFY(!id.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(runDir(id)) == "finished", 60000);
    QCOMPARE(QString::fromUtf8(fileText(m_work.path() + "/got.txt")),
             hostile + "\nseen 0.05\nproxy on\n");
    QVERIFY(!QFileInfo::exists(m_work.path() + "/pwned"));
    QVERIFY(!QFileInfo::exists(m_work.path() + "/pwned2"));
    QVERIFY(fileText(runDir(id) + "/config.resolved").contains("optim.lr = 0.05"));

    request.envLine = ". ./missing-env.sh";
    const QString failed = launched(request);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(runDir(failed)) == "failed", 60000);
    QVERIFY(fileText(runDir(failed) + "/output.log").contains("missing-env.sh"));
}

void TestScriptRun::exitCodeKeptAsFailed() {
    LaunchRequest request;
    request.command = "echo 'step=1 loss=2'; exit 3";
    request.metricsRegex = "loss=(?<loss>\\S+)";
    const QString id = launched(request);
    QVERIFY(!id.isEmpty());
    const QString dir = runDir(id);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "failed", 60000);
    QCOMPARE(fileText(dir + "/exit_code").trimmed(), QByteArray("3"));
    QCOMPARE(jsonFile(dir + "/status.json").value("exit_code").toInt(), 3);
    QCOMPARE(metricsRecords(dir).size(), 1);
    RunCatalog catalog(m_root.path());
    catalog.refresh();
    QCOMPARE(catalog.find(id)->exitCode, 3);
    QCOMPARE(catalog.find(id)->state, RunState::Failed);
}

void TestScriptRun::stopGivesStoppedAndKeepsLastLines() {
    // The script prints one more line when stopped: it must still reach metrics.jsonl.
    QVERIFY(!writeScript("loop.sh",
                         "trap 'echo step=99 loss=0.25; exit 143' TERM\n"
                         "echo step=1 loss=1\n"
                         "while :; do sleep 0.05; done\n")
                 .isEmpty());
    LaunchRequest request;
    request.command = "sh loop.sh";
    request.workDir = m_work.path();
    request.metricsRegex = R"(step=(?<step>\d+) loss=(?<loss>\S+))";
    LocalBackend backend(m_root.path(), binDir());
    const auto id = backend.launch(request);
    QVERIFY2(id.ok(), id.ok() ? "" : id.error().c_str());
    const QString dir = runDir(*id);
    QTRY_VERIFY_WITH_TIMEOUT(lastMetricsStep(dir) == 1, 60000);
    QCOMPARE(stateOf(dir), QString("running"));
    const auto stopped = backend.stop(*id);
    QVERIFY2(stopped.ok(), stopped.ok() ? "" : stopped.error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(dir) == "stopped", 60000);
    QCOMPARE(fileText(dir + "/exit_code").trimmed(), QByteArray("143"));
    QTRY_COMPARE_WITH_TIMEOUT(lastMetricsStep(dir), qint64(99), 30000);
}

void TestScriptRun::launchErrorsBeforeAnythingRuns() {
    QTemporaryDir root;
    LocalBackend backend(root.path(), binDir());
    LaunchRequest request;
    request.command = "python3 train.py --lr {optim.lrr}";
    auto id = backend.launch(request);
    QVERIFY(!id.ok());
    QVERIFY2(id.error().find("{optim.lrr}") != std::string::npos &&
                 id.error().find("'optim.lr'") != std::string::npos,
             id.error().c_str());

    request.command = "python3 train.py";
    request.metricsRegex = "loss=(?<loss\\S+)";
    id = backend.launch(request);
    QVERIFY(!id.ok());
    QVERIFY2(id.error().find("metrics regex") != std::string::npos &&
                 id.error().find("position 6") != std::string::npos,
             id.error().c_str());

    request.metricsRegex.clear();
    request.workDir = root.path() + "/no-such-dir";
    id = backend.launch(request);
    QVERIFY(!id.ok());
    QVERIFY(id.error().find("no-such-dir") != std::string::npos);

    request.workDir.clear();
    request.parentRun = "20260101-000000-x";
    QVERIFY(!backend.launch(request).ok());
    QVERIFY(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
}

QTEST_GUILESS_MAIN(TestScriptRun)
#include "tst_script_run.moc"
