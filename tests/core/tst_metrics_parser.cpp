// Tests for MetricsParser: what becomes a record, what is skipped and counted, what is left.
#include <QTest>

#include <cmath>
#include <string>

#include "core/metrics/metrics_parser.h"

using tb::MetricsBatch;
using tb::MetricsParser;

namespace {
// Value of `key` in record r, NaN-distinct sentinel when absent.
double valueOf(const MetricsParser& p, const MetricsBatch& b, std::size_t r, const char* key,
               bool* found = nullptr) {
    if (found) *found = false;
    for (auto f = b.fieldBegin[r]; f < b.fieldBegin[r + 1]; ++f) {
        if (p.keyName(b.fields[f].key) == key) {
            if (found) *found = true;
            return b.fields[f].value;
        }
    }
    return -12345.0;
}
}  // namespace

class TestMetricsParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validLines() {
        MetricsParser p;
        MetricsBatch b;
        const std::string text =
            "{\"step\":1200,\"epoch\":3,\"time\":1763820000.12,\"train/loss\":0.31,\"lr\":0.001}\n"
            "{\"step\":1201,\"train/loss\":0.25,\"note\":\"hi\",\"ok\":true,\"n\":null,"
            "\"nested\":{\"a\":1},\"arr\":[1,2]}\n";
        const auto r = p.parse(text, b);
        QCOMPARE(r.records, std::size_t(2));
        QCOMPARE(r.malformedLines, std::size_t(0));
        QCOMPARE(r.bytesConsumed, text.size());
        QCOMPARE(b.steps[0], 1200.0);
        QCOMPARE(b.steps[1], 1201.0);
        QCOMPARE(valueOf(p, b, 0, "time"), 1763820000.12);
        QCOMPARE(valueOf(p, b, 0, "lr"), 0.001);
        QCOMPARE(valueOf(p, b, 1, "train/loss"), 0.25);
        // Only numeric scalars become fields: 4 in the first record, 1 in the second.
        QCOMPARE(b.fieldBegin[1] - b.fieldBegin[0], 4u);
        QCOMPARE(b.fieldBegin[2] - b.fieldBegin[1], 1u);
        bool found = true;
        valueOf(p, b, 1, "note", &found);
        QVERIFY(!found);
        valueOf(p, b, 1, "ok", &found);
        QVERIFY(!found);
        // The same name always gets the same id.
        QCOMPARE(p.keyName(b.fields[2].key), std::string("train/loss"));
        QCOMPARE(b.fields[b.fieldBegin[1]].key, b.fields[2].key);
        QCOMPARE(p.keyCount(), std::size_t(4));
    }

    void keyIdsStableWhenOrderChanges() {
        MetricsParser p;
        MetricsBatch b;
        (void)p.parse("{\"step\":1,\"a\":1,\"b\":2}\n{\"step\":2,\"b\":3,\"a\":4,\"c\":5}\n", b);
        QCOMPARE(p.keyCount(), std::size_t(3));
        QCOMPARE(valueOf(p, b, 1, "a"), 4.0);
        QCOMPARE(valueOf(p, b, 1, "b"), 3.0);
        QCOMPARE(valueOf(p, b, 1, "c"), 5.0);
    }

    void malformedLinesSkippedAndCounted() {
        MetricsParser p;
        MetricsBatch b;
        const std::string text =
            "{\"step\":1,\"loss\":1}\n"
            "{\"step\":2,\"loss\":\n"  // torn
            "not json at all\n"
            "{\"loss\":0.5}\n"                      // no step
            "{\"step\":\"3\",\"loss\":0.5}\n"       // step not a number
            "[1,2,3]\n"                             // not an object
            "{\"step\":4,\"loss\":0.4} trailing\n"  // garbage after
            "\n"                                    // blank: not counted
            "{\"step\":5,\"loss\":0.3}\n";
        const auto r = p.parse(text, b);
        QCOMPARE(r.records, std::size_t(2));
        QCOMPARE(r.malformedLines, std::size_t(6));
        QCOMPARE(p.totalMalformedLines(), std::size_t(6));
        QCOMPARE(b.steps[0], 1.0);
        QCOMPARE(b.steps[1], 5.0);
        // No half record from the torn line leaked into the field list.
        QCOMPARE(b.fields.size(), std::size_t(2));
        QCOMPARE(b.fieldBegin.size(), std::size_t(3));
    }

    void partialLastLineNotConsumed() {
        MetricsParser p;
        MetricsBatch b;
        const std::string complete = "{\"step\":1,\"loss\":1}\n";
        const std::string partial = "{\"step\":2,\"lo";
        auto r = p.parse(complete + partial, b);
        QCOMPARE(r.records, std::size_t(1));
        QCOMPARE(r.bytesConsumed, complete.size());
        QCOMPARE(r.malformedLines, std::size_t(0));
        // Even a partial line that happens to be valid JSON waits for its newline.
        b.clear();
        r = p.parse("{\"step\":7}", b);
        QCOMPARE(r.records, std::size_t(0));
        QCOMPARE(r.bytesConsumed, std::size_t(0));
        r = p.parse("", b);
        QCOMPARE(r.bytesConsumed, std::size_t(0));
    }

    void crlfLineEndings() {
        MetricsParser p;
        MetricsBatch b;
        const std::string text = "{\"step\":1,\"loss\":2.5}\r\n{\"step\":2,\"loss\":3.5}\r\n";
        const auto r = p.parse(text, b);
        QCOMPARE(r.records, std::size_t(2));
        QCOMPARE(r.malformedLines, std::size_t(0));
        QCOMPARE(r.bytesConsumed, text.size());
        QCOMPARE(valueOf(p, b, 1, "loss"), 3.5);
    }

    void hugeNumbers() {
        MetricsParser p;
        MetricsBatch b;
        const std::string text =
            "{\"step\":1,\"a\":1e308,\"b\":-1e-400,\"c\":18446744073709551615}\n"
            "{\"step\":2,\"big\":123456789012345678901234567890}\n"
            "{\"step\":3,\"over\":1e400,\"loss\":0.5}\n"
            "{\"step\":9007199254740993,\"loss\":1}\n"
            "{\"step\":1e400}\n";
        const auto r = p.parse(text, b);
        QCOMPARE(r.records, std::size_t(4));
        QCOMPARE(r.malformedLines, std::size_t(1));  // an infinite step means nothing
        QCOMPARE(valueOf(p, b, 0, "a"), 1e308);
        QCOMPARE(valueOf(p, b, 0, "b"), 0.0);
        QCOMPARE(valueOf(p, b, 0, "c"), 18446744073709551615.0);
        QCOMPARE(valueOf(p, b, 1, "big"), 123456789012345678901234567890.0);
        QVERIFY(std::isinf(valueOf(p, b, 2, "over")));
        QCOMPARE(valueOf(p, b, 2, "loss"), 0.5);
        QCOMPARE(b.steps[3], 9007199254740992.0);  // nearest double
    }

    void nanAndInfinityTokens() {
        MetricsParser p;
        MetricsBatch b;
        const std::string text =
            "{\"step\":1,\"loss\":NaN,\"grad\":Infinity,\"x\":-Infinity,\"lr\":0.1,"
            "\"tag\":\"NaN in a string stays a string\",\"s\":\"12\"}\n"
            "{\"step\":2,\"loss\":nan}\n"  // not what Python writes: malformed
            "{\"step\":NaN,\"loss\":1}\n";
        const auto r = p.parse(text, b);
        QCOMPARE(r.records, std::size_t(1));
        QCOMPARE(r.malformedLines, std::size_t(2));
        QVERIFY(std::isnan(valueOf(p, b, 0, "loss")));
        QCOMPARE(valueOf(p, b, 0, "grad"), HUGE_VAL);
        QCOMPARE(valueOf(p, b, 0, "x"), -HUGE_VAL);
        QCOMPARE(valueOf(p, b, 0, "lr"), 0.1);
        bool found = true;
        valueOf(p, b, 0, "tag", &found);
        QVERIFY(!found);
        valueOf(p, b, 0, "s", &found);
        QVERIFY(!found);  // a quoted number in the file is a string, lenient pass or not
    }

    // A run folder written by anything: 50 000 distinct keys in one record, keys of 10 kB, and
    // 5 000 fields in a line are cut at the caps (counted), the rest of the record is kept, and
    // the keys a run already had go on.
    void keysAndFieldsAreCapped() {
        std::string wide = "{\"step\":1,\"train/loss\":0.5";
        for (int i = 0; i < 50000; ++i) wide += ",\"k" + std::to_string(i) + "\":1";
        wide += ",\"" + std::string(10000, 'x') + "\":2}\n";
        wide += "{\"step\":2,\"train/loss\":0.25,\"k3\":7}\n";
        tb::MetricsParser parser;
        tb::MetricsBatch batch;
        const tb::ParseResult result = parser.parse(wide, batch);
        QCOMPARE(result.records, std::size_t(2));
        QVERIFY(parser.keyCount() <= tb::MetricsParser::kMaxKeys);
        QVERIFY(batch.fieldBegin[1] <= tb::MetricsParser::kMaxFieldsPerRecord);
        QCOMPARE(parser.droppedFields(), std::size_t(50002) - batch.fieldBegin[1]);
        QCOMPARE(parser.keyName(batch.fields[0].key), std::string("train/loss"));
        // The second record keeps all its fields: both keys were among the first.
        QCOMPARE(batch.fieldBegin[2] - batch.fieldBegin[1], 2u);
        for (std::size_t k = 0; k < parser.keyCount(); ++k)
            QVERIFY(parser.keyName(std::uint32_t(k)).size() <= tb::MetricsParser::kMaxKeyLength);
    }

    void escapedKeysAreUnescaped() {
        MetricsParser p;
        MetricsBatch b;
        (void)p.parse("{\"step\":1,\"train\\/loss\":1}\n{\"step\":2,\"train/loss\":2}\n", b);
        QCOMPARE(p.keyCount(), std::size_t(1));
        QCOMPARE(p.keyName(0), std::string("train/loss"));
    }
};

QTEST_GUILESS_MAIN(TestMetricsParser)
#include "tst_metrics_parser.moc"
