// Tests the flat JSON writer and reader used for every run-directory record.

#include <QTest>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/protocol/json.h"

using namespace tb;

class TestJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void escapesQuotesBackslashesAndControlCharacters() {
        QCOMPARE(jsonEscape("a\"b\\c"), std::string("\"a\\\"b\\\\c\""));
        QCOMPARE(jsonEscape("l1\nl2\tx\r"), std::string("\"l1\\nl2\\tx\\r\""));
        QCOMPARE(jsonEscape(std::string_view("\x01\x1f", 2)), std::string("\"\\u0001\\u001f\""));
        QCOMPARE(jsonEscape(std::string_view("\0", 1)), std::string("\"\\u0000\""));
        QCOMPARE(jsonEscape("héllo"), std::string("\"héllo\""));  // UTF-8 passes through
        QCOMPARE(jsonEscape("a/b"), std::string("\"a/b\""));      // '/' may stay as it is
    }

    void writesObjectsInInsertionOrder() {
        JsonObject object;
        object.add("s", "x").add("i", 42).add("big", int64_t{9007199254740993}).add("b", true);
        object.addNull("n").addRaw("m", "{\"a\":[1,2]}").add("f", false);
        QCOMPARE(object.str(),
                 std::string("{\"s\":\"x\",\"i\":42,\"big\":9007199254740993,\"b\":true,"
                             "\"n\":null,\"m\":{\"a\":[1,2]},\"f\":false}"));
        QCOMPARE(JsonObject().str(), std::string("{}"));
    }

    void writesNonFiniteDoublesAsNull() {
        JsonObject object;
        object.add("nan", std::nan(""))
            .add("inf", std::numeric_limits<double>::infinity())
            .add("ninf", -std::numeric_limits<double>::infinity());
        QCOMPARE(object.str(), std::string("{\"nan\":null,\"inf\":null,\"ninf\":null}"));
    }

    void doublesRoundTripExactly() {
        const double values[] = {0.0,           -0.0,        0.1,     1.0 / 3.0, 1e-300,
                                 -2.5e17,       5e-324,      DBL_MAX, DBL_MIN,   0.31,
                                 1763820000.12, 123456789.0, -1.5};
        for (const double value : values) {
            JsonObject object;
            object.add("v", value);
            auto parsed = parseFlatJson(object.str());
            QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
            const double back = jsonNumber(*parsed, "v", 99.0);
            QCOMPARE(std::memcmp(&back, &value, sizeof value), 0);
        }
        JsonObject shortest;
        shortest.add("v", 0.1);
        QCOMPARE(shortest.str(), std::string("{\"v\":0.1}"));  // shortest text, not %.17g
    }

    void readsScalarsWhitespaceAndEscapes() {
        auto parsed = parseFlatJson(
            " \n{ \"a\" : 1.5e2 , \"b\":\"x\\\"y\\\\z\\n\\u00e9\\ud83d\\ude00\", \"c\":true,"
            "\"d\":false,\"e\":null,\"f\":-0.25,\"g\":0}\t\n");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
        const FlatJson& object = *parsed;
        QCOMPARE(jsonNumber(object, "a"), 150.0);
        QCOMPARE(jsonString(object, "b"), std::string("x\"y\\z\né\xF0\x9F\x98\x80"));
        QCOMPARE(std::get<bool>(object.at("c")), true);
        QCOMPARE(std::get<bool>(object.at("d")), false);
        QVERIFY(std::holds_alternative<std::nullptr_t>(object.at("e")));
        QCOMPARE(jsonNumber(object, "f"), -0.25);
        QCOMPARE(jsonNumber(object, "g", 7.0), 0.0);
        QCOMPARE(jsonString(*parseFlatJson("{\"p\":\"a\\/b\"}"), "p"), std::string("a/b"));
        QCOMPARE(object.size(), size_t{7});
    }

    void keepsNestedValuesAsRawText() {
        const std::string nested = "{\"x\":[1,{\"y\":\"}]\"}],\"z\":{}}";
        auto parsed = parseFlatJson("{\"metrics\":" + nested + ",\"list\":[ 1, 2 ],\"after\":3}");
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().c_str());
        QCOMPARE(jsonString(*parsed, "metrics"), nested);
        QCOMPARE(jsonString(*parsed, "list"), std::string("[ 1, 2 ]"));
        QCOMPARE(jsonNumber(*parsed, "after"), 3.0);
    }

    void writerOutputReadsBack() {
        JsonObject object;
        object.add("name", "tab\there \"quoted\" \x02").add("step", 1200).add("lr", 0.001);
        auto parsed = parseFlatJson(object.str());
        QVERIFY(parsed.ok());
        QCOMPARE(jsonString(*parsed, "name"), std::string("tab\there \"quoted\" \x02"));
        QCOMPARE(jsonNumber(*parsed, "step"), 1200.0);
        QCOMPARE(jsonNumber(*parsed, "lr"), 0.001);
    }

    void typedAccessFallsBack() {
        auto parsed = parseFlatJson("{\"n\":1,\"s\":\"t\"}");
        QVERIFY(parsed.ok());
        QCOMPARE(jsonNumber(*parsed, "s", -1.0), -1.0);
        QCOMPARE(jsonNumber(*parsed, "missing", -2.0), -2.0);
        QCOMPARE(jsonString(*parsed, "n", "fb"), std::string("fb"));
        QCOMPARE(jsonString(*parsed, "missing"), std::string());
    }

    void errorsGiveTheByteOffset_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << ""
                               << "byte 0: expected '{'";
        QTest::newRow("array") << "[1]"
                               << "byte 0: expected '{'";
        QTest::newRow("trailing comma") << "{\"a\":1,}"
                                        << "byte 7: expected a string key";
        QTest::newRow("missing colon") << "{\"a\" 1}"
                                       << "byte 5: expected ':'";
        QTest::newRow("leading zero") << "{\"a\":01}"
                                      << "byte 6: leading zero";
        QTest::newRow("inf") << "{\"a\":inf}"
                             << "byte 5: expected a value";
        QTest::newRow("bare minus") << "{\"a\":-}"
                                    << "byte 6: expected digits";
        QTest::newRow("dot") << "{\"a\":1.}"
                             << "byte 7: expected digits after '.'";
        QTest::newRow("unterminated") << "{\"a\":\"xy"
                                      << "byte 8: unterminated string";
        QTest::newRow("bad escape") << "{\"a\":\"\\q\"}"
                                    << "byte 7: bad escape";
        QTest::newRow("raw newline") << "{\"a\":\"x\ny\"}"
                                     << "byte 7: control character";
        QTest::newRow("after object") << "{} x"
                                      << "byte 3: unexpected text";
        QTest::newRow("missing brace") << "{\"a\":1"
                                       << "byte 6: expected ',' or '}'";
        QTest::newRow("open nested") << "{\"a\":[1,2"
                                     << "byte 9: unterminated nested";
        QTest::newRow("range") << "{\"a\":1e999}"
                               << "byte 5: number out of range";
    }
    void errorsGiveTheByteOffset() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto parsed = parseFlatJson(text.toStdString());
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error()).contains(expected), parsed.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestJson)
#include "tst_json.moc"
