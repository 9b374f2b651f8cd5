// LineMatcher's parser: pattern text to the syntax tree (stdout_metrics_matcher_tree.h).
#include "stdout_metrics_matcher_tree.h"

namespace tb::matcher {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

int hexValue(char c) {
    if (isDigit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

ByteSet namedSet(char which) {
    ByteSet set(256, false);
    const char lower = static_cast<char>(which | 0x20);
    for (int c = 0; c < 256; ++c) {
        const bool digit = c >= '0' && c <= '9';
        bool in = lower == 'd' ? digit
                  : lower == 'w'
                      ? digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                      : c == ' ' || (c >= '\t' && c <= '\r');
        set[static_cast<size_t>(c)] = (which == lower) == in;
    }
    return set;
}


class Parser {
public:
    Parser(std::string_view pattern, std::vector<ByteSet>& classes)
        : m_p(pattern), m_classes(classes) {}

    std::string run(Node& root) {
        std::string error = alternation(root, 0);
        if (error.empty() && m_i < m_p.size()) error = at(m_i, "')' has no matching '('");
        return error;
    }
    int groups = 0;

private:
    std::string at(size_t index, const std::string& what) const {
        return "at position " + std::to_string(index + 1) + ": " + what;
    }
    bool more() const { return m_i < m_p.size(); }

    std::string alternation(Node& out, int depth) {
        if (depth > kMaxDepth) return at(m_i, "groups nested too deeply");
        out.kind = Node::Kind::Alternation;
        for (;;) {
            out.kids.emplace_back();
            if (std::string e = sequence(out.kids.back(), depth); !e.empty()) return e;
            if (!more() || m_p[m_i] != '|') return {};
            ++m_i;
        }
    }

    std::string sequence(Node& out, int depth) {
        out.kind = Node::Kind::Concat;
        while (more() && m_p[m_i] != '|' && m_p[m_i] != ')') {
            Node atom;
            if (std::string e = this->atom(atom, depth); !e.empty()) return e;
            if (std::string e = quantifier(atom); !e.empty()) return e;
            out.kids.push_back(std::move(atom));
        }
        return {};
    }

    std::string atom(Node& out, int depth) {
        const char c = m_p[m_i];
        if (c == '*' || c == '+' || c == '?')
            return at(m_i, std::string("'") + c + "' has nothing before it to repeat");
        if (c == '(') return group(out, depth);
        if (c == '[') return characterClass(out);
        if (c == '\\') return escape(out, nullptr);
        ++m_i;
        if (c == '.') {
            out.kind = Node::Kind::Any;
        } else if (c == '^' || c == '$') {
            out.kind = Node::Kind::Assert;
            out.assertion = c == '^' ? Op::Begin : Op::End;
        } else {
            out.kind = Node::Kind::Byte;
            out.byte = static_cast<std::uint8_t>(c);
        }
        return {};
    }

    std::string group(Node& out, int depth) {
        const size_t start = m_i++;
        const std::string_view rest = m_p.substr(m_i);
        out.kind = Node::Kind::Group;
        if (rest.substr(0, 2) == "?:") {
            m_i += 2;
        } else if (rest.substr(0, 2) == "?=" || rest.substr(0, 2) == "?!" ||
                   rest.substr(0, 3) == "?<=" || rest.substr(0, 3) == "?<!") {
            return at(start, "lookaround '(" + std::string(rest.substr(0, 2)) +
                                 "' is not supported by the metrics filter; match the text instead");
        } else if (rest.substr(0, 2) == "?<" || rest.substr(0, 3) == "?P<") {
            const size_t close = m_p.find('>', m_i);
            if (close == std::string_view::npos) return at(start, "group name not closed by '>'");
            m_i = close + 1;
            out.index = ++groups;
        } else if (rest.substr(0, 1) == "?") {
            return at(start, "unknown group '(?'; use (?<name>...) or (?:...)");
        } else {
            out.index = ++groups;
        }
        out.kids.emplace_back();
        if (std::string e = alternation(out.kids.back(), depth + 1); !e.empty()) return e;
        if (!more()) return at(start, "'(' is never closed by ')'");
        ++m_i;  // ')'
        return {};
    }

    // One escape at m_i ('\\'); into `set` inside a class, else into `out`.
    std::string escape(Node& out, ByteSet* set) {
        const size_t start = m_i;
        if (m_i + 1 >= m_p.size()) return at(m_i, "the pattern ends with a lone '\\'");
        const char c = m_p[m_i + 1];
        m_i += 2;
        int byte = -1;
        switch (c) {
        case 'd': case 'D': case 'w': case 'W': case 's': case 'S': {
            const ByteSet named = namedSet(c);
            if (set) {
                for (size_t b = 0; b < 256; ++b) (*set)[b] = (*set)[b] || named[b];
            } else {
                out.kind = Node::Kind::Class;
                out.index = static_cast<int>(m_classes.size());
                m_classes.push_back(named);
            }
            return {};
        }
        case 'b': case 'B':
            if (set && c == 'b') { byte = 8; break; }
            if (set) return at(start, "'\\B' inside [...] means nothing; remove it");
            out.kind = Node::Kind::Assert;
            out.assertion = c == 'b' ? Op::Word : Op::NotWord;
            return {};
        case 't': byte = '\t'; break;
        case 'n': byte = '\n'; break;
        case 'r': byte = '\r'; break;
        case 'f': byte = '\f'; break;
        case 'v': byte = '\v'; break;
        case 'x': case 'u': {
            const size_t digits = c == 'x' ? 2 : 4;
            int value = 0;
            for (size_t k = 0; k < digits; ++k) {
                const int h = m_i + k < m_p.size() ? hexValue(m_p[m_i + k]) : -1;
                if (h < 0) return at(start, std::string("'\\") + c + "' needs " +
                                                std::to_string(digits) + " hex digits");
                value = value * 16 + h;
            }
            if (value > 0xFF) return at(start, "only \\u00XX is supported; write the character itself");
            m_i += digits;
            byte = value;
            break;
        }
        case 'c':
            if (m_i < m_p.size() && ((m_p[m_i] | 0x20) >= 'a' && (m_p[m_i] | 0x20) <= 'z')) {
                byte = m_p[m_i++] % 32;
                break;
            }
            return at(start, "'\\c' needs a letter after it");
        default:
            if (c == '0' && !(m_i < m_p.size() && isDigit(m_p[m_i]))) { byte = 0; break; }
            if (isDigit(c))
                return at(start, "backreferences like '\\" + std::string(1, c) +
                                     "' are not supported by the metrics filter");
            byte = static_cast<std::uint8_t>(c);  // an escaped literal: \. \\ \( \/ ...
        }
        if (set) {
            (*set)[static_cast<size_t>(byte)] = true;
        } else {
            out.kind = Node::Kind::Byte;
            out.byte = static_cast<std::uint8_t>(byte);
        }
        return {};
    }

    // A single byte at m_i inside a class (for a range's ends); -1 for a class escape.
    int classByte(ByteSet& set, std::string& error) {
        if (m_p[m_i] != '\\') {
            const auto byte = static_cast<std::uint8_t>(m_p[m_i++]);
            set[byte] = true;
            return byte;
        }
        ByteSet one(256, false);
        Node ignored;
        error = escape(ignored, &one);
        int found = -1;
        int count = 0;
        for (int b = 0; b < 256; ++b)
            if (one[static_cast<size_t>(b)]) found = b, ++count;
        for (size_t b = 0; b < 256; ++b) set[b] = set[b] || one[b];
        return count == 1 ? found : -1;
    }

    std::string characterClass(Node& out) {
        const size_t start = m_i++;
        ByteSet set(256, false);
        const bool negated = more() && m_p[m_i] == '^';
        if (negated) ++m_i;
        bool first = true;  // a leading ']' is a literal, as named_regex.cpp reads it
        while (more() && (m_p[m_i] != ']' || first)) {
            first = false;
            std::string error;
            const int low = classByte(set, error);
            if (!error.empty()) return error;
            if (m_i + 1 < m_p.size() && m_p[m_i] == '-' && m_p[m_i + 1] != ']') {
                const size_t dash = m_i++;
                const int high = classByte(set, error);
                if (!error.empty()) return error;
                if (low < 0 || high < 0) {
                    set['-'] = true;  // "\d-z": the '-' is a literal, as in ECMAScript
                } else if (low > high) {
                    return at(dash, "range out of order in [...]");
                } else {
                    for (int b = low; b <= high; ++b) set[static_cast<size_t>(b)] = true;
                }
            }
        }
        if (!more()) return at(start, "'[' is never closed by ']'");
        ++m_i;
        if (negated) set.flip();
        out.kind = Node::Kind::Class;
        out.index = static_cast<int>(m_classes.size());
        m_classes.push_back(std::move(set));
        return {};
    }

    // Reads a number at m_i; false (m_i unchanged) when there is none.
    bool number(int& value) {
        const size_t start = m_i;
        value = 0;
        // Every digit is taken; the value stops growing past the cap, which the caller refuses.
        for (; more() && isDigit(m_p[m_i]); ++m_i)
            if (value <= kMaxRepeat) value = value * 10 + (m_p[m_i] - '0');
        return m_i > start;
    }

    std::string quantifier(Node& atom) {
        if (!more()) return {};
        const size_t start = m_i;
        int min = 0;
        int max = -1;
        const char c = m_p[m_i];
        if (c == '*' || c == '+' || c == '?') {
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : -1;
            ++m_i;
        } else if (c == '{') {
            ++m_i;
            if (!number(min)) { m_i = start; return {}; }  // a literal '{', as ECMAScript allows
            max = min;
            if (more() && m_p[m_i] == ',') {
                ++m_i;
                if (!number(max)) max = -1;
            }
            // Found by fuzz_stdout_metrics: '{' and digits left unclosed were a literal here but
            // a repeat to libstdc++'s regex compiler, whose count overflowed a long.
            if (!more() || m_p[m_i] != '}')
                return at(start, "'{' and a number begin a repeat {m}, {m,} or {m,n}; write \\{ "
                                 "for a literal '{'");
            ++m_i;
            if (min > kMaxRepeat || max > kMaxRepeat)
                return at(start, "a repeat count above " + std::to_string(kMaxRepeat));
            if (max >= 0 && max < min) return at(start, "{m,n} with n below m");
        } else {
            return {};
        }
        if (atom.kind == Node::Kind::Assert) return at(start, "an anchor cannot be repeated");
        const bool lazy = more() && m_p[m_i] == '?';
        if (lazy) ++m_i;
        const bool braces = m_i + 1 < m_p.size() && m_p[m_i] == '{' && isDigit(m_p[m_i + 1]);
        if (more() && (m_p[m_i] == '*' || m_p[m_i] == '+' || m_p[m_i] == '?' || braces))
            return at(m_i, "a repeat cannot be repeated; group it first: (...)");
        Node repeat;
        repeat.kind = Node::Kind::Repeat;
        repeat.min = min;
        repeat.max = max;
        repeat.greedy = !lazy;
        repeat.kids.push_back(std::move(atom));
        atom = std::move(repeat);
        return {};
    }

    std::string_view m_p;
    size_t m_i = 0;
    std::vector<ByteSet>& m_classes;
};

}  // namespace

std::string parsePattern(std::string_view pattern, Node& root, std::vector<ByteSet>& classes,
                         int& groups) {
    Parser parser(pattern, classes);
    const std::string error = parser.run(root);
    groups = parser.groups;
    return error;
}

}  // namespace tb::matcher
