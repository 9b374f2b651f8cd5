// SeriesStore: routes parsed records into shared record columns and per-key columns.
#include "series_store.h"

#include "metrics_parser.h"

#include <cmath>

namespace tb {

std::size_t SeriesView::size() const {
    const auto& series = m_store->m_series[m_series];
    if (series.backing == SeriesStore::Backing::Key) return series.column.size();
    return m_store->recordCount() - series.firstRecord;
}

std::uint32_t SeriesView::recordAt(std::size_t i) const {
    const auto& series = m_store->m_series[m_series];
    if (series.backing == SeriesStore::Backing::Key) return series.column.recordAt(i);
    return series.firstRecord + static_cast<std::uint32_t>(i);
}

double SeriesView::x(std::size_t i) const {
    return m_store->xOf(recordAt(i), m_axis);
}

double SeriesView::y(std::size_t i) const {
    const auto& series = m_store->m_series[m_series];
    switch (series.backing) {
        case SeriesStore::Backing::Key:
            return series.column.valueAt(i);
        case SeriesStore::Backing::EpochColumn:
            return m_store->epoch(series.firstRecord + i);
        case SeriesStore::Backing::TimeColumn:
            return m_store->time(series.firstRecord + i);
    }
    return 0;
}

double SeriesStore::xOf(std::size_t record, XAxis axis) const {
    switch (axis) {
        case XAxis::Step:
            return m_steps[record];
        case XAxis::Epoch:
            return m_epochs[record];
        case XAxis::WallTime:
            return m_times[record];
        case XAxis::TimeSinceStart:
            return m_times[record] - m_firstTime;
    }
    return 0;
}

std::size_t SeriesStore::seriesForKey(std::uint32_t key, const std::vector<std::string>& keyNames) {
    if (key < m_seriesOfKey.size() && m_seriesOfKey[key] >= 0) return m_seriesOfKey[key];
    if (key >= m_seriesOfKey.size()) m_seriesOfKey.resize(keyNames.size(), -1);
    const std::string& name = keyNames[key];
    Backing backing = Backing::Key;
    if (name == "epoch") backing = Backing::EpochColumn;
    if (name == "time") backing = Backing::TimeColumn;
    m_series.push_back({name, backing, static_cast<std::uint32_t>(recordCount()), {}});
    m_seriesOfKey[key] = static_cast<std::int32_t>(m_series.size() - 1);
    return m_series.size() - 1;
}

void SeriesStore::append(const MetricsBatch& batch, const std::vector<std::string>& keyNames) {
    for (std::size_t r = 0; r < batch.recordCount(); ++r) {
        const auto record = static_cast<std::uint32_t>(recordCount());
        double epoch = m_lastEpoch;
        double time = m_lastTime;
        for (std::uint32_t f = batch.fieldBegin[r]; f < batch.fieldBegin[r + 1]; ++f) {
            const MetricsField& field = batch.fields[f];
            Series& series = m_series[seriesForKey(field.key, keyNames)];
            switch (series.backing) {
                case Backing::Key:
                    series.column.append(record, field.value);
                    break;
                case Backing::EpochColumn:
                    epoch = field.value;
                    break;
                case Backing::TimeColumn:
                    time = field.value;
                    break;
            }
        }
        const double step = batch.steps[r];
        if (!m_steps.empty() && step < m_steps[record - 1]) m_stepsNonDecreasing = false;
        m_steps.push(step);
        m_epochs.push(static_cast<float>(epoch));
        m_times.push(time);
        m_lastEpoch = epoch;
        m_lastTime = time;
        if (std::isnan(m_firstTime) && !std::isnan(time)) m_firstTime = time;
    }
}

void SeriesStore::clear() {
    *this = SeriesStore();
}

std::ptrdiff_t SeriesStore::findSeries(std::string_view name) const {
    for (std::size_t i = 0; i < m_series.size(); ++i)
        if (m_series[i].name == name) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

std::size_t SeriesStore::pointCount() const {
    std::size_t points = 0;
    for (std::size_t i = 0; i < m_series.size(); ++i) points += view(i).size();
    return points;
}

std::size_t SeriesStore::bytesHeld() const {
    std::size_t bytes = m_steps.bytesHeld() + m_epochs.bytesHeld() + m_times.bytesHeld();
    bytes += m_series.capacity() * sizeof(Series) + m_seriesOfKey.capacity() * sizeof(std::int32_t);
    for (const Series& series : m_series)
        bytes += series.column.bytesHeld() + series.name.capacity();
    return bytes;
}

}  // namespace tb
