// Tests named groups on std::regex: (?<name>...) and (?P<name>...) numbered right next to plain
// and non-capturing groups, and bad patterns rejected with the position of the mistake.

#include <QTest>

#include "core/protocol/named_regex.h"

using namespace tb;

namespace {

// The text each named group captured in `line`, as "name=text;..." in group order.
std::string captures(const NamedRegex& regex, const std::string& line) {
    std::smatch match;
    if (!std::regex_search(line, match, regex.regex)) return "<no match>";
    std::string out;
    for (const NamedGroup& group : regex.groups) {
        out +=
            group.name + "=" + (match[group.index].matched ? match[group.index].str() : "-") + ";";
    }
    return out;
}

std::string errorOf(const std::string& pattern) {
    auto compiled = compileNamedRegex(pattern);
    return compiled ? std::string("<compiled>") : compiled.error();
}

}  // namespace

class TestNamedRegex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namedGroupsAmongOtherGroups() {
        auto regex = compileNamedRegex(
            R"((epoch|ep) (?<epoch>\d+).*(?:step)=(?P<step>\d+) (\w+)=(?<train/loss>[-\d.e]+))");
        QVERIFY2(regex.ok(), regex.ok() ? "" : regex.error().c_str());
        QCOMPARE(regex->groups.size(), size_t(3));
        QCOMPARE(regex->groups[0].index, 2);  // after the plain (epoch|ep)
        QCOMPARE(regex->groups[1].index, 3);  // (?:step) is not counted
        QCOMPARE(regex->groups[2].index, 5);  // after the plain (\w+)
        QCOMPARE(captures(*regex, "ep 4 | step=120 loss=-1.5e-3"),
                 std::string("epoch=4;step=120;train/loss=-1.5e-3;"));
    }

    void parenthesesInClassesAndEscapesAreNotGroups() {
        auto regex = compileNamedRegex(R"([(\]]\((?<a>[^)]+)\)|x(?<b>\d))");
        QVERIFY2(regex.ok(), regex.ok() ? "" : regex.error().c_str());
        QCOMPARE(regex->groups[0].index, 1);
        QCOMPARE(regex->groups[1].index, 2);
        QCOMPARE(captures(*regex, "](12.5)"), std::string("a=12.5;b=-;"));
        QCOMPARE(captures(*regex, "x7"), std::string("a=-;b=7;"));
    }

    void badPatternsNameThePosition() {
        QVERIFY(errorOf("loss=(?<x\\S+)").find("at position 6: group name not closed") !=
                std::string::npos);
        QVERIFY(errorOf("a(?<>b)").find("at position 5: empty group name") != std::string::npos);
        QVERIFY(errorOf("(?<1x>b)").find("at position 4: character '1'") != std::string::npos);
        QVERIFY(errorOf("(?<a>x)(?<a>y)").find("at position 11: group name 'a' used twice") !=
                std::string::npos);
        QVERIFY(errorOf("loss=(?<l>\\S+").find("at position 6: '(' is never closed") !=
                std::string::npos);
        QVERIFY(errorOf("a)b").find("at position 2: ')' has no matching '('") != std::string::npos);
        QVERIFY(errorOf("x[ab").find("at position 2: '[' is never closed") != std::string::npos);
        QVERIFY(errorOf("*x").find("at position 1: '*' has nothing before it") !=
                std::string::npos);
        QVERIFY(errorOf("(?<=a)b").find("lookbehind") != std::string::npos);
        QVERIFY(errorOf("(?i)b").find("at position 1: unknown group '(?i'") != std::string::npos);
        QVERIFY(errorOf("ab\\").find("at position 3: the pattern ends with a lone") !=
                std::string::npos);
        // What only std::regex finds is still reported, with the pattern named.
        const std::string braces = errorOf("a{2,1}");
        QVERIFY2(braces.find("regex 'a{2,1}'") != std::string::npos, braces.c_str());
        QVERIFY(errorOf("").find("empty") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestNamedRegex)
#include "tst_named_regex.moc"
