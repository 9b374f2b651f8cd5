#pragma once
// LineMatcher: the metrics filter's regex engine, a Pike VM (Thompson NFA with captures). It
// keeps one thread per program position, so matching takes time linear in the line and needs
// no stack per character: libstdc++'s std::regex recursed per character (a 200 kB line blew
// the stack and killed the user's run) and backtracked exponentially on `(a+)+b`. Std only,
// because the filter is built on rented boxes beside LibTorch.
//
// Syntax: the ECMAScript subset the metrics regexes use (named_regex.h checks them first):
// literals and escapes (\t \n \r \f \v \0 \xHH \uHHHH \cX, escaped punctuation), '.', classes
// with ranges and negation, \d \w \s \D \W \S, \b \B, ^ $, groups: capturing, (?:...),
// (?<name>...) and (?P<name>...), '|', * + ? {m} {m,} {m,n} and their lazy forms. Lookaround
// and backreferences need backtracking and are refused with a message. Bytes, not code points.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "result.h"

namespace tb {

class LineMatcher {
public:
    // Where a group matched in the searched text; begin < 0 when it did not take part.
    struct Span {
        std::ptrdiff_t begin = -1;
        std::ptrdiff_t end = -1;
    };

    // Errors say what is unsupported or malformed and where (1-based position).
    static Result<LineMatcher> compile(std::string_view pattern);

    // The leftmost match with ECMAScript's preferences (earlier alternatives, greedy or lazy
    // as written); `groups[0]` is the whole match, `groups[n]` the n-th capturing group.
    bool search(std::string_view text, std::vector<Span>& groups) const;

    int groupCount() const { return m_groups; }

    enum class Op : std::uint8_t { Byte, Any, Class, Split, Jump, Save, Match, Begin, End, Word, NotWord };
    struct Instruction {
        Op op = Op::Match;
        std::uint8_t byte = 0;
        int x = 0;  // Class: class index; Split, Jump: target; Save: slot
        int y = 0;  // Split: the second (less preferred) target
    };
    using ByteSet = std::vector<bool>;  // 256 entries

private:
    LineMatcher() = default;

    std::vector<Instruction> m_program;
    std::vector<ByteSet> m_classes;
    int m_groups = 0;
};

}  // namespace tb
