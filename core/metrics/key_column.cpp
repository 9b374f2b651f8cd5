// KeyColumn: dense-until-a-gap record indices and float-until-needed values.
#include "key_column.h"

#include <cmath>

namespace tb {

// Above 2^24 float cannot even hold consecutive integers; below it float's 7 digits suffice.
static bool needsDouble(double value) {
    return std::fabs(value) > 16777216.0 && static_cast<double>(static_cast<float>(value)) != value;
}

void KeyColumn::append(std::uint32_t record, double value) {
    if (!m_double && needsDouble(value)) promoteToDouble();
    if (m_size > 0 && recordAt(m_size - 1) == record) {
        // A key repeated within one line: the last value wins, as in most JSON readers.
        if (m_double)
            m_doubles.set(m_size - 1, value);
        else
            m_floats.set(m_size - 1, static_cast<float>(value));
        return;
    }
    if (m_size == 0)
        m_firstRecord = record;
    else if (!m_sparse && record != m_firstRecord + m_size)
        makeSparse();
    if (m_sparse) m_records.push(record);
    if (m_double)
        m_doubles.push(value);
    else
        m_floats.push(static_cast<float>(value));
    ++m_size;
}

void KeyColumn::makeSparse() {
    for (std::size_t i = 0; i < m_size; ++i)
        m_records.push(m_firstRecord + static_cast<std::uint32_t>(i));
    m_sparse = true;
}

void KeyColumn::promoteToDouble() {
    for (std::size_t i = 0; i < m_floats.size(); ++i) m_doubles.push(m_floats[i]);
    m_floats.clear();
    m_double = true;
}

std::size_t KeyColumn::bytesHeld() const {
    return m_records.bytesHeld() + m_floats.bytesHeld() + m_doubles.bytesHeld();
}

}  // namespace tb
