// ChunkedColumn: append-only column stored in fixed-size chunks.
#pragma once

#include <cstddef>
#include <vector>

namespace tb {

// Chunks instead of one std::vector: growth never copies millions of values, and the unused
// tail is at most one chunk (a doubling vector wastes up to half its capacity). The first chunk
// grows like a vector so the many short series of a run (val/acc: one point per epoch) stay
// small.
template <typename T>
class ChunkedColumn {
public:
    static constexpr unsigned kShift = 14;
    static constexpr std::size_t kChunk = std::size_t(1) << kShift;
    static constexpr std::size_t kMask = kChunk - 1;

    void push(T value) {
        if (m_chunks.empty() || m_chunks.back().size() == kChunk) {
            m_chunks.emplace_back();
            if (m_chunks.size() > 1) m_chunks.back().reserve(kChunk);
        }
        m_chunks.back().push_back(value);
        ++m_size;
    }
    T operator[](std::size_t i) const { return m_chunks[i >> kShift][i & kMask]; }
    void set(std::size_t i, T value) { m_chunks[i >> kShift][i & kMask] = value; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    void clear() {
        m_chunks.clear();
        m_chunks.shrink_to_fit();
        m_size = 0;
    }
    // Heap bytes actually reserved, slack included: the honest number for memory accounting.
    std::size_t bytesHeld() const {
        std::size_t bytes = m_chunks.capacity() * sizeof(std::vector<T>);
        for (const auto& chunk : m_chunks) bytes += chunk.capacity() * sizeof(T);
        return bytes;
    }

private:
    std::vector<std::vector<T>> m_chunks;
    std::size_t m_size = 0;
};

}  // namespace tb
