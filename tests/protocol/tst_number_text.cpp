// Tests the locale-free double text (protocol/number_text.h): the strtod/printf versions that
// older compilers get must read and write exactly what std::from_chars/to_chars do, and no
// version may follow LC_NUMERIC.

#include <QTest>

#include <cfloat>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "core/protocol/json.h"
#include "core/protocol/number_text.h"

using namespace tb;

namespace {

bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof a) == 0;
}

// Doubles from random bit patterns cover every exponent, subnormals and long mantissas.
std::vector<double> sampleDoubles() {
    std::vector<double> values = {
        0.0,   -0.0, 0.1,    1.0 / 3.0,     1e-300,      -2.5e17, 5e-324, DBL_MAX, DBL_MIN,
        0.31,  1e5,  1e-4,   100.0,         123456.0,    1e15,    1e16,   1e21,    1e22,
        0.001, 9.5,  2.0e-7, 1763820000.12, 123456789.0, -1.5,    4.35,   0.3};
    std::mt19937_64 random(20261206);
    for (int i = 0; i < 20000; ++i) {
        const uint64_t bits = random();
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        if (std::isfinite(value)) values.push_back(value);
    }
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int i = 0; i < 5000; ++i) values.push_back(unit(random));
    return values;
}

// A locale that writes "0,5", or empty when this machine has none (scripts/install-deps.sh
// makes de_DE.UTF-8).
std::string commaLocale() {
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "ru_RU.UTF-8"}) {
        if (std::setlocale(LC_NUMERIC, name)) {
            char text[16];
            std::snprintf(text, sizeof text, "%.1f", 0.5);
            std::setlocale(LC_NUMERIC, "C");
            if (std::string(text) == "0,5") return name;
        }
    }
    return {};
}

}  // namespace

class TestNumberText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void printfVersionRoundTripsExactly() {
        for (const double value : sampleDoubles()) {
            const std::string text = detail::formatDoubleWithPrintf(value);
            double back = 42;
            const auto [end, ec] =
                detail::parseDoubleWithStrtod(text.data(), text.data() + text.size(), back);
            QVERIFY2(ec == std::errc() && end == text.data() + text.size(), text.c_str());
            QVERIFY2(sameBits(back, value), text.c_str());
        }
    }

    void printfVersionWritesWhatToCharsWrites() {
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
        for (const double value : sampleDoubles()) {
            char text[32];
            const auto [end, ec] = std::to_chars(text, text + sizeof text, value);
            QCOMPARE(detail::formatDoubleWithPrintf(value), std::string(text, end));
        }
#else
        QSKIP("this standard library has no floating-point std::to_chars to compare with");
#endif
        QCOMPARE(detail::formatDoubleWithPrintf(0.1), std::string("0.1"));
        QCOMPARE(detail::formatDoubleWithPrintf(1e-4), std::string("1e-04"));
        QCOMPARE(detail::formatDoubleWithPrintf(-0.0), std::string("-0"));
        QCOMPARE(detail::formatDoubleWithPrintf(1e22), std::string("1e+22"));
        QCOMPARE(detail::formatDoubleWithPrintf(123456.0), std::string("123456"));
        QCOMPARE(detail::formatDoubleWithPrintf(std::numeric_limits<double>::infinity()),
                 std::string("inf"));
    }

    void strtodVersionReadsWhatFromCharsReads_data() {
        QTest::addColumn<QString>("text");
        for (const char* text : {"0",
                                 "-0",
                                 "1.5",
                                 "-2.5e17",
                                 ".5",
                                 "5.",
                                 "1e5",
                                 "1E+05",
                                 "1e-05x",
                                 "1e",
                                 "1e+",
                                 "12abc",
                                 "0x1p3",
                                 "+1",
                                 " 1",
                                 "",
                                 "-",
                                 ".",
                                 "-.",
                                 "inf",
                                 "-Infinity",
                                 "infx",
                                 "nan",
                                 "NaN(123)",
                                 "nan(",
                                 "1e999",
                                 "-1e999",
                                 "1e-999",
                                 "5e-324",
                                 "2.4703282292062328e-324",
                                 "1.7976931348623157e308",
                                 "0.30000000000000004",
                                 "1,5",
                                 "00012",
                                 "1.2.3"}) {
            QTest::newRow(text) << QString::fromUtf8(text);
        }
    }

    void strtodVersionReadsWhatFromCharsReads() {
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        double portable = 42;
        const auto mine = detail::parseDoubleWithStrtod(s.data(), s.data() + s.size(), portable);
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L
        double standard = 42;
        const auto theirs = std::from_chars(s.data(), s.data() + s.size(), standard);
        QCOMPARE(mine.ptr - s.data(), theirs.ptr - s.data());
        QCOMPARE(static_cast<int>(mine.ec), static_cast<int>(theirs.ec));
        if (std::isnan(standard)) {
            QVERIFY(std::isnan(portable));
        } else {
            QVERIFY2(sameBits(portable, standard), s.c_str());
        }
#else
        Q_UNUSED(mine);
        QSKIP("this standard library has no floating-point std::from_chars to compare with");
#endif
    }

    void commaLocaleChangesNothing() {
        const std::string locale = commaLocale();
        if (locale.empty())
            QSKIP(
                "no locale with a decimal comma here (scripts/install-deps.sh makes de_DE.UTF-8)");
        std::setlocale(LC_NUMERIC, locale.c_str());
        char probe[16];
        std::snprintf(probe, sizeof probe, "%.1f", 0.5);
        const std::string printed = probe;
        const std::string portable = detail::formatDoubleWithPrintf(0.5);
        const std::string standard = formatDouble(1.25);
        double parsed = 0;
        const std::string text = "2.75";
        const auto read =
            detail::parseDoubleWithStrtod(text.data(), text.data() + text.size(), parsed);
        auto json = parseFlatJson(JsonObject().add("v", 0.125).str());
        std::setlocale(LC_NUMERIC, "C");

        QCOMPARE(printed, std::string("0,5"));  // the locale really was in force
        QCOMPARE(portable, std::string("0.5"));
        QCOMPARE(standard, std::string("1.25"));
        QVERIFY(read.ec == std::errc() && read.ptr == text.data() + text.size());
        QCOMPARE(parsed, 2.75);
        QVERIFY(json.ok());
        QCOMPARE(jsonNumber(*json, "v"), 0.125);
    }
};

QTEST_APPLESS_MAIN(TestNumberText)
#include "tst_number_text.moc"
