// LineMatcher's Pike VM (see stdout_metrics_matcher.h): all threads advance together one byte
// at a time, in preference order, so the first thread to reach Match is the match a
// backtracking engine would have found first, without its exponential retries.
#include "stdout_metrics_matcher.h"

namespace tb {
namespace {

using Op = LineMatcher::Op;
using Span = LineMatcher::Span;

bool isWordByte(std::uint8_t c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// The threads at one position: a program counter and its capture slots each, in preference
// order. A program counter is on a list at most once (the first, preferred, copy wins).
struct ThreadList {
    std::vector<int> pcs;
    std::vector<std::ptrdiff_t> slots;  // pcs.size() * slotCount
};

class Machine {
public:
    Machine(const std::vector<LineMatcher::Instruction>& program,
            const std::vector<LineMatcher::ByteSet>& classes, std::string_view text, size_t slotCount)
        : m_program(program), m_classes(classes), m_text(text), m_slotCount(slotCount),
          m_mark(program.size(), 0), m_current(slotCount, -1) {}

    bool run(std::vector<std::ptrdiff_t>& best) {
        ThreadList now;
        ThreadList next;
        const std::vector<std::ptrdiff_t> fresh(m_slotCount, -1);
        bool matched = false;
        ++m_generation;
        for (size_t pos = 0;; ++pos) {
            // A new start at every position until something matched: the search is unanchored,
            // and a later start is less preferred than every thread already running.
            if (!matched) add(now, 0, fresh.data(), pos);
            if (now.pcs.empty() && (matched || pos >= m_text.size())) break;
            ++m_generation;
            next.pcs.clear();
            next.slots.clear();
            for (size_t t = 0; t < now.pcs.size(); ++t) {
                const auto& in = m_program[static_cast<size_t>(now.pcs[t])];
                const std::ptrdiff_t* slots = now.slots.data() + t * m_slotCount;
                if (in.op == Op::Match) {
                    best.assign(slots, slots + m_slotCount);
                    matched = true;
                    break;  // the threads after this one are less preferred
                }
                if (pos >= m_text.size()) continue;
                const auto c = static_cast<std::uint8_t>(m_text[pos]);
                const bool takes = in.op == Op::Byte    ? c == in.byte
                                   : in.op == Op::Any   ? c != '\n' && c != '\r'
                                   : in.op == Op::Class ? bool(m_classes[static_cast<size_t>(in.x)][c])
                                                        : false;
                if (takes) add(next, now.pcs[t] + 1, slots, pos + 1);
            }
            std::swap(now, next);
            if (pos >= m_text.size()) break;
        }
        return matched;
    }

private:
    struct Step {
        int pc;          // >= 0: visit it; -1: restore slot `slot` to `value`
        size_t slot;
        std::ptrdiff_t value;
    };

    bool atWordBoundary(size_t pos) const {
        const bool before = pos > 0 && isWordByte(static_cast<std::uint8_t>(m_text[pos - 1]));
        const bool after = pos < m_text.size() && isWordByte(static_cast<std::uint8_t>(m_text[pos]));
        return before != after;
    }

    // Follows jumps, splits, saves and assertions from `pc` with an explicit stack (no
    // recursion, whatever the program), adding the byte-taking and Match threads to `list`.
    void add(ThreadList& list, int pc, const std::ptrdiff_t* slots, size_t pos) {
        m_current.assign(slots, slots + m_slotCount);
        m_stack.clear();
        m_stack.push_back({pc, 0, 0});
        while (!m_stack.empty()) {
            const Step step = m_stack.back();
            m_stack.pop_back();
            if (step.pc < 0) {
                m_current[step.slot] = step.value;
                continue;
            }
            const auto at = static_cast<size_t>(step.pc);
            if (m_mark[at] == m_generation) continue;
            m_mark[at] = m_generation;
            const auto& in = m_program[at];
            switch (in.op) {
            case Op::Jump: m_stack.push_back({in.x, 0, 0}); break;
            case Op::Split:
                m_stack.push_back({in.y, 0, 0});
                m_stack.push_back({in.x, 0, 0});  // popped first: the preferred branch
                break;
            case Op::Save: {
                const auto slot = static_cast<size_t>(in.x);
                m_stack.push_back({-1, slot, m_current[slot]});  // after the branch below
                m_current[slot] = static_cast<std::ptrdiff_t>(pos);
                m_stack.push_back({step.pc + 1, 0, 0});
                break;
            }
            case Op::Begin:
                if (pos == 0) m_stack.push_back({step.pc + 1, 0, 0});
                break;
            case Op::End:
                if (pos == m_text.size()) m_stack.push_back({step.pc + 1, 0, 0});
                break;
            case Op::Word:
            case Op::NotWord:
                if (atWordBoundary(pos) == (in.op == Op::Word)) m_stack.push_back({step.pc + 1, 0, 0});
                break;
            default:
                list.pcs.push_back(step.pc);
                list.slots.insert(list.slots.end(), m_current.begin(), m_current.end());
            }
        }
    }

    const std::vector<LineMatcher::Instruction>& m_program;
    const std::vector<LineMatcher::ByteSet>& m_classes;
    std::string_view m_text;
    size_t m_slotCount;
    std::vector<unsigned> m_mark;
    unsigned m_generation = 0;
    std::vector<std::ptrdiff_t> m_current;
    std::vector<Step> m_stack;
};

}  // namespace

bool LineMatcher::search(std::string_view text, std::vector<Span>& groups) const {
    const size_t slotCount = 2 * static_cast<size_t>(m_groups + 1);
    std::vector<std::ptrdiff_t> best;
    Machine machine(m_program, m_classes, text, slotCount);
    groups.assign(static_cast<size_t>(m_groups + 1), Span{});
    if (!machine.run(best)) return false;
    for (size_t g = 0; g < groups.size(); ++g) {
        // A group that ended before it (re)started did not take part in the final iteration.
        if (best[2 * g] >= 0 && best[2 * g + 1] >= best[2 * g])
            groups[g] = Span{best[2 * g], best[2 * g + 1]};
    }
    return true;
}

}  // namespace tb
