// Named groups for std::regex: one pass over the pattern that numbers the capturing groups,
// strips the names and checks what std::regex would only reject without a position.
#include "named_regex.h"

#include <cctype>

namespace tb {
namespace {

class PatternScan {
public:
    explicit PatternScan(std::string_view pattern) : m_p(pattern) {}

    // Empty on success; else the message (position included).
    std::string run() {
        std::string error;
        while (m_i < m_p.size() && error.empty()) error = step();
        if (error.empty() && !m_open.empty()) {
            error = at(m_open.back(), "'(' is never closed by ')'");
        }
        return error;
    }

    std::string out;
    std::vector<NamedGroup> groups;

private:
    static std::string position(size_t index) { return std::to_string(index + 1); }
    std::string at(size_t index, const std::string& what) const {
        return "at position " + position(index) + ": " + what;
    }

    std::string step() {
        const char c = m_p[m_i];
        if (c == '\\') return escape();
        if (c == '[') return characterClass();
        if (c == '(') return openGroup();
        if (c == ')') {
            if (m_open.empty()) return at(m_i, "')' has no matching '('");
            m_open.pop_back();
        }
        if ((c == '*' || c == '+' || c == '?') && m_atomStart) {
            return at(m_i, std::string("'") + c + "' has nothing before it to repeat");
        }
        m_atomStart = c == '|';
        out += c;
        ++m_i;
        return {};
    }

    std::string escape() {
        if (m_i + 1 >= m_p.size()) return at(m_i, "the pattern ends with a lone '\\'");
        out.append(m_p.substr(m_i, 2));
        m_i += 2;
        m_atomStart = false;
        return {};
    }

    std::string characterClass() {
        size_t j = m_i + 1;
        if (j < m_p.size() && m_p[j] == '^') ++j;
        if (j < m_p.size() && m_p[j] == ']') ++j;  // a leading ']' is a literal
        while (j < m_p.size() && m_p[j] != ']') j += m_p[j] == '\\' ? 2 : 1;
        if (j >= m_p.size()) return at(m_i, "'[' is never closed by ']'");
        out.append(m_p.substr(m_i, j - m_i + 1));
        m_i = j + 1;
        m_atomStart = false;
        return {};
    }

    std::string openGroup() {
        const size_t start = m_i;
        m_open.push_back(start);
        m_atomStart = true;
        const std::string_view rest = m_p.substr(start + 1);
        if (rest.substr(0, 3) == "?<=" || rest.substr(0, 3) == "?<!") {
            return at(start, "lookbehind '(?<=' / '(?<!' is not supported; match the text instead");
        }
        if (rest.substr(0, 2) == "?<") return namedGroup(start, start + 3);
        if (rest.substr(0, 3) == "?P<") return namedGroup(start, start + 4);
        if (rest.substr(0, 1) == "?") {
            if (rest.size() < 2 || (rest[1] != ':' && rest[1] != '=' && rest[1] != '!')) {
                return at(start, "unknown group '(?" + std::string(rest.substr(1, 1)) +
                                     "'; use (?<name>...), (?:...), (?=...) or (?!...)");
            }
            out.append(m_p.substr(start, 3));
            m_i = start + 3;
            return {};
        }
        ++m_count;
        out += '(';
        m_i = start + 1;
        return {};
    }

    std::string namedGroup(size_t start, size_t nameStart) {
        const size_t end = m_p.find('>', nameStart);
        if (end == std::string_view::npos) return at(start, "group name not closed by '>'");
        const std::string name(m_p.substr(nameStart, end - nameStart));
        if (name.empty()) return at(nameStart, "empty group name; write (?<name>...)");
        for (size_t k = 0; k < name.size(); ++k) {
            const unsigned char ch = static_cast<unsigned char>(name[k]);
            const bool ok = std::isalpha(ch) || ch == '_' ||
                            (k > 0 && (std::isdigit(ch) || ch == '/' || ch == '.'));
            if (!ok) {
                return at(nameStart + k, "character '" + std::string(1, name[k]) +
                                             "' is not allowed in group name '" + name +
                                             "' (letters, digits, _ / .)");
            }
        }
        for (const NamedGroup& group : groups) {
            if (group.name == name) return at(nameStart, "group name '" + name + "' used twice");
        }
        ++m_count;
        groups.push_back({name, m_count});
        out += '(';
        m_i = end + 1;
        return {};
    }

    std::string_view m_p;
    size_t m_i = 0;
    int m_count = 0;
    bool m_atomStart = true;
    std::vector<size_t> m_open;
};

}  // namespace

Result<NamedRegex> compileNamedRegex(std::string_view pattern) {
    const std::string quoted = "regex '" + std::string(pattern) + "'";
    if (pattern.empty()) return fail(quoted + " is empty");
    PatternScan scan(pattern);
    const std::string error = scan.run();
    if (!error.empty()) return fail(quoted + " " + error);
    NamedRegex compiled;
    compiled.pattern = std::string(pattern);
    compiled.groups = std::move(scan.groups);
    try {
        compiled.regex = std::regex(scan.out, std::regex::ECMAScript | std::regex::optimize);
    } catch (const std::regex_error& e) {
        return fail(quoted + " is not valid: " + e.what() + "; check its syntax (ECMAScript)");
    }
    return compiled;
}

}  // namespace tb
