// MetricsParser: simdjson DOM over one line at a time, so one bad line never hides others.
#include "metrics_parser.h"

#include <simdjson.h>

#include <cmath>
#include <cstdlib>
#include <cstring>

namespace tb {

const std::size_t MetricsParser::kPadding = simdjson::SIMDJSON_PADDING;

struct MetricsParser::Impl {
    simdjson::dom::parser parser;
};

void MetricsBatch::clear() {
    steps.clear();
    fieldBegin.assign(1, 0);
    fields.clear();
}

double MetricsBatch::value(std::size_t record, std::uint32_t key, double fallback) const {
    for (std::uint32_t i = fieldBegin[record]; i < fieldBegin[record + 1]; ++i)
        if (fields[i].key == key) return fields[i].value;
    return fallback;
}

MetricsParser::MetricsParser() : m_impl(std::make_unique<Impl>()) {
}
MetricsParser::~MetricsParser() = default;

ParseResult MetricsParser::parse(std::string_view bytes, MetricsBatch& out) {
    m_copy.resize(bytes.size() + kPadding);
    if (!bytes.empty()) std::memcpy(m_copy.data(), bytes.data(), bytes.size());
    return parseInPlace(m_copy.data(), bytes.size(), out);
}

ParseResult MetricsParser::parseInPlace(const char* data, std::size_t size, MetricsBatch& out) {
    ParseResult result;
    std::size_t pos = 0;
    while (pos < size) {
        const void* nl = std::memchr(data + pos, '\n', size - pos);
        if (!nl) break;  // partial line: the caller keeps it until the writer finishes it
        const std::size_t end = static_cast<const char*>(nl) - data;
        std::size_t length = end - pos;
        if (length > 0 && data[pos + length - 1] == '\r') --length;
        const char* line = data + pos;
        bool blank = true;
        for (std::size_t i = 0; i < length && blank; ++i) blank = line[i] == ' ' || line[i] == '\t';
        if (!blank) {
            // The padding simdjson may read past a line is the rest of the buffer.
            if (parseLine(line, length, false, out) || parseLineLeniently(line, length, out))
                ++result.records;
            else
                ++result.malformedLines;
        }
        pos = end + 1;
    }
    result.bytesConsumed = pos;
    m_totalMalformed += result.malformedLines;
    return result;
}

// Python's json.dumps writes NaN, Infinity and -Infinity for non-finite floats (not JSON), and
// integers of any size; simdjson rejects those and numbers beyond double range. A diverged loss
// is exactly what a user wants to see, so such a line is re-read with every bare number-like
// token quoted behind a \u0001 marker, and those strings are converted by strtod afterwards.
bool MetricsParser::parseLineLeniently(const char* line, std::size_t length, MetricsBatch& out) {
    m_rewrite.clear();
    bool inString = false;
    for (std::size_t i = 0; i < length; ++i) {
        const char c = line[i];
        if (inString) {
            m_rewrite.push_back(c);
            if (c == '\\' && i + 1 < length)
                m_rewrite.push_back(line[++i]);
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') inString = true;
        const bool numberLike = c == '-' || (c >= '0' && c <= '9') || c == 'N' || c == 'I';
        if (!numberLike) {
            m_rewrite.push_back(c);
            continue;
        }
        std::size_t end = i;
        while (end < length && line[end] != '\0' &&
               std::strchr("+-.0123456789eEINaifinty", line[end]))
            ++end;
        const std::string_view marker = "\"\\u0001";
        m_rewrite.insert(m_rewrite.end(), marker.begin(), marker.end());
        m_rewrite.insert(m_rewrite.end(), line + i, line + end);
        m_rewrite.push_back('"');
        i = end - 1;
    }
    const std::size_t size = m_rewrite.size();
    m_rewrite.resize(size + kPadding);
    return parseLine(m_rewrite.data(), size, true, out);
}

// Only strings this parser quoted itself: a real string value stays non-numeric.
static bool markedNumber(std::string_view text, double& value) {
    if (text.size() < 2 || text[0] != '\x01') return false;
    const std::string token(text.substr(1));
    if (token == "NaN")
        value = std::nan("");
    else if (token == "Infinity")
        value = HUGE_VAL;
    else if (token == "-Infinity")
        value = -HUGE_VAL;
    else {
        char* end = nullptr;
        value = std::strtod(token.c_str(), &end);  // beyond range: +-inf, as the C library rounds
        if (end != token.c_str() + token.size()) return false;
    }
    return true;
}

bool MetricsParser::parseLine(const char* line, std::size_t length, bool lenient,
                              MetricsBatch& out) {
    const std::size_t mark = out.fields.size();
    auto fail = [&] {
        out.fields.resize(mark);  // a bad line leaves no half record behind
        return false;
    };
    // The DOM API validates the whole line and dispatches to the CPU's SIMD kernels at run
    // time (On-Demand would be compiled for the baseline x86-64 only).
    simdjson::dom::element root;
    if (m_impl->parser.parse(line, length, false).get(root)) return fail();
    simdjson::dom::object object;
    if (root.get_object().get(object)) return fail();
    bool haveStep = false;
    double step = 0;
    std::size_t position = 0;
    for (simdjson::dom::key_value_pair field : object) {
        double number = 0;
        if (field.value.is_number()) {
            if (field.value.get_double().get(number)) return fail();
        } else if (lenient && field.value.is_string()) {
            if (!markedNumber(field.value.get_string().value_unsafe(), number)) continue;
        } else {
            continue;  // strings, booleans, null, nested values: not a scalar series
        }
        if (field.key == "step") {
            haveStep = std::isfinite(number);
            step = number;
            continue;
        }
        const std::uint32_t key =
            position < kMaxFieldsPerRecord ? internKey(field.key, position) : kNoKey;
        ++position;
        if (key == kNoKey) {
            ++m_droppedFields;
            continue;
        }
        out.fields.push_back({key, number});
    }
    if (!haveStep) return fail();
    out.steps.push_back(step);
    out.fieldBegin.push_back(static_cast<std::uint32_t>(out.fields.size()));
    return true;
}

std::uint32_t MetricsParser::keyId(std::string_view name) const {
    const auto it = m_ids.find(std::string(name));
    return it == m_ids.end() ? kNoKey : it->second;
}

std::uint32_t MetricsParser::internKey(std::string_view name, std::size_t position) {
    if (position < m_idAtPosition.size()) {
        const std::uint32_t guess = m_idAtPosition[position];
        if (m_keyNames[guess] == name) return guess;
    }
    if (name.size() > kMaxKeyLength) return kNoKey;
    auto it = m_ids.find(std::string(name));
    if (it == m_ids.end()) {
        if (m_keyNames.size() >= kMaxKeys) return kNoKey;
        it = m_ids.emplace(std::string(name), std::uint32_t(m_keyNames.size())).first;
        m_keyNames.emplace_back(name);
    }
    const std::uint32_t id = it->second;
    if (position >= m_idAtPosition.size()) m_idAtPosition.resize(position + 1);
    m_idAtPosition[position] = id;
    return id;
}

}  // namespace tb
