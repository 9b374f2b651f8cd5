// TensorBoard Event decoding and encoding over the protobuf wire format (see the header).
// Field numbers are those of tensorflow/core/util/event.proto, summary.proto and tensor.proto.
#include "tb_event.h"

#include <cmath>
#include <cstring>
#include <optional>

#include "number_text.h"

namespace tb {
namespace {

enum WireType { kVarint = 0, kFixed64 = 1, kBytes = 2, kFixed32 = 5 };

// Event
constexpr uint32_t kWallTime = 1, kStep = 2, kFileVersion = 3, kSummary = 5;
// Summary / Summary.Value
constexpr uint32_t kValue = 1, kTag = 1, kSimpleValue = 2, kTensor = 8;
// TensorProto, TensorShapeProto, TensorShapeProto.Dim
constexpr uint32_t kDtype = 1, kShape = 2, kContent = 4, kFloatVal = 5, kDoubleVal = 6, kIntVal = 7,
                   kInt64Val = 10, kHalfVal = 13;
constexpr uint32_t kDim = 2, kDimSize = 1;
// DataType
constexpr uint64_t kDtFloat = 1, kDtDouble = 2, kDtInt32 = 3, kDtInt64 = 9, kDtHalf = 19;

struct Field {
    uint32_t number = 0;
    int type = 0;
    uint64_t numberValue = 0;  // varint, fixed64 and fixed32 values
    std::string_view bytes;    // length-delimited values
};

// Reads one message's fields in order; the first malformed byte stops it with an error.
class WireReader {
public:
    explicit WireReader(std::string_view data) : m_data(data) {}

    bool atEnd() const { return m_pos >= m_data.size() || !m_error.empty(); }
    const std::string& error() const { return m_error; }

    // Nothing at the end of the message, or after an error.
    std::optional<Field> next() {
        if (atEnd()) return std::nullopt;
        Field field;
        const auto key = varint();
        if (!key) return std::nullopt;
        field.number = static_cast<uint32_t>(*key >> 3);
        field.type = static_cast<int>(*key & 7);
        if (field.number == 0) return bad("field number 0");
        switch (field.type) {
            case kVarint: {
                const auto value = varint();
                if (!value) return std::nullopt;
                field.numberValue = *value;
                return field;
            }
            case kFixed64:
            case kFixed32: {
                const size_t size = field.type == kFixed64 ? 8 : 4;
                if (m_data.size() - m_pos < size) return bad("a fixed value past the end");
                for (size_t i = size; i-- > 0;)
                    field.numberValue =
                        (field.numberValue << 8) | static_cast<unsigned char>(m_data[m_pos + i]);
                m_pos += size;
                return field;
            }
            case kBytes: {
                const auto length = varint();
                if (!length) return std::nullopt;
                if (*length > m_data.size() - m_pos) return bad("a length past the end");
                field.bytes = m_data.substr(m_pos, static_cast<size_t>(*length));
                m_pos += static_cast<size_t>(*length);
                return field;
            }
            default:
                return bad("wire type " + std::to_string(field.type));
        }
    }

    std::optional<uint64_t> varint() {
        uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_data.size()) return bad("a number cut off at the end");
            const auto byte = static_cast<unsigned char>(m_data[m_pos++]);
            value |= uint64_t(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) return value;
        }
        return bad("a number longer than 10 bytes");
    }

private:
    std::nullopt_t bad(const std::string& what) {
        if (m_error.empty()) m_error = what + " at byte " + std::to_string(m_pos);
        m_pos = m_data.size();
        return std::nullopt;
    }

    std::string_view m_data;
    size_t m_pos = 0;
    std::string m_error;
};

double asDouble(uint64_t bits) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

double asFloat(uint64_t bits) {
    const auto narrow = static_cast<uint32_t>(bits);
    float value;
    std::memcpy(&value, &narrow, sizeof value);
    return shortestDoubleOfFloat(value);  // shown as it was logged, not as float noise
}

double halfToDouble(uint64_t bits) {
    const int exponent = static_cast<int>((bits >> 10) & 0x1F);
    const double fraction = static_cast<double>(bits & 0x3FF);
    const double sign = (bits & 0x8000) ? -1.0 : 1.0;
    if (exponent == 0) return sign * std::ldexp(fraction, -24);
    if (exponent == 31) return fraction == 0 ? sign * HUGE_VAL : NAN;
    return sign * std::ldexp(fraction + 1024.0, exponent - 25);
}

uint64_t littleEndian(std::string_view bytes) {
    uint64_t value = 0;
    for (size_t i = bytes.size(); i-- > 0;)
        value = (value << 8) | static_cast<unsigned char>(bytes[i]);
    return value;
}

// The one value of a one-element tensor; nothing for bigger tensors or other types (strings,
// histograms, images).
struct TensorValue {
    uint64_t dtype = 0;
    uint64_t elements = 1;  // product of the shape's dims; a scalar's shape has none
    std::vector<double> values;
    std::string_view content;
};

void addValues(const Field& field, std::vector<double>& out, double (*convert)(uint64_t),
               int fixedSize) {
    if (field.type != kBytes) {  // one unpacked element
        out.push_back(convert(field.numberValue));
        return;
    }
    if (fixedSize > 0) {
        for (size_t at = 0; at + fixedSize <= field.bytes.size() && out.size() < 2; at += fixedSize)
            out.push_back(convert(littleEndian(field.bytes.substr(at, fixedSize))));
        return;
    }
    WireReader packed(field.bytes);
    while (!packed.atEnd() && out.size() < 2) {
        const auto value = packed.varint();
        if (value) out.push_back(convert(*value));
    }
}

double signed32(uint64_t bits) {
    return static_cast<int32_t>(static_cast<uint32_t>(bits));
}
double signed64(uint64_t bits) {
    return static_cast<double>(static_cast<int64_t>(bits));
}

// The number types a scalar tensor may hold, as TensorProto stores them either way: in the
// typed values field (packed at a fixed size, or 0: as varints) or as raw tensor_content.
struct ScalarType {
    uint64_t dtype;
    uint32_t valuesField;
    int packedSize;
    size_t contentSize;
    double (*convert)(uint64_t);
};

constexpr ScalarType kScalarTypes[] = {
    {kDtFloat, kFloatVal, 4, 4, asFloat},    {kDtDouble, kDoubleVal, 8, 8, asDouble},
    {kDtInt32, kIntVal, 0, 4, signed32},     {kDtInt64, kInt64Val, 0, 8, signed64},
    {kDtHalf, kHalfVal, 0, 2, halfToDouble},
};

// 0, 1, or 2 standing for "more than one": only a one-element tensor is a scalar.
uint64_t shapeElements(std::string_view shape) {
    uint64_t elements = 1;
    WireReader reader(shape);
    while (auto field = reader.next()) {
        if (field->number != kDim || field->type != kBytes) continue;
        WireReader dim(field->bytes);
        while (auto size = dim.next()) {
            if (size->number != kDimSize || size->type != kVarint) continue;
            if (size->numberValue == 0)
                elements = 0;
            else if (size->numberValue > 1 && elements > 0)
                elements = 2;
        }
    }
    return elements;
}

std::optional<double> tensorScalar(std::string_view bytes) {
    TensorValue tensor;
    WireReader reader(bytes);
    while (auto field = reader.next()) {
        switch (field->number) {
            case kDtype:
                tensor.dtype = field->numberValue;
                break;
            case kShape:
                if (field->type == kBytes) tensor.elements = shapeElements(field->bytes);
                break;
            case kContent:
                if (field->type == kBytes) tensor.content = field->bytes;
                break;
            default:
                for (const ScalarType& type : kScalarTypes) {
                    if (field->number == type.valuesField)
                        addValues(*field, tensor.values, type.convert, type.packedSize);
                }
                break;
        }
    }
    if (!reader.error().empty() || tensor.elements != 1) return std::nullopt;
    if (!tensor.values.empty()) return tensor.values.front();
    const std::string_view content = tensor.content;
    for (const ScalarType& type : kScalarTypes) {
        if (tensor.dtype == type.dtype && content.size() == type.contentSize)
            return type.convert(littleEndian(content));
    }
    return std::nullopt;
}

// One Summary.Value: its tag and number, when it holds a scalar.
std::optional<TbScalar> summaryScalar(std::string_view bytes) {
    TbScalar scalar;
    std::optional<double> value;
    WireReader reader(bytes);
    while (auto field = reader.next()) {
        if (field->number == kTag && field->type == kBytes)
            scalar.tag = std::string(field->bytes);
        else if (field->number == kSimpleValue && field->type == kFixed32)
            value = asFloat(field->numberValue);
        else if (field->number == kTensor && field->type == kBytes && !value)
            value = tensorScalar(field->bytes);
    }
    if (!reader.error().empty() || !value || scalar.tag.empty() ||
        scalar.tag.size() > kMaxTbTagBytes)
        return std::nullopt;
    scalar.value = *value;
    return scalar;
}

void putVarint(std::string& out, uint64_t value) {
    while (value >= 0x80) {
        out.push_back(static_cast<char>((value & 0x7F) | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

void putKey(std::string& out, uint32_t number, int type) {
    putVarint(out, (uint64_t(number) << 3) | static_cast<uint64_t>(type));
}

void putFixed(std::string& out, uint64_t bits, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xFF));
}

void putBytes(std::string& out, uint32_t number, std::string_view bytes) {
    putKey(out, number, kBytes);
    putVarint(out, bytes.size());
    out.append(bytes);
}

void putWallTime(std::string& out, double wallTime) {
    uint64_t bits;
    std::memcpy(&bits, &wallTime, sizeof bits);
    putKey(out, kWallTime, kFixed64);
    putFixed(out, bits, 8);
}

}  // namespace

Result<TbEvent> decodeTbEvent(std::string_view bytes) {
    TbEvent event;
    WireReader reader(bytes);
    while (auto field = reader.next()) {
        if (field->number == kWallTime && field->type == kFixed64) {
            event.wallTime = asDouble(field->numberValue);
        } else if (field->number == kStep && field->type == kVarint) {
            event.step = static_cast<int64_t>(field->numberValue);
        } else if (field->number == kFileVersion && field->type == kBytes) {
            event.fileVersion = std::string(field->bytes.substr(0, 64));
        } else if (field->number == kSummary && field->type == kBytes) {
            WireReader summary(field->bytes);
            while (auto value = summary.next()) {
                if (value->number != kValue || value->type != kBytes) continue;
                if (auto scalar = summaryScalar(value->bytes))
                    event.scalars.push_back(std::move(*scalar));
            }
            if (!summary.error().empty())
                return fail("an event's summary is not protobuf: " + summary.error());
        }
    }
    if (!reader.error().empty()) return fail("an event is not protobuf: " + reader.error());
    if (!std::isfinite(event.wallTime)) event.wallTime = 0;
    return event;
}

std::string encodeTbFileVersion(double wallTime) {
    std::string out;
    putWallTime(out, wallTime);
    putBytes(out, kFileVersion, "brain.Event:2");
    return out;
}

std::string encodeTbScalars(double wallTime, int64_t step, const std::vector<TbScalar>& scalars) {
    std::string summary;
    for (const TbScalar& scalar : scalars) {
        std::string value;
        putBytes(value, kTag, scalar.tag);
        const float narrow = static_cast<float>(scalar.value);
        uint32_t bits;
        std::memcpy(&bits, &narrow, sizeof bits);
        putKey(value, kSimpleValue, kFixed32);
        putFixed(value, bits, 4);
        putBytes(summary, kValue, value);
    }
    std::string out;
    putWallTime(out, wallTime);
    putKey(out, kStep, kVarint);
    putVarint(out, static_cast<uint64_t>(step));
    putBytes(out, kSummary, summary);
    return out;
}

}  // namespace tb
