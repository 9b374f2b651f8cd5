#pragma once
// Minimal JSON for the run-directory files: a writer for flat objects and a reader for
// flat objects of scalars (what status.json, latest.json and sidecars hold). Std only.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "result.h"

namespace tb {

std::string jsonEscape(std::string_view text);  // with the surrounding quotes

// Builds one JSON object in insertion order. Non-finite doubles are written as null.
class JsonObject {
public:
    JsonObject& add(std::string_view key, std::string_view value);
    JsonObject& add(std::string_view key, const char* value) {
        return add(key, std::string_view(value));
    }
    JsonObject& add(std::string_view key, double value);
    JsonObject& add(std::string_view key, int64_t value);
    JsonObject& add(std::string_view key, int value) { return add(key, int64_t{value}); }
    JsonObject& add(std::string_view key, bool value);
    JsonObject& addNull(std::string_view key);
    JsonObject& addRaw(std::string_view key, std::string_view json);  // nested object/array
    std::string str() const;  // single line, no trailing newline

private:
    std::string m_body;
};

using JsonScalar = std::variant<std::nullptr_t, bool, double, std::string>;
using FlatJson = std::map<std::string, JsonScalar>;

// Parses an object whose values are scalars; nested objects/arrays are skipped but
// kept as their raw JSON text (a std::string). Errors say where the text is wrong.
Result<FlatJson> parseFlatJson(std::string_view text);

// Typed access with a fallback when the key is missing or of another type.
double jsonNumber(const FlatJson& object, const std::string& key, double fallback = 0.0);
std::string jsonString(const FlatJson& object, const std::string& key, std::string fallback = {});

}  // namespace tb
