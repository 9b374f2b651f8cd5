// KeyColumn: the values of one metrics key and the records they belong to.
#pragma once

#include <cstdint>

#include "chunked_column.h"

namespace tb {

// Most keys appear on every line, so the record index of point i is implicit
// (firstRecord + i) until the first gap; only then is an index column materialised.
// Values are float (plots need ~7 digits) until one would lose more than float can hold
// above 2^24 (a Unix timestamp, a sample counter); the column is then promoted to double.
class KeyColumn {
public:
    void append(std::uint32_t record, double value);
    std::size_t size() const { return m_size; }
    std::uint32_t recordAt(std::size_t i) const {
        return m_sparse ? m_records[i] : m_firstRecord + static_cast<std::uint32_t>(i);
    }
    double valueAt(std::size_t i) const { return m_double ? m_doubles[i] : m_floats[i]; }
    bool isSparse() const { return m_sparse; }
    bool isDouble() const { return m_double; }
    std::size_t bytesHeld() const;

private:
    void makeSparse();
    void promoteToDouble();

    std::uint32_t m_firstRecord = 0;
    std::size_t m_size = 0;
    bool m_sparse = false;
    bool m_double = false;
    ChunkedColumn<std::uint32_t> m_records;
    ChunkedColumn<float> m_floats;
    ChunkedColumn<double> m_doubles;
};

}  // namespace tb
