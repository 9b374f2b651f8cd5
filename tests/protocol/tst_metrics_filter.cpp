// The script-run output filter (trainbench-train --metrics-from-stdout) fed through a real pipe:
// a 10 MB line and a pattern that backtracks exponentially must neither kill nor stall it;
// every byte reaches output.log and the lines after still become metrics.

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <thread>

#include "app/train/stdout_metrics_cli.h"

using namespace tb;

namespace {

// Runs the filter with `input` on its stdin (a pipe written by another thread); its result.
int filter(const std::string& pattern, const QString& runDir, const std::string& input) {
    int fds[2];
    if (::pipe(fds) != 0) return -1;
    const int savedStdin = ::dup(STDIN_FILENO);
    ::dup2(fds[0], STDIN_FILENO);
    ::close(fds[0]);
    std::thread writer([&] {
        const char* data = input.data();
        size_t left = input.size();
        while (left > 0) {
            const ssize_t n = ::write(fds[1], data, left);
            if (n <= 0) break;
            data += n;
            left -= static_cast<size_t>(n);
        }
        ::close(fds[1]);
    });
    const int result = runMetricsFromStdout(pattern, runDir.toStdString());
    writer.join();
    ::dup2(savedStdin, STDIN_FILENO);
    ::close(savedStdin);
    return result;
}

QByteArray fileText(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class TestMetricsFilter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void longLineAndBacktrackingPatternPassThrough_data() {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("\\S+") << QStringLiteral(R"(loss=(?<loss>\S+))");
        QTest::newRow("(a+)+b") << QStringLiteral(R"(loss=(?<loss>(a+)+b|\S+))");
    }

    void longLineAndBacktrackingPatternPassThrough() {
        QFETCH(QString, pattern);
        QTemporaryDir dir;
        std::string input = "starting\nloss=";
        input.append(10u << 20, 'a');
        input += "\nloss=0.5\nloss=" + std::string(5000, 'a') + "c\nloss=0.25";
        QCOMPARE(filter(pattern.toStdString(), dir.path(), input), 0);
        const QByteArray log = fileText(dir.filePath(QStringLiteral("output.log")));
        // Every byte, in order; then the filter's own note on the values it skipped.
        QVERIFY(log.size() > qsizetype(input.size()));
        QVERIFY(log.startsWith(QByteArray::fromStdString(input)));
        QVERIFY2(log.mid(qsizetype(input.size())).contains("trainbench: metrics regex: 2 records"),
                 log.mid(qsizetype(input.size())).constData());
        const QList<QByteArray> records =
            fileText(dir.filePath(QStringLiteral("metrics.jsonl"))).split('\n');
        QCOMPARE(records.size(), 3);  // two records and the empty piece after the last '\n'
        QVERIFY2(records[0].contains("\"loss\":0.5"), records[0].constData());
        QVERIFY2(records[1].contains("\"loss\":0.25"), records[1].constData());
    }
};

QTEST_GUILESS_MAIN(TestMetricsFilter)
#include "tst_metrics_filter.moc"
