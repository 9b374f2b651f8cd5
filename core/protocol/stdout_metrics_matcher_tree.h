#pragma once
// LineMatcher's syntax tree, passed from its parser (stdout_metrics_matcher_parse.cpp) to its
// compiler (stdout_metrics_matcher.cpp). Internal to those files.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stdout_metrics_matcher.h"

namespace tb::matcher {

using Op = LineMatcher::Op;
using ByteSet = LineMatcher::ByteSet;

constexpr int kMaxRepeat = 1000;  // {m,n} bounds
constexpr int kMaxDepth = 200;    // nested groups: the parser and compiler recurse on it

struct Node {
    enum class Kind { Empty, Byte, Any, Class, Concat, Alternation, Repeat, Group, Assert };
    Kind kind = Kind::Empty;
    std::uint8_t byte = 0;
    Op assertion = Op::Begin;  // Assert: Begin, End, Word or NotWord
    int index = -1;            // Class: class index; Group: capture number or -1
    int min = 0;
    int max = 0;  // Repeat: -1 for no bound
    bool greedy = true;
    std::vector<Node> kids;
};

// Parses `pattern` into `root`, adding its character classes to `classes` and counting its
// capturing groups in `groups`. Empty on success, else "at position N: what is wrong".
std::string parsePattern(std::string_view pattern, Node& root, std::vector<ByteSet>& classes,
                         int& groups);

}  // namespace tb::matcher
