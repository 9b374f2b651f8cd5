// Tests metrics.jsonl records: line format, append mode and whole lines under concurrency.

#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <sstream>

#include "core/protocol/atomic_file.h"
#include "core/protocol/json.h"
#include "core/protocol/metrics_writer.h"

using namespace tb;

namespace {

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

class TestMetricsWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void recordIsOneJsonLine() {
        MetricRecord record{1200, 3, 1763820000.12, {{"train/loss", 0.31}, {"lr", 0.001}}};
        QCOMPARE(record.toJsonLine(),
                 std::string("{\"step\":1200,\"epoch\":3,\"time\":1763820000.12,"
                             "\"train/loss\":0.31,\"lr\":0.001}\n"));
    }

    void nonFiniteValuesBecomeNullAndReservedKeysAreNotDuplicated() {
        MetricRecord record{5, 0, 1.5, {{"loss", std::nan("")}, {"step", 99}, {"acc", 0.5}}};
        const std::string line = record.toJsonLine();
        QCOMPARE(line,
                 std::string("{\"step\":5,\"epoch\":0,\"time\":1.5,\"loss\":null,\"acc\":0.5}\n"));
        auto parsed = parseFlatJson(line);
        QVERIFY(parsed.ok());
        QCOMPARE(jsonNumber(*parsed, "step"), 5.0);
    }

    void appendsToExistingFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metrics.jsonl").toStdString();
        QVERIFY(writeFileAtomic(path, "{\"step\":0}\n").ok());
        {
            MetricsWriter writer;
            QVERIFY(writer.open(path).ok());
            QVERIFY(writer.append({1, 0, 10.0, {{"loss", 2.0}}}).ok());
            // Visible to a follower before close: no user-space buffering.
            QCOMPARE(linesOf(*readFile(path)).size(), size_t{2});
            QVERIFY(writer.append({2, 0, 11.0, {{"loss", 1.0}}}).ok());
        }
        MetricsWriter reopened;
        QVERIFY(reopened.open(path).ok());
        QVERIFY(reopened.append({3, 1, 12.0, {}}).ok());
        reopened.close();
        QVERIFY(!reopened.append({4, 1, 13.0, {}}).ok());

        const auto lines = linesOf(*readFile(path));
        QCOMPARE(lines.size(), size_t{4});
        for (size_t i = 0; i < lines.size(); ++i) {
            auto parsed = parseFlatJson(lines[i]);
            QVERIFY2(parsed.ok(), lines[i].c_str());
            QCOMPARE(jsonNumber(*parsed, "step", -1), double(i));
        }
    }

    void openErrorNamesTheFile() {
        MetricsWriter writer;
        auto opened = writer.open("/nonexistent-dir-tb/metrics.jsonl");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error(), std::string("cannot open /nonexistent-dir-tb/metrics.jsonl for "
                                             "appending: No such file or directory"));
        QCOMPARE(writer.append({}).error(),
                 std::string("cannot append metrics: no metrics file is open"));
    }

    // Two processes appending long records at once: O_APPEND plus one write() per record
    // must keep every line whole.
    void concurrentWritersNeverInterleaveLines() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("metrics.jsonl").toStdString();
        constexpr int kRecords = 2000;
        pid_t children[2];
        for (int c = 0; c < 2; ++c) {
            children[c] = fork();
            QVERIFY(children[c] >= 0);
            if (children[c] == 0) {
                MetricsWriter writer;
                if (!writer.open(path).ok()) _exit(1);
                MetricRecord record;
                for (int k = 0; k < 60; ++k)
                    record.values.push_back({"key/" + std::to_string(k), double(k + c)});
                for (int i = 0; i < kRecords; ++i) {
                    record.step = i;
                    record.epoch = c;
                    if (!writer.append(record).ok()) _exit(1);
                }
                _exit(0);
            }
        }
        for (const pid_t child : children) {
            int status = 0;
            QCOMPARE(waitpid(child, &status, 0), child);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        const auto lines = linesOf(*readFile(path));
        QCOMPARE(lines.size(), size_t{2 * kRecords});
        int perWriter[2] = {0, 0};
        for (const auto& line : lines) {
            auto parsed = parseFlatJson(line);
            QVERIFY2(parsed.ok(), line.c_str());
            QCOMPARE(parsed->size(), size_t{63});
            ++perWriter[int(jsonNumber(*parsed, "epoch"))];
        }
        QCOMPARE(perWriter[0], kRecords);
        QCOMPARE(perWriter[1], kRecords);
    }
};

QTEST_APPLESS_MAIN(TestMetricsWriter)
#include "tst_metrics_writer.moc"
