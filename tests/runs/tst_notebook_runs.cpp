// Notebook runs as a user starts them, `trainbench run --notebook`: the cells run in order in
// one namespace with the shell, magics and figures, metrics come from trainbench_log, an
// executed copy that Jupyter's own nbconvert accepts is kept, a failing cell fails the run
// naming the cell, Colab-only calls say what to do instead, and a file that is no notebook is
// refused before a run exists.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/run_test_support.h"

using namespace tb::test;

namespace {

QJsonObject codeCell(const QString& source) {
    return {{"cell_type", "code"},
            {"metadata", QJsonObject()},
            {"execution_count", QJsonValue()},
            {"outputs", QJsonArray{QJsonObject{
                            {"output_type", "stream"}, {"name", "stdout"}, {"text", "old"}}}},
            {"source", source}};
}

// A notebook as Jupyter saves it: a markdown cell first, old outputs in the code cells.
bool writeNotebook(const QString& path, const QStringList& cells) {
    QJsonArray array{QJsonObject{
        {"cell_type", "markdown"}, {"metadata", QJsonObject()}, {"source", "# Training\n"}}};
    for (const QString& cell : cells) array.append(codeCell(cell));
    const QJsonObject notebook{
        {"cells", array},
        {"metadata", QJsonObject{{"kernelspec", QJsonObject{{"name", "python3"},
                                                            {"display_name", "Python 3"},
                                                            {"language", "python"}}}}},
        {"nbformat", 4},
        {"nbformat_minor", 4}};
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(QJsonDocument(notebook).toJson()) > 0;
}

// The outputs of the executed copy's code cells, in order.
QList<QJsonArray> executedOutputs(const QString& runDir) {
    QList<QJsonArray> outputs;
    const QJsonObject notebook = jsonFile(runDir + "/notebook.executed.ipynb");
    for (const QJsonValue& cell : notebook.value("cells").toArray())
        if (cell.toObject().value("cell_type") == "code")
            outputs.append(cell.toObject().value("outputs").toArray());
    return outputs;
}

QString streamText(const QJsonArray& outputs) {
    QString text;
    for (const QJsonValue& output : outputs)
        if (output.toObject().value("output_type") == "stream")
            text += output.toObject().value("text").toString();
    return text;
}

}  // namespace

class TestNotebookRuns : public QObject {
    Q_OBJECT

    QTemporaryDir m_work;

    QString runOf(const CliResult& result) const {
        return m_work.filePath("runs/" + result.out.section('\n', 0, 0));
    }

private Q_SLOTS:
    void initTestCase() {
        if (!QFileInfo::exists(binDir() + "/trainbench-train"))
            QSKIP("TB_BIN_DIR has no trainbench-train; build it and run through ctest");
    }

    void cellsRunInOrderAndTheExecutedCopyOpensInJupyter() {
        const QString path = m_work.filePath("train.ipynb");
        QVERIFY(writeNotebook(
            path, {"lr = 0.5\nprint('lr is', lr)\nlr * 2",
                   "!echo shell sees {lr}\n%env MODE=fast\n%cd /\nimport os\nprint(os.getcwd(), "
                   "os.environ['MODE'])",
                   "%%bash\necho from bash $((40 + 2))",
                   "from trainbench_log import log\nfor step in range(1, 4):\n    log(step, "
                   "train_loss=1.0 / step)",
                   "import matplotlib.pyplot as plt\n%matplotlib inline\nplt.plot([1, 2, 3])\n"
                   "plt.title('loss')"}));
        // The environment line picks the interpreter, as `conda activate` would: Debian's, which
        // has matplotlib.
        const CliResult result =
            runCliHarness({"run", "--notebook", path, "--env", "export PATH=/usr/bin:$PATH",
                           "--runs-root", m_work.filePath("runs")},
                          m_work.path());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
        const QString dir = runOf(result);
        QVERIFY2(dir.endsWith("-train"), qPrintable(dir));
        QCOMPARE(stateOf(dir), QString("finished"));
        QVERIFY2(result.out.contains("[trainbench] cell 5 of 5"), qPrintable(result.out));

        const QList<QJsonArray> outputs = executedOutputs(dir);
        QCOMPARE(outputs.size(), 5);
        QCOMPARE(streamText(outputs[0]), QString("lr is 0.5\n1.0\n"));
        QCOMPARE(outputs[0].last().toObject().value("output_type").toString(),
                 QString("execute_result"));
        QVERIFY2(streamText(outputs[1]).contains("shell sees 0.5\n"),
                 qPrintable(streamText(outputs[1])));
        QVERIFY2(streamText(outputs[1]).endsWith("/ fast\n"), qPrintable(streamText(outputs[1])));
        QCOMPARE(streamText(outputs[2]), QString("from bash 42\n"));
        QCOMPARE(metricsRecords(dir).size(), 3);
        QCOMPARE(metricsRecords(dir).last().value("train_loss").toDouble(), 1.0 / 3);
        bool figure = false;
        for (const QJsonValue& output : outputs[4])
            figure = figure || output.toObject().value("data").toObject().contains("image/png");
        QVERIFY(figure);
        QVERIFY(QFileInfo(dir + "/figures/cell-005-1.png").size() > 1000);

        const QString nbconvert = QStandardPaths::findExecutable("jupyter-nbconvert");
        QVERIFY2(!nbconvert.isEmpty(), "jupyter-nbconvert is missing: run scripts/install-deps.sh");
        QProcess convert;
        convert.setWorkingDirectory(m_work.path());
        convert.start(nbconvert, {"--to", "html", "--output-dir", m_work.filePath("html"),
                                  dir + "/notebook.executed.ipynb"});
        QVERIFY(convert.waitForFinished(120000));
        QVERIFY2(convert.exitCode() == 0, convert.readAllStandardError().constData());
        QVERIFY(fileText(m_work.filePath("html/notebook.executed.html")).contains("from bash 42"));
    }

    void aFailingCellFailsTheRunNamingTheCell() {
        const QString path = m_work.filePath("broken.ipynb");
        QVERIFY(
            writeNotebook(path, {"x = 1", "def f():\n    return x / 0\nf()", "print('never')"}));
        const CliResult result = runCliHarness(
            {"run", "--notebook", path, "--runs-root", m_work.filePath("runs")}, m_work.path());
        QCOMPARE(result.exitCode, 1);
        const QString dir = runOf(result);
        QCOMPARE(stateOf(dir), QString("failed"));
        const QString message = jsonFile(dir + "/status.json").value("message").toString();
        QCOMPARE(message, QString("cell 2 of 3 failed: ZeroDivisionError: division by zero"));
        QVERIFY2(fileText(dir + "/output.log").contains("File \"<cell 2>\", line 2, in f"),
                 fileText(dir + "/output.log").constData());
        const QList<QJsonArray> outputs = executedOutputs(dir);
        QCOMPARE(outputs[1].last().toObject().value("ename").toString(),
                 QString("ZeroDivisionError"));
        QVERIFY(outputs[2].isEmpty());  // never ran; its old output is gone too
    }

    void colabOnlyCallsSayWhatToDoInstead() {
        const QString path = m_work.filePath("colab.ipynb");
        QVERIFY(
            writeNotebook(path, {"from google.colab import drive\ndrive.mount('/content/drive')"}));
        const CliResult result = runCliHarness(
            {"run", "--notebook", path, "--runs-root", m_work.filePath("runs")}, m_work.path());
        QCOMPARE(result.exitCode, 1);
        const QString message =
            jsonFile(runOf(result) + "/status.json").value("message").toString();
        QVERIFY2(message.contains("only works in Colab") && message.contains("trainbench upload"),
                 qPrintable(message));
    }

    void aFileThatIsNoNotebookIsRefusedBeforeARunExists() {
        const QString path = m_work.filePath("notes.ipynb");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"cells\": [");
        file.close();
        const QString root = m_work.filePath("refused");
        const CliResult result =
            runCliHarness({"run", "--notebook", path, "--runs-root", root}, m_work.path());
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(path) && result.err.contains("not a notebook"),
                 qPrintable(result.err));
        QVERIFY(!QFileInfo::exists(root) || QDir(root).isEmpty());
        const CliResult both = runCliHarness(
            {"run", "--notebook", path, "--command", "true", "--runs-root", root}, m_work.path());
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains("cannot be combined"), qPrintable(both.err));
    }
};

QTEST_GUILESS_MAIN(TestNotebookRuns)
#include "tst_notebook_runs.moc"
