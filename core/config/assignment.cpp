// Parses and checks one command-line assignment against the schema.
#include "assignment.h"

#include "config_text.h"
#include "message_text.h"

namespace tb {

std::string applyAssignment(ConfigValues& values, std::string_view assignment) {
    const auto equals = assignment.find('=');
    if (equals == std::string_view::npos || equals == 0) {
        return fillText(config_text::kNotAssignment, {assignment});
    }
    const std::string key(assignment.substr(0, equals));
    const KeyDef* def = findKey(key);
    if (!def) return unknownKeyMessage(key);
    std::string canonical;
    const std::string problem = checkValue(*def, assignment.substr(equals + 1), canonical);
    if (!problem.empty()) return fillText(config_text::kKeyColonProblem, {key, problem});
    values[key] = canonical;
    return {};
}

}  // namespace tb
