#pragma once
// Internal to tb_config: finds where YAML nodes end in the raw text. yaml-cpp marks give only
// where a node starts; in-place edits need the end too, and must never disturb the bytes around.

#include <cstddef>
#include <string_view>

#include <yaml-cpp/yaml.h>

namespace tb {

// Offset of the end of the line holding `pos`: its '\n', the '\r' of a "\r\n", or the text end.
size_t lineEndAt(std::string_view text, size_t pos);

// One past the last character of the scalar or flow collection that starts at `start`. Plain
// scalars stop before a comment; inside a flow collection also before ',', ']' and '}'.
size_t tokenEnd(std::string_view text, size_t start, bool inFlow);

// One past the last character of `node`'s text (which must not be null).
size_t nodeEnd(std::string_view text, const YAML::Node& node, bool inFlow);

// One past the ':' that follows the key starting at `keyStart`.
size_t afterKeyColon(std::string_view text, size_t keyStart, bool inFlow);

// Where the value of an empty entry ("lr:", "lr: ~") lies: `from` is just past the colon.
// Returns [begin, end): empty when nothing is written there, else the "~"/"null" token.
std::pair<size_t, size_t> emptyValueSpan(std::string_view text, size_t from, bool inFlow);

}  // namespace tb
