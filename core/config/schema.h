#pragma once
// The config schema, version 1: every key with its type, default, range or choices and a
// one-line doc (the desktop form shows it). Std only: the trainer builds it on remote boxes.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

constexpr int kConfigSchemaVersion = 1;

enum class KeyType { Int, Float, Bool, String, Choice, IntList, Path };

struct KeyDef {
    std::string path;  // "optim.lr"
    KeyType type;
    std::string defaultValue;  // canonical text, e.g. "0.001", "[1, 28, 28]", "true"
    double min = 0;            // Int/Float/IntList elements; ignored when min > max
    double max = -1;
    std::vector<std::string> choices;  // Choice
    std::string doc;
    bool minExclusive = false;  // Float: the value must be greater than min ("optim.lr > 0")
    size_t minItems = 0;        // IntList: allowed element count
    size_t maxItems = 0;        // IntList: 0 = no cap
};

// Key path -> canonical value text. A complete ConfigValues holds every schema key.
using ConfigValues = std::map<std::string, std::string>;

const std::vector<KeyDef>& configSchema();  // in document order
const KeyDef* findKey(std::string_view path);
// Sections are the dotted prefixes of keys: "data", "data.synthetic", "optim".
bool isConfigSection(std::string_view path);
// The schema key closest to a misspelt one (edit distance), or "" when none is close.
std::string closestKey(std::string_view path);
// "unknown key 'optim.lrr'; did you mean 'optim.lr'?" (the suggestion only when one is close).
std::string unknownKeyMessage(std::string_view path);

// Checks `text` (YAML scalar or flow list text) against the key. Returns "" and writes the
// canonical form when valid, else a message such as "must be between 1 and 65536".
std::string checkValue(const KeyDef& def, std::string_view text, std::string& canonical);

ConfigValues defaultValues();

}  // namespace tb
