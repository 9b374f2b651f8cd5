// TensorBoard files as a user meets them through the command line: a script that writes event
// files (where SummaryWriter puts them by default, in a folder it names, in its run folder, with
// add_scalars subfolders) gets curves unchanged; the built-in trainer writes event files that
// read back as its metrics; `trainbench import-tb` turns a log folder into runs, once.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "core/protocol/tb_event_writer.h"
#include "core/protocol/tb_follow.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

// An event file with `tag` at steps 1..count (value step/10), written by our writer into
// `folder`; returns its path.
QString writeEvents(const QString& folder, const std::string& tag, int count) {
    TbEventWriter writer;
    if (!writer.open(folder.toStdString())) return {};
    for (int step = 1; step <= count; ++step) {
        MetricRecord record;
        record.step = step;
        record.time = 1796600000 + step;
        record.values = {{tag, step / 10.0}};
        if (!writer.append(record)) return {};
    }
    return QString::fromStdString(writer.path());
}

// The values of `key` in a run's metrics.jsonl, by step.
QMap<qint64, double> series(const QString& runDir, const QString& key) {
    QMap<qint64, double> values;
    for (const QJsonObject& record : metricsRecords(runDir))
        if (record.contains(key))
            values.insert(record.value("step").toInteger(), record.value(key).toDouble());
    return values;
}

}  // namespace

class TestTensorboardRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;

private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(binDir() + "/trainbench-train"))
            QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
        // Staged event files the script copies into place as it "trains".
        const QString staged = m_work.filePath("staged");
        QVERIFY(!writeEvents(staged + "/main", "Loss/train", 3).isEmpty());
        QVERIFY(!writeEvents(staged + "/sub", "Loss", 2).isEmpty());
        QVERIFY(!writeEvents(staged + "/mine", "acc", 2).isEmpty());
        QVERIFY(!writeEvents(staged + "/old", "stale", 2).isEmpty());
        QFile script(m_work.filePath("train.sh"));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(
            "set -e\n"
            "mkdir -p \"$1/exp1/Loss_val\" \"$TRAINBENCH_RUN_DIR/tb\"\n"
            "cp staged/main/* \"$1/exp1/\"\n"
            "cp staged/sub/* \"$1/exp1/Loss_val/\"\n"
            "cp staged/mine/* \"$TRAINBENCH_RUN_DIR/tb/\"\n"
            "echo trained\n");
        // A SummaryWriter folder of an earlier experiment: not this run's.
        QVERIFY(QDir().mkpath(m_work.filePath("runs/old")));
        const QString old = m_work.filePath("runs/old/events.out.tfevents.1.old");
        QVERIFY(
            QFile::copy(QDir(staged + "/old").entryInfoList(QDir::Files).front().filePath(), old));
        QFile oldFile(old);
        QVERIFY(oldFile.open(QIODevice::ReadWrite));
        QVERIFY(oldFile.setFileTime(QDateTime::currentDateTime().addDays(-2),
                                    QFileDevice::FileModificationTime));
    }

    void scriptWritingSummaryWriterFilesGetsCurves() {
        const QString root = m_work.filePath("runs-a");
        const CliResult result = runCliHarness(
            {"run", "--command", "sh train.sh runs", "--runs-root", root}, m_work.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString dir = root + "/" + result.out.section('\n', 0, 0);
        QCOMPARE(series(dir, "Loss/train"), (QMap<qint64, double>{{1, 0.1}, {2, 0.2}, {3, 0.3}}));
        // add_scalars' subfolder names its values; the run folder's own files count too.
        QCOMPARE(series(dir, "Loss_val/Loss"), (QMap<qint64, double>{{1, 0.1}, {2, 0.2}}));
        QCOMPARE(series(dir, "acc"), (QMap<qint64, double>{{1, 0.1}, {2, 0.2}}));
        QVERIFY(series(dir, "stale").isEmpty());
        QVERIFY(series(dir, "old/stale").isEmpty());
        QVERIFY2(fileText(dir + "/output.log").contains("curves from"),
                 fileText(dir + "/output.log").constData());
    }

    void aFolderTheUserNamesIsFollowed() {
        const QString root = m_work.filePath("runs-b");
        const CliResult result = runCliHarness(
            {"run", "--command", "sh train.sh logs", "--tensorboard", "logs", "--runs-root", root},
            m_work.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString dir = root + "/" + result.out.section('\n', 0, 0);
        QCOMPARE(series(dir, "Loss/train").size(), 3);
        QCOMPARE(jsonFile(dir + "/run.json").value("script").toObject().value("tensorboard"),
                 QJsonValue("logs"));
    }

    void trainerWritesEventFilesThatReadBackAsItsMetrics() {
        const QString root = m_work.filePath("runs-c");
        QStringList args{"run", demoConfig(), "--runs-root",
                         root,  "--set",      "train.tensorboard=" + m_work.filePath("tf-logs")};
        for (const QString& set : quickSets()) args << "--set" << set;
        const CliResult result = runCliHarness(args, m_work.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString id = result.out.section('\n', 0, 0);
        const QString folder = m_work.filePath("tf-logs/" + id);
        QVERIFY2(QFileInfo(folder).isDir(), qPrintable(folder));
        // Records of one step (the last training record and validation) may share an event.
        TbEventFollower follower({folder.toStdString()});
        QMap<QString, double> events;
        for (const MetricRecord& event : follower.poll())
            for (const auto& [key, value] : event.values)
                events.insert(QString::number(event.step) + " " + QString::fromStdString(key),
                              value);
        QMap<QString, double> written;
        for (const QJsonObject& record : metricsRecords(root + "/" + id))
            for (const QString& key : record.keys())
                if (key != "step" && key != "epoch" && key != "time")
                    written.insert(QString::number(record.value("step").toInteger()) + " " + key,
                                   record.value(key).toDouble());
        QVERIFY(written.size() > 10);
        QCOMPARE(events.keys(), written.keys());
        for (const QString& key : written.keys()) {
            const double expected = written.value(key);
            QVERIFY2(
                std::abs(events.value(key) - expected) <= 1e-6 * std::max(1.0, std::abs(expected)),
                qPrintable(key));
        }
    }

    void importTurnsEachLogFolderIntoOneRunOnce() {
        const QString logs = m_work.filePath("tf-logs");  // the trainer's, from the test above
        QVERIFY(!writeEvents(logs + "/colab/Loss_val", "Loss", 4).isEmpty());
        // A damaged file beside a good one: named, and the good one still imported.
        QVERIFY(!writeEvents(logs + "/damaged", "x", 2).isEmpty());
        const QString damaged =
            QDir(logs + "/damaged").entryInfoList(QDir::Files).front().filePath();
        appendToFile(damaged, QByteArray(12, '\x7f'));
        const QString root = m_work.filePath("runs-d");
        const CliResult first =
            runCliHarness({"import-tb", logs, "--runs-root", root}, m_work.path());
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        const QStringList lines = first.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);  // the trainer's run, colab/Loss_val, damaged
        QVERIFY2(first.err.contains(damaged) && first.err.contains("checksum"),
                 qPrintable(first.err));
        QString colab;
        for (const QString& line : lines)
            if (line.endsWith("/colab/Loss_val")) colab = root + "/" + line.section(' ', 0, 0);
        QVERIFY2(!colab.isEmpty(), qPrintable(first.out));
        QCOMPARE(stateOf(colab), QString("finished"));
        QCOMPARE(series(colab, "Loss").size(), 4);
        QVERIFY(fileText(colab + "/output.log").startsWith("imported 4 records from"));
        QCOMPARE(jsonFile(colab + "/run.json").value("name").toString(), QString("colab/Loss_val"));

        const CliResult again =
            runCliHarness({"import-tb", logs, "--runs-root", root}, m_work.path());
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains("imported before"), qPrintable(again.err));
        QCOMPARE(QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 3);

        QVERIFY(QDir().mkpath(m_work.filePath("nothing/here")));
        const CliResult empty = runCliHarness(
            {"import-tb", m_work.filePath("nothing"), "--runs-root", root}, m_work.path());
        QCOMPARE(empty.exitCode, 1);
        QVERIFY2(empty.err.contains("no TensorBoard event files"), qPrintable(empty.err));
    }
};

QTEST_GUILESS_MAIN(TestTensorboardRuns)
#include "tst_tensorboard_runs.moc"
