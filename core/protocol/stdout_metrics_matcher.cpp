// LineMatcher's compiler: the syntax tree (stdout_metrics_matcher_tree.h) to Pike VM
// instructions (see stdout_metrics_matcher.h; the VM is in stdout_metrics_matcher_vm.cpp).
#include "stdout_metrics_matcher.h"

#include <string>

#include "stdout_metrics_matcher_tree.h"

namespace tb {
namespace {

using matcher::Node;
using Op = LineMatcher::Op;
using Instruction = LineMatcher::Instruction;

constexpr size_t kMaxProgram = 50000;  // instructions, after {m,n} copies

class Compiler {
public:
    explicit Compiler(std::vector<Instruction>& program) : m_program(program) {}

    bool emit(const Node& node) {
        if (m_program.size() > kMaxProgram) return false;
        switch (node.kind) {
        case Node::Kind::Empty: return true;
        case Node::Kind::Byte: return push({Op::Byte, node.byte, 0, 0});
        case Node::Kind::Any: return push({Op::Any, 0, 0, 0});
        case Node::Kind::Class: return push({Op::Class, 0, node.index, 0});
        case Node::Kind::Assert: return push({node.assertion, 0, 0, 0});
        case Node::Kind::Concat:
            for (const Node& kid : node.kids)
                if (!emit(kid)) return false;
            return true;
        case Node::Kind::Group:
            if (node.index >= 0) push({Op::Save, 0, 2 * node.index, 0});
            if (!emit(node.kids.front())) return false;
            return node.index < 0 || push({Op::Save, 0, 2 * node.index + 1, 0});
        case Node::Kind::Alternation: return alternation(node);
        case Node::Kind::Repeat: return repeat(node);
        }
        return false;
    }

private:
    bool push(Instruction instruction) {
        m_program.push_back(instruction);
        return m_program.size() <= kMaxProgram;
    }
    int here() const { return static_cast<int>(m_program.size()); }

    // split(preferred, other): `body` first when greedy.
    void setSplit(int at, int body, int out, bool greedy) {
        m_program[static_cast<size_t>(at)].x = greedy ? body : out;
        m_program[static_cast<size_t>(at)].y = greedy ? out : body;
    }

    bool alternation(const Node& node) {
        std::vector<int> jumps;
        for (size_t k = 0; k < node.kids.size(); ++k) {
            if (k + 1 == node.kids.size()) {
                if (!emit(node.kids[k])) return false;
                break;
            }
            const int split = here();
            push({Op::Split, 0, 0, 0});
            if (!emit(node.kids[k])) return false;
            jumps.push_back(here());
            push({Op::Jump, 0, 0, 0});
            setSplit(split, split + 1, here(), true);
        }
        for (const int jump : jumps) m_program[static_cast<size_t>(jump)].x = here();
        return m_program.size() <= kMaxProgram;
    }

    bool repeat(const Node& node) {
        const Node& body = node.kids.front();
        for (int k = 0; k < node.min; ++k)
            if (!emit(body)) return false;
        if (node.max < 0) {
            const int split = here();
            push({Op::Split, 0, 0, 0});
            if (!emit(body)) return false;
            push({Op::Jump, 0, split, 0});
            setSplit(split, split + 1, here(), node.greedy);
            return m_program.size() <= kMaxProgram;
        }
        std::vector<int> splits;
        for (int k = node.min; k < node.max; ++k) {
            splits.push_back(here());
            push({Op::Split, 0, 0, 0});
            if (!emit(body)) return false;
        }
        for (const int split : splits) setSplit(split, split + 1, here(), node.greedy);
        return m_program.size() <= kMaxProgram;
    }

    std::vector<Instruction>& m_program;
};


}  // namespace

Result<LineMatcher> LineMatcher::compile(std::string_view pattern) {
    const std::string quoted = "regex '" + std::string(pattern) + "'";
    LineMatcher matcher;
    Node root;
    const std::string error = matcher::parsePattern(pattern, root, matcher.m_classes, matcher.m_groups);
    if (!error.empty()) return fail(quoted + " " + error);
    Compiler compiler(matcher.m_program);
    matcher.m_program.push_back({Op::Save, 0, 0, 0});
    const bool fits = compiler.emit(root);
    if (!fits || matcher.m_program.size() + 2 > kMaxProgram)
        return fail(quoted + " is too large once its {m,n} repeats are written out; use * or + "
                             "or smaller counts");
    matcher.m_program.push_back({Op::Save, 0, 1, 0});
    matcher.m_program.push_back({Op::Match, 0, 0, 0});
    return matcher;
}


}  // namespace tb
