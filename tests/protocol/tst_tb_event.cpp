// Tests decoding TensorBoard Event protobufs built by hand from the public field numbers:
// simple values, one-element tensors of every number type, what is left out, and bad bytes.

#include <QTest>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

#include "core/protocol/tb_event.h"

using namespace tb;

namespace {

// A tiny protobuf writer, independent of the library's encoder.
enum Wire { kVarint = 0, kFixed64 = 1, kBytes = 2, kFixed32 = 5 };

std::string varint(uint64_t value) {
    std::string out;
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
    return out;
}

std::string key(uint32_t field, Wire wire) {
    return varint((uint64_t(field) << 3) | wire);
}

std::string littleEndian(uint64_t value, int bytes) {
    std::string out;
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
    return out;
}

uint32_t floatBits(float value) {
    uint32_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

uint64_t doubleBits(double value) {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

std::string varintField(uint32_t field, uint64_t value) {
    return key(field, kVarint) + varint(value);
}
std::string bytesField(uint32_t field, std::string_view bytes) {
    return key(field, kBytes) + varint(bytes.size()) + std::string(bytes);
}
std::string floatField(uint32_t field, float value) {
    return key(field, kFixed32) + littleEndian(floatBits(value), 4);
}
std::string doubleField(uint32_t field, double value) {
    return key(field, kFixed64) + littleEndian(doubleBits(value), 8);
}

// Event: wall_time=1, step=2, file_version=3, summary=5.
std::string eventBytes(double wallTime, int64_t step, std::string_view summary) {
    return doubleField(1, wallTime) + varintField(2, static_cast<uint64_t>(step)) +
           bytesField(5, summary);
}
// Summary.value=1, one Summary.Value each.
std::string summaryValue(std::string_view valueBytes) {
    return bytesField(1, valueBytes);
}
// Summary.Value: tag=1, simple_value=2.
std::string simpleValue(std::string_view tag, float value) {
    return summaryValue(bytesField(1, tag) + floatField(2, value));
}
// Summary.Value: tag=1, metadata=9, tensor=8.
std::string tensorValue(std::string_view tag, std::string_view tensor,
                        std::string_view metadata = {}) {
    std::string value = bytesField(1, tag);
    if (!metadata.empty()) value += bytesField(9, metadata);
    return summaryValue(value + bytesField(8, tensor));
}
// TensorProto.tensor_shape=2 holding TensorShapeProto.dim=2 entries of Dim.size=1.
std::string shape(std::initializer_list<int64_t> dims) {
    std::string proto;
    for (const int64_t dim : dims) proto += bytesField(2, varintField(1, uint64_t(dim)));
    return bytesField(2, proto);
}
std::string dtype(uint64_t type) {
    return varintField(1, type);
}
// SummaryMetadata.plugin_data=1 { plugin_name=1, content=2 }.
std::string pluginMetadata(std::string_view plugin) {
    return bytesField(1, bytesField(1, plugin) + bytesField(2, std::string("\x08\x01", 2)));
}

constexpr uint64_t kDtFloat = 1, kDtDouble = 2, kDtInt32 = 3, kDtString = 7, kDtInt64 = 9,
                   kDtHalf = 19;

// The one scalar of an event holding `summary`; fails the test when there is not exactly one.
double onlyScalar(std::string_view summary, const char* what) {
    auto decoded = decodeTbEvent(eventBytes(10, 1, summary));
    if (!decoded) {
        QTest::qFail(decoded.error().c_str(), __FILE__, __LINE__);
        return NAN;
    }
    if (decoded->scalars.size() != 1 || decoded->scalars[0].tag != "t") {
        QTest::qFail(what, __FILE__, __LINE__);
        return NAN;
    }
    return decoded->scalars[0].value;
}

size_t scalarCount(std::string_view summary) {
    auto decoded = decodeTbEvent(eventBytes(10, 1, summary));
    return decoded ? decoded->scalars.size() : size_t(-1);
}

}  // namespace

class TestTbEvent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyBytesAreAnEmptyEvent() {
        auto decoded = decodeTbEvent("");
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
        QCOMPARE(decoded->step, int64_t{0});
        QVERIFY(decoded->scalars.empty());
    }

    void simpleValueScalar() {
        auto decoded =
            decodeTbEvent(eventBytes(1763820000.25, 1200, simpleValue("Loss/train", 0.3125f)));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
        QCOMPARE(decoded->wallTime, 1763820000.25);
        QCOMPARE(decoded->step, int64_t{1200});
        QVERIFY(decoded->fileVersion.empty());
        QCOMPARE(decoded->scalars.size(), size_t{1});
        QCOMPARE(decoded->scalars[0].tag, std::string("Loss/train"));
        QCOMPARE(decoded->scalars[0].value, 0.3125);
    }

    void twoValuesInOneSummary() {
        auto decoded =
            decodeTbEvent(eventBytes(5, 7, simpleValue("loss", 1.5f) + simpleValue("acc", 0.75f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->scalars.size(), size_t{2});
        QCOMPARE(decoded->scalars[0].tag, std::string("loss"));
        QCOMPARE(decoded->scalars[0].value, 1.5);
        QCOMPARE(decoded->scalars[1].tag, std::string("acc"));
        QCOMPARE(decoded->scalars[1].value, 0.75);
    }

    void scalarTensorThroughFloatVal() {
        // float_val=5, packed, as tf.summary.scalar writes it.
        const std::string packed = bytesField(5, littleEndian(floatBits(2.5f), 4));
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtFloat) + shape({}) + packed), "packed"), 2.5);
        // The same element unpacked (a fixed32 field) counts too.
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtFloat) + floatField(5, -4.0f)), "unpacked"),
                 -4.0);
    }

    void scalarTensorThroughDoubleVal() {
        const std::string packed = bytesField(6, littleEndian(doubleBits(0.1), 8));
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtDouble) + packed), "double_val"), 0.1);
    }

    void scalarTensorThroughContent() {
        const std::string floatTensor =
            dtype(kDtFloat) + shape({}) + bytesField(4, littleEndian(floatBits(3.25f), 4));
        QCOMPARE(onlyScalar(tensorValue("t", floatTensor), "DT_FLOAT content"), 3.25);
        const std::string doubleTensor =
            dtype(kDtDouble) + bytesField(4, littleEndian(doubleBits(1.0 / 3.0), 8));
        QCOMPARE(onlyScalar(tensorValue("t", doubleTensor), "DT_DOUBLE content"), 1.0 / 3.0);
        const std::string int32Tensor =
            dtype(kDtInt32) + bytesField(4, littleEndian(uint32_t(-7), 4));
        QCOMPARE(onlyScalar(tensorValue("t", int32Tensor), "DT_INT32 content"), -7.0);
        const std::string int64Tensor =
            dtype(kDtInt64) + bytesField(4, littleEndian(uint64_t(1) << 40, 8));
        QCOMPARE(onlyScalar(tensorValue("t", int64Tensor), "DT_INT64 content"), 1099511627776.0);
        const std::string halfTensor = dtype(kDtHalf) + bytesField(4, littleEndian(0xC000, 2));
        QCOMPARE(onlyScalar(tensorValue("t", halfTensor), "DT_HALF content"), -2.0);
        // Content the size of another type is not a guess at a value.
        const std::string mismatched = dtype(kDtFloat) + bytesField(4, littleEndian(0, 8));
        QCOMPARE(scalarCount(tensorValue("t", mismatched)), size_t{0});
    }

    void scalarTensorThroughIntegerVals() {
        // int64_val=10 and int_val=7 are packed varints; negatives are ten bytes long.
        QCOMPARE(
            onlyScalar(tensorValue("t", dtype(kDtInt64) + bytesField(10, varint(uint64_t(-5)))),
                       "int64_val"),
            -5.0);
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtInt64) + bytesField(10, varint(1ull << 50))),
                            "int64_val big"),
                 1125899906842624.0);
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtInt32) + bytesField(7, varint(uint64_t(-3)))),
                            "int_val"),
                 -3.0);
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtInt32) + bytesField(7, varint(42))),
                            "int_val positive"),
                 42.0);
    }

    void scalarTensorThroughHalfVal() {
        // half_val=13 holds the IEEE half bits in packed varints.
        const auto half = [](uint64_t bits) {
            return onlyScalar(tensorValue("t", dtype(kDtHalf) + bytesField(13, varint(bits))),
                              "half_val");
        };
        QCOMPARE(half(0x3C00), 1.0);
        QCOMPARE(half(0xC000), -2.0);
        QCOMPARE(half(0x3800), 0.5);
        QCOMPARE(half(0x7BFF), 65504.0);               // the largest half
        QCOMPARE(half(0x0001), std::ldexp(1.0, -24));  // the smallest subnormal
        QCOMPARE(half(0x0000), 0.0);
        QVERIFY(std::isinf(half(0x7C00)) && half(0x7C00) > 0);
        QVERIFY(std::isnan(half(0x7E00)));
    }

    void onlyOneElementTensorsCount() {
        const std::string one = bytesField(5, littleEndian(floatBits(1.0f), 4));
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtFloat) + shape({1}) + one), "shape [1]"),
                 1.0);
        QCOMPARE(onlyScalar(tensorValue("t", dtype(kDtFloat) + shape({1, 1}) + one), "shape [1,1]"),
                 1.0);

        std::string three;
        for (const float value : {1.0f, 2.0f, 3.0f}) three += littleEndian(floatBits(value), 4);
        QCOMPARE(scalarCount(tensorValue("t", dtype(kDtFloat) + shape({3}) + bytesField(5, three))),
                 size_t{0});
        QCOMPARE(scalarCount(tensorValue("t", dtype(kDtFloat) + shape({3}) + bytesField(4, three))),
                 size_t{0});
        QCOMPARE(scalarCount(tensorValue("t", dtype(kDtFloat) + shape({0}))), size_t{0});
        // A histogram's [k, 3] tensor.
        QCOMPARE(scalarCount(tensorValue("t", dtype(kDtDouble) + shape({30, 3}) +
                                                  bytesField(4, std::string(30 * 3 * 8, '\0')))),
                 size_t{0});
    }

    void textAndImagesAreLeftOut() {
        // A text summary: a DT_STRING tensor (string_val=8) with the "text" plugin.
        const std::string text = dtype(kDtString) + shape({}) + bytesField(8, "hello");
        // An image: Summary.Value.image=4 { height=1, width=2, colorspace=3, encoded=4 }.
        const std::string image =
            summaryValue(bytesField(1, "img") +
                         bytesField(4, varintField(1, 2) + varintField(2, 2) + varintField(3, 3) +
                                           bytesField(4, "\x89PNG....")));
        // The image plugin's tensor form: DT_STRING of shape [3].
        const std::string imageTensor = dtype(kDtString) + shape({3}) + bytesField(8, "2") +
                                        bytesField(8, "2") + bytesField(8, "\x89PNG");
        auto decoded =
            decodeTbEvent(eventBytes(1, 2,
                                     tensorValue("note", text, pluginMetadata("text")) + image +
                                         tensorValue("pic", imageTensor, pluginMetadata("images")) +
                                         simpleValue("kept", 8.0f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->scalars.size(), size_t{1});
        QCOMPARE(decoded->scalars[0].tag, std::string("kept"));
        QCOMPARE(decoded->scalars[0].value, 8.0);
    }

    void scalarsPluginMetadataIsAccepted() {
        const std::string tensor =
            dtype(kDtFloat) + shape({}) + bytesField(5, littleEndian(floatBits(0.25f), 4));
        QCOMPARE(onlyScalar(tensorValue("t", tensor, pluginMetadata("scalars")), "metadata"), 0.25);
    }

    void unknownFieldsOfEveryWireTypeAreSkipped() {
        const std::string unknown =
            varintField(90, 300) + key(91, kFixed64) + littleEndian(0x0102030405060708ull, 8) +
            bytesField(92, "ignored \x01\x02") + key(93, kFixed32) + littleEndian(0xDEADBEEF, 4);
        const std::string tensor = unknown + dtype(kDtFloat) + unknown +
                                   bytesField(5, littleEndian(floatBits(6.0f), 4)) + unknown;
        const std::string value =
            summaryValue(unknown + bytesField(1, "t") + unknown + bytesField(8, tensor) + unknown);
        // Event fields this reader has no use for: graph_def=4, log_message=6, session_log=7.
        const std::string bytes = unknown + bytesField(4, "graph bytes") + doubleField(1, 3.5) +
                                  unknown + varintField(2, 9) + bytesField(6, "log") +
                                  bytesField(5, unknown + value + unknown) + bytesField(7, "") +
                                  unknown;
        auto decoded = decodeTbEvent(bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
        QCOMPARE(decoded->wallTime, 3.5);
        QCOMPARE(decoded->step, int64_t{9});
        QCOMPARE(decoded->scalars.size(), size_t{1});
        QCOMPARE(decoded->scalars[0].value, 6.0);
    }

    void fileVersionEvent() {
        auto decoded = decodeTbEvent(doubleField(1, 1763820000.5) + bytesField(3, "brain.Event:2"));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->fileVersion, std::string("brain.Event:2"));
        QCOMPARE(decoded->wallTime, 1763820000.5);
        QCOMPARE(decoded->step, int64_t{0});
        QVERIFY(decoded->scalars.empty());
    }

    void negativeStep() {
        auto decoded = decodeTbEvent(eventBytes(1, -3, simpleValue("x", 1.0f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->step, int64_t{-3});
        QCOMPARE(decoded->scalars.size(), size_t{1});
    }

    void malformedBytesAreAnErrorNamingTheByte_data() {
        QTest::addColumn<QByteArray>("bytes");
        const auto row = [](const char* name, const std::string& bytes) {
            QTest::newRow(name) << QByteArray(bytes.data(), int(bytes.size()));
        };
        const std::string good = doubleField(1, 2.0);
        row("truncated varint", good + key(2, kVarint) + "\x80\x80");
        row("truncated key", good + "\x80");
        row("varint of 11 bytes", good + key(2, kVarint) + std::string(10, '\xFF') + "\x01");
        row("length past the end", good + key(3, kBytes) + varint(5) + "abc");
        row("huge length", good + key(3, kBytes) + varint(~0ull));
        row("fixed64 past the end", good + key(1, kFixed64) + "1234567");
        row("fixed32 past the end", good + key(9, kFixed32) + "12");
        row("wire type 3", good + varint((7 << 3) | 3) + "x");
        row("wire type 4", good + varint((7 << 3) | 4));
        row("wire type 6", good + varint((7 << 3) | 6));
        row("field number 0", good + varint(0) + "\x01");
        row("bad summary", good + bytesField(5, key(1, kBytes) + varint(9) + "ab"));
    }

    void malformedBytesAreAnErrorNamingTheByte() {
        QFETCH(QByteArray, bytes);
        auto decoded = decodeTbEvent(std::string_view(bytes.constData(), size_t(bytes.size())));
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.error().find("byte") != std::string::npos, decoded.error().c_str());
    }

    void damageInsideOneValueLeavesOnlyThatValueOut() {
        // A value whose own bytes are not protobuf is dropped; the summary around it is fine.
        const std::string broken = summaryValue(bytesField(1, "t") + key(2, kFixed32) + "\x01");
        auto decoded = decodeTbEvent(eventBytes(1, 1, broken + simpleValue("ok", 2.0f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->scalars.size(), size_t{1});
        QCOMPARE(decoded->scalars[0].tag, std::string("ok"));
    }

    void valuesWithoutTagOrNumberAreLeftOut() {
        QCOMPARE(scalarCount(summaryValue(floatField(2, 1.0f))), size_t{0});  // no tag
        QCOMPARE(scalarCount(summaryValue(bytesField(1, "t"))), size_t{0});   // no value
        QCOMPARE(scalarCount(simpleValue("", 1.0f)), size_t{0});
    }

    void overLongTagIsLeftOut() {
        const std::string longest(kMaxTbTagBytes, 'a');
        const std::string tooLong(kMaxTbTagBytes + 1, 'b');
        auto decoded = decodeTbEvent(
            eventBytes(1, 1, simpleValue(tooLong, 1.0f) + simpleValue(longest, 2.0f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->scalars.size(), size_t{1});
        QCOMPARE(decoded->scalars[0].tag, longest);
    }

    void nonFiniteWallTimeBecomesZero() {
        auto decoded = decodeTbEvent(eventBytes(NAN, 1, simpleValue("x", 1.0f)));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->wallTime, 0.0);
    }

    void encodedEventsDecodeBack() {
        const std::vector<TbScalar> scalars = {{"train/loss", 0.1}, {"lr", 3e-4}, {"n", -12.0}};
        for (const int64_t step : {int64_t{0}, int64_t{42}, int64_t{-1}, int64_t{1} << 40}) {
            auto decoded = decodeTbEvent(encodeTbScalars(1763820000.125, step, scalars));
            QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
            QCOMPARE(decoded->wallTime, 1763820000.125);
            QCOMPARE(decoded->step, step);
            QVERIFY(decoded->fileVersion.empty());
            QCOMPARE(decoded->scalars.size(), scalars.size());
            for (size_t i = 0; i < scalars.size(); ++i) {
                QCOMPARE(decoded->scalars[i].tag, scalars[i].tag);
                // Written as floats: the same float comes back.
                QVERIFY(float(decoded->scalars[i].value) == float(scalars[i].value));
            }
        }

        auto version = decodeTbEvent(encodeTbFileVersion(1763820000.75));
        QVERIFY(version.ok());
        QCOMPARE(version->fileVersion, std::string("brain.Event:2"));
        QCOMPARE(version->wallTime, 1763820000.75);
        QVERIFY(version->scalars.empty());

        auto empty = decodeTbEvent(encodeTbScalars(2.0, 3, {}));
        QVERIFY(empty.ok());
        QCOMPARE(empty->step, int64_t{3});
        QVERIFY(empty->scalars.empty());
    }

    void floatsReadAsTheirShortestDecimal() {
        // 0.31f is 0.3100000023841858 as a double; metrics.jsonl should say 0.31.
        const std::pair<float, double> cases[] = {{0.31f, 0.31},
                                                  {0.1f, 0.1},
                                                  {3e-4f, 3e-4},
                                                  {-1234.5f, -1234.5},
                                                  {1e-30f, 1e-30},
                                                  {3.4e38f, 3.4e38},
                                                  {16777216.0f, 16777216.0}};
        for (const auto& [written, read] : cases) {
            auto decoded = decodeTbEvent(eventBytes(1, 1, simpleValue("x", written)));
            QVERIFY(decoded.ok() && decoded->scalars.size() == 1);
            QVERIFY2(decoded->scalars[0].value == read, QByteArray::number(read, 'g', 17));
        }
        // A float that needs all nine digits still comes back as itself.
        const float awkward = std::nextafter(0.1f, 1.0f);
        auto decoded = decodeTbEvent(eventBytes(1, 1, simpleValue("x", awkward)));
        QVERIFY(decoded.ok());
        QVERIFY(float(decoded->scalars[0].value) == awkward);
        QVERIFY(std::isinf(onlyScalar(simpleValue("t", INFINITY), "inf")));
        QVERIFY(std::isnan(onlyScalar(simpleValue("t", NAN), "nan")));
    }

    void encoderWritesThePublicFieldNumbers() {
        // The encoder's bytes, read by this test's own expectations of the wire format.
        const std::string bytes = encodeTbScalars(2.0, 5, {{"a", 1.0}});
        const std::string expected =
            doubleField(1, 2.0) + varintField(2, 5) + bytesField(5, simpleValue("a", 1.0f));
        QCOMPARE(bytes, expected);
        QCOMPARE(encodeTbFileVersion(2.0), doubleField(1, 2.0) + bytesField(3, "brain.Event:2"));
    }
};

QTEST_APPLESS_MAIN(TestTbEvent)
#include "tst_tb_event.moc"
