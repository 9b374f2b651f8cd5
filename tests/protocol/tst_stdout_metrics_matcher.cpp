// The metrics filter's own regex engine: the same matches and groups as std::regex on ordinary
// patterns, refusals with positions for what it cannot do, and no crash or hang on the lines
// that broke std::regex (a 10 MB line, `(a+)+b` against a long run of 'a').

#include <QTest>

#include <regex>
#include <string>

#include "core/protocol/named_regex.h"
#include "core/protocol/stdout_metrics.h"
#include "core/protocol/stdout_metrics_matcher.h"

using namespace tb;

namespace {

// "begin-end" per group, "-" for a group that did not take part; "none" without a match.
std::string ourSpans(const std::string& pattern, const std::string& text) {
    auto matcher = LineMatcher::compile(pattern);
    if (!matcher) return "error: " + matcher.error();
    std::vector<LineMatcher::Span> groups;
    if (!matcher->search(text, groups)) return "none";
    std::string out;
    for (const auto& g : groups)
        out += g.begin < 0 ? "- " : std::to_string(g.begin) + "-" + std::to_string(g.end) + " ";
    return out;
}

std::string stdSpans(const std::string& pattern, const std::string& text) {
    auto named = compileNamedRegex(pattern);
    if (!named) return "error: " + named.error();
    std::smatch match;
    if (!std::regex_search(text, match, named->regex)) return "none";
    std::string out;
    for (size_t g = 0; g < match.size(); ++g)
        out += !match[g].matched ? "- "
                                 : std::to_string(match.position(g)) + "-" +
                                       std::to_string(match.position(g) + match.length(g)) + " ";
    return out;
}

}  // namespace

class TestStdoutMetricsMatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameMatchesAsStdRegex_data() {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        const char* rows[][2] = {
            {R"(step=(?<step>\d+) loss=(?<train_loss>\S+))", "noise step=12 loss=0.25, lr=1"},
            {R"(loss (?<loss>[^ ]+))", "epoch 1 loss 0.5 loss 0.6"},
            {R"(step (?<step>\d+) loss (?<loss>\S+)|epoch (?<epoch>\d+) acc (?<acc>\S+)%)",
             "epoch 3 acc 91.5%"},
            {R"((?P<x>a|ab)(c|bcd)(d*))", "abcd"},
            {R"((a*?)(a+))", "aaaa"},
            {R"((a{2,3})(a*))", "aaaaa"},
            {R"((a{2,3}?)(a*))", "aaaaa"},
            {R"(^(?:ab)+$)", "ababab"},
            {R"(^(?:ab)+$)", "ababa"},
            {R"(\bval\b.(?<v>[\d.eE+-]+))", "interval=1 val=3.5e-2"},
            {R"(\Bal(\w*))", "val al"},
            {R"(x{2}|[a-c\d]{1,}y?)", "zz1b3y"},
            {R"([^\s,]+,(\W)(\D))", "foo,;x"},
            {R"(\x41\u0042\t\.(.)\\)", "AB\t.z\\"},
            {R"((a|b)*c)", "ababc"},
            {R"(colou?r: (?<c>[A-Z][a-z]*))", "the colour: Red"},
            {R"(lr=([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?))", "lr=1e-4 x"},
        };
        for (const auto& row : rows)
            QTest::newRow(row[0]) << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    }

    void sameMatchesAsStdRegex() {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        const std::string p = pattern.toStdString();
        const std::string t = text.toStdString();
        QCOMPARE(QString::fromStdString(ourSpans(p, t)), QString::fromStdString(stdSpans(p, t)));
    }

    void refusesWhatNeedsBacktrackingWithAPosition() {
        for (const char* pattern : {"(?=x)a", "(a)\\1", "a**", "a{3,2}", "a{1001}", "(a"}) {
            auto matcher = LineMatcher::compile(pattern);
            QVERIFY2(!matcher.ok(), pattern);
            QVERIFY2(matcher.error().find("position") != std::string::npos ||
                         matcher.error().find("too large") != std::string::npos,
                     matcher.error().c_str());
        }
        // Nested counts that would write out a huge program are refused, not built.
        QVERIFY(!LineMatcher::compile("((a{1000}){1000}){1000}").ok());
    }

    // Before: std::regex recursed once per character and the filter died of a stack overflow.
    void tenMegabyteLineDoesNotCrash() {
        StdoutMetrics metrics = *StdoutMetrics::create(R"(loss=(?<loss>\S+))");
        std::string line = "loss=";
        line.append(10u << 20, 'x');
        line += "\nloss=0.5\n";
        const auto records = metrics.feed(line, 1.0);
        QCOMPARE(records.size(), size_t(1));  // the 10 MB value is not a number; 0.5 is
        QCOMPARE(records.back().values.front().second, 0.5);
    }

    // Before: exponential backtracking; the filter, and with it the user's output, hung.
    void catastrophicPatternStaysLinear() {
        StdoutMetrics metrics = *StdoutMetrics::create(R"((?<loss>(a+)+b)|v=(?<v>\d+))");
        std::string output(10u << 20, 'a');
        output += "\nv=7\n" + std::string(64, 'a') + "b\n";
        const auto records = metrics.feed(output, 1.0);
        QCOMPARE(records.size(), size_t(1));  // "aaa…b" matched but is not a number: skipped
        QCOMPARE(records.front().values.front().first, std::string("v"));
        QCOMPARE(metrics.skippedValues(), int64_t(1));
    }
};

QTEST_APPLESS_MAIN(TestStdoutMetricsMatcher)
#include "tst_stdout_metrics_matcher.moc"
