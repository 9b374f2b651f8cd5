// Flat JSON writer and reader for the run-directory files.

#include "json.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "number_text.h"

namespace tb {
namespace {

// JSON's one-letter escapes: kEscapedChars[i] is written as '\\' kEscapeLetters[i].
constexpr std::string_view kEscapedChars = "\"\\/\b\f\n\r\t";
constexpr std::string_view kEscapeLetters = "\"\\/bfnrt";

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Recursive-descent reader over one buffer; every error carries the byte offset.
class FlatParser {
public:
    explicit FlatParser(std::string_view text) : m_text(text) {}

    Result<FlatJson> parse() {
        FlatJson object;
        skipSpace();
        if (!consume('{')) return error("expected '{'");
        skipSpace();
        if (!consume('}')) {
            for (;;) {
                skipSpace();
                std::string key;
                if (!peekIs('"')) return error("expected a string key");
                if (auto r = parseString(key); !r) return r.failure();
                skipSpace();
                if (!consume(':')) return error("expected ':'");
                skipSpace();
                auto value = parseValue();
                if (!value) return value.failure();
                object[key] = std::move(*value);
                skipSpace();
                if (consume(',')) continue;
                if (consume('}')) break;
                return error("expected ',' or '}'");
            }
        }
        skipSpace();
        if (m_pos != m_text.size()) return error("unexpected text after the object");
        return object;
    }

private:
    Error error(const std::string& what) const {
        return fail("JSON error at byte " + std::to_string(m_pos) + ": " + what);
    }
    bool peekIs(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
    bool consume(char c) {
        if (!peekIs(c)) return false;
        ++m_pos;
        return true;
    }
    void skipSpace() {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' ||
                                         m_text[m_pos] == '\n' || m_text[m_pos] == '\r'))
            ++m_pos;
    }
    bool consumeWord(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }

    Result<JsonScalar> parseValue() {
        if (m_pos >= m_text.size()) return error("expected a value, found end of text");
        const char c = m_text[m_pos];
        if (c == '"') {
            std::string s;
            if (auto r = parseString(s); !r) return r.failure();
            return JsonScalar{std::move(s)};
        }
        if (c == '{' || c == '[') return parseNestedRaw();
        if (consumeWord("true")) return JsonScalar{true};
        if (consumeWord("false")) return JsonScalar{false};
        if (consumeWord("null")) return JsonScalar{nullptr};
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber();
        return error("expected a value");
    }

    // Checks the JSON number grammar itself: parseDouble alone would accept "inf" or "01".
    Result<JsonScalar> parseNumber() {
        const size_t start = m_pos;
        auto digits = [&] {
            const size_t from = m_pos;
            while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9') ++m_pos;
            return m_pos - from;
        };
        consume('-');
        if (consume('0')) {
            if (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
                return error("leading zero in number");
        } else if (digits() == 0) {
            return error("expected digits");
        }
        if (consume('.') && digits() == 0) return error("expected digits after '.'");
        if (consume('e') || consume('E')) {
            if (!consume('+')) consume('-');
            if (digits() == 0) return error("expected digits in exponent");
        }
        double value = 0;
        const char* first = m_text.data() + start;
        const auto [ptr, ec] = parseDouble(first, m_text.data() + m_pos, value);
        if (ec == std::errc::result_out_of_range) {
            m_pos = start;
            return error("number out of range");
        }
        if (ec != std::errc() || ptr != m_text.data() + m_pos) {
            m_pos = start;
            return error("malformed number");
        }
        return JsonScalar{value};
    }

    Result<void> parseString(std::string& out) {
        ++m_pos;  // opening quote
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                ++m_pos;
                return {};
            }
            if (static_cast<unsigned char>(c) < 0x20) return error("control character in string");
            if (c != '\\') {
                out += c;
                ++m_pos;
                continue;
            }
            if (++m_pos >= m_text.size()) break;
            const char e = m_text[m_pos++];
            if (const auto at = kEscapeLetters.find(e); at != std::string_view::npos) {
                out += kEscapedChars[at];
                continue;
            }
            if (e != 'u') {
                --m_pos;
                return error("bad escape in string");
            }
            uint32_t cp = 0;
            if (!parseHex4(cp)) return error("bad \\u escape");
            if (cp >= 0xD800 && cp < 0xDC00 && consumeWord("\\u")) {
                uint32_t low = 0;
                if (!parseHex4(low) || low < 0xDC00 || low > 0xDFFF)
                    return error("bad surrogate pair");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            appendUtf8(out, cp);
        }
        return error("unterminated string");
    }

    bool parseHex4(uint32_t& cp) {
        if (m_pos + 4 > m_text.size()) return false;
        const auto [ptr, ec] =
            std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, cp, 16);
        if (ec != std::errc() || ptr != m_text.data() + m_pos + 4) return false;
        m_pos += 4;
        return true;
    }

    // Keeps a nested object/array verbatim; only strings need care so brackets inside them
    // are not counted.
    Result<JsonScalar> parseNestedRaw() {
        const size_t start = m_pos;
        int depth = 0;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '"') {
                std::string ignored;
                if (auto r = parseString(ignored); !r) return r.failure();
                continue;
            }
            ++m_pos;
            if (c == '{' || c == '[') ++depth;
            if ((c == '}' || c == ']') && --depth == 0)
                return JsonScalar{std::string(m_text.substr(start, m_pos - start))};
        }
        return error("unterminated nested value");
    }

    std::string_view m_text;
    size_t m_pos = 0;
};

}  // namespace

std::string jsonEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char c : text) {
        const auto at = c == '/' ? std::string_view::npos : kEscapedChars.find(c);
        if (at != std::string_view::npos) {
            out += '\\';
            out += kEscapeLetters[at];
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            out += buf;
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

JsonObject& JsonObject::addRaw(std::string_view key, std::string_view json) {
    if (!m_body.empty()) m_body += ',';
    m_body += jsonEscape(key);
    m_body += ':';
    m_body += json;
    return *this;
}

JsonObject& JsonObject::add(std::string_view key, std::string_view value) {
    return addRaw(key, jsonEscape(value));
}

JsonObject& JsonObject::add(std::string_view key, double value) {
    if (!std::isfinite(value)) return addNull(key);
    return addRaw(key, formatDouble(value));
}

JsonObject& JsonObject::add(std::string_view key, int64_t value) {
    return addRaw(key, std::to_string(value));
}

JsonObject& JsonObject::add(std::string_view key, bool value) {
    return addRaw(key, value ? "true" : "false");
}

JsonObject& JsonObject::addNull(std::string_view key) {
    return addRaw(key, "null");
}

std::string JsonObject::str() const {
    return "{" + m_body + "}";
}

Result<FlatJson> parseFlatJson(std::string_view text) {
    return FlatParser(text).parse();
}

double jsonNumber(const FlatJson& object, const std::string& key, double fallback) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (const auto* number = std::get_if<double>(&it->second)) return *number;
    return fallback;
}

std::string jsonString(const FlatJson& object, const std::string& key, std::string fallback) {
    const auto it = object.find(key);
    if (it == object.end()) return fallback;
    if (const auto* text = std::get_if<std::string>(&it->second)) return *text;
    return fallback;
}

}  // namespace tb
