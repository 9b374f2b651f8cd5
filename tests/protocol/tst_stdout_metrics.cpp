// Tests regex metrics from output lines: records from named groups, step from a group or a
// counter, lines split at '\n' and '\r' in any chunking, and non-numbers skipped and counted.

#include <QTest>

#include <clocale>
#include <string>

#include "core/protocol/stdout_metrics.h"

using namespace tb;

namespace {

StdoutMetrics make(const std::string& pattern) {
    auto metrics = StdoutMetrics::create(pattern);
    if (!metrics) qFatal("%s", metrics.error().c_str());
    return std::move(*metrics);
}

double valueOf(const MetricRecord& record, const std::string& key) {
    for (const auto& [name, value] : record.values) {
        if (name == key) return value;
    }
    return -12345;
}

}  // namespace

class TestStdoutMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void stepGroupAndMetricsFromEachMatchingLine() {
        StdoutMetrics metrics = make(R"(step=(?<step>\d+) loss=(?<train_loss>\S+))");
        const std::string output =
            "starting\nstep=3 loss=0.5\nstep=6 loss=0.25, lr=1\nnoise step=x\nstep=9 loss=1e-3\n";
        std::vector<MetricRecord> records;
        // Any chunking gives the same records: feed one byte at a time.
        for (const char c : output) {
            for (auto& r : metrics.feed(std::string_view(&c, 1), 42.0)) records.push_back(r);
        }
        QCOMPARE(records.size(), size_t(3));
        QCOMPARE(records[0].step, int64_t(3));
        QCOMPARE(valueOf(records[0], "train_loss"), 0.5);
        QCOMPARE(records[1].step, int64_t(6));
        QCOMPARE(valueOf(records[1], "train_loss"), 0.25);  // the trailing comma is punctuation
        QCOMPARE(records[2].step, int64_t(9));
        QCOMPARE(valueOf(records[2], "train_loss"), 1e-3);
        QCOMPARE(records[2].time, 42.0);
        QVERIFY(!records[2].hasEpoch);  // no epoch group: no "epoch" key rather than 0
        QVERIFY(records[2].toJsonLine().find("epoch") == std::string::npos);
        QCOMPARE(metrics.records(), int64_t(3));
        QCOMPARE(metrics.skippedValues(), int64_t(0));
    }

    void counterStepsWithoutStepGroupAndCarriageReturns() {
        StdoutMetrics metrics = make(R"(loss=(?<loss>[^ ]+))");
        auto records = metrics.feed("loss=1\rloss=2\r\nloss=3", 0);
        QCOMPARE(records.size(), size_t(2));
        QCOMPARE(records[0].step, int64_t(1));
        QCOMPARE(records[1].step, int64_t(2));
        const auto last = metrics.finish(0);  // the last line had no newline
        QCOMPARE(last.size(), size_t(1));
        QCOMPARE(last[0].step, int64_t(3));
        QCOMPARE(valueOf(last[0], "loss"), 3.0);
    }

    void alternativesKeepTheLastStep() {
        StdoutMetrics metrics =
            make(R"(step (?<step>\d+) loss (?<loss>\S+)|epoch (?<epoch>\d+) acc (?<val/acc>\S+)%)");
        auto records = metrics.feed("step 10 loss 0.7\nepoch 1 acc 91.5%\nstep 12 loss 0.6\n", 0);
        QCOMPARE(records.size(), size_t(3));
        QVERIFY(!records[0].hasEpoch);
        QCOMPARE(records[2].epoch, int64_t(1));  // the epoch holds until the next one
        QVERIFY(records[2].hasEpoch);
        QCOMPARE(records[1].step, int64_t(10));
        QCOMPARE(records[1].epoch, int64_t(1));
        QCOMPARE(valueOf(records[1], "val/acc"), 91.5);
        QCOMPARE(records[1].values.size(), size_t(1));  // unmatched groups are not values
    }

    void nonNumbersAreSkippedAndCounted() {
        StdoutMetrics metrics = make(R"(loss=(?<loss>\S+) acc=(?<acc>\S+))");
        auto records = metrics.feed("loss=abc acc=0.9\nloss=nan? acc=x\nloss=2 acc=0.8\n", 0);
        QCOMPARE(records.size(), size_t(2));  // the second line has no number left
        QCOMPARE(records[0].values.size(), size_t(1));
        QCOMPARE(valueOf(records[0], "acc"), 0.9);
        QCOMPARE(records[1].step, int64_t(2));
        QCOMPARE(metrics.skippedValues(), int64_t(3));
        QCOMPARE(metrics.firstSkipped(), std::string("line 1: loss = 'abc'"));
    }

    void numbersParsedStrictly() {
        QCOMPARE(parseMetricNumber("0.25").value(), 0.25);
        QCOMPARE(parseMetricNumber("+3").value(), 3.0);
        QCOMPARE(parseMetricNumber("-1.5e-3)").value(), -1.5e-3);
        QVERIFY(std::isnan(parseMetricNumber("nan").value()));
        QVERIFY(!parseMetricNumber("12abc"));
        QVERIFY(!parseMetricNumber("tensor(0.5)"));
        QVERIFY(!parseMetricNumber(""));
    }

    // The script dialog parses inside Qt, which takes LC_NUMERIC from the environment.
    void numbersIgnoreTheLocale() {
        const std::string before = std::setlocale(LC_NUMERIC, nullptr);
        if (!std::setlocale(LC_NUMERIC, "de_DE.UTF-8"))
            QSKIP("no de_DE.UTF-8 locale (scripts/install-deps.sh makes one)");
        const auto value = parseMetricNumber("0.125");
        const auto comma = parseMetricNumber("0,125");
        std::setlocale(LC_NUMERIC, before.c_str());
        QCOMPARE(value.value_or(-1), 0.125);
        QVERIFY(!comma);  // a decimal comma is no number here, whatever the locale
    }

    void regexWithoutMetricGroupIsAnError() {
        auto none = StdoutMetrics::create("step=(?<step>\\d+)");
        QVERIFY(!none.ok());
        QVERIFY(none.error().find("no named group for a metric") != std::string::npos);
        auto bad = StdoutMetrics::create("loss=(?<loss\\S+)");
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().find("metrics regex") == 0, bad.error().c_str());
        QVERIFY(bad.error().find("position 6") != std::string::npos);
    }

    // Found by fuzz_stdout_metrics: libstdc++'s regex compiler overflows a signed integer on a
    // back-reference number this long. Refused with a position before it gets there.
    void unclosedRepeatCountIsRefused() {
        auto huge = StdoutMetrics::create("<{4666666666666666666666666666664444 (?<x>\\d)");
        QVERIFY(!huge.ok());
        QVERIFY2(huge.error().find("literal '{'") != std::string::npos, huge.error().c_str());
        QVERIFY(StdoutMetrics::create("loss\\{4 (?<x>\\d)").ok());  // the escaped brace is fine
    }

    void hugeBackReferenceIsRefused() {
        auto huge = StdoutMetrics::create("step=(?<step>\\44444444444444444444d+) n");
        QVERIFY(!huge.ok());
        QVERIFY2(huge.error().find("backreference") != std::string::npos, huge.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestStdoutMetrics)
#include "tst_stdout_metrics.moc"
