// SeriesStore: columnar in-memory copy of one run's metrics, appended incrementally.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "chunked_column.h"
#include "key_column.h"
#include "point_source.h"

namespace tb {

struct MetricsBatch;

enum class XAxis { Step, Epoch, WallTime, TimeSinceStart };

class SeriesStore;

// One series seen against one x axis; cheap to copy, valid until the store is cleared.
class SeriesView : public PointSource {
public:
    SeriesView(const SeriesStore& store, std::size_t series, XAxis axis)
        : m_store(&store), m_series(series), m_axis(axis) {}
    std::size_t size() const override;
    double x(std::size_t i) const override;
    double y(std::size_t i) const override;
    std::uint32_t recordAt(std::size_t i) const;

private:
    const SeriesStore* m_store;
    std::size_t m_series;
    XAxis m_axis;
};

// Not internally locked: the owner appends and reads from one thread, or guards both.
// step, epoch and time are per-record columns shared by every series of the run, so the x of
// a point costs nothing per key. "epoch" and "time" are also series, backed by those columns.
class SeriesStore {
public:
    // keyNames: the parser's interned names; ids must stay stable across appends (one parser).
    void append(const MetricsBatch& batch, const std::vector<std::string>& keyNames);
    void clear();

    std::size_t recordCount() const { return m_steps.size(); }
    std::size_t seriesCount() const { return m_series.size(); }
    const std::string& seriesName(std::size_t series) const { return m_series[series].name; }
    std::ptrdiff_t findSeries(std::string_view name) const;  // -1 when absent
    SeriesView view(std::size_t series, XAxis axis = XAxis::Step) const {
        return SeriesView(*this, series, axis);
    }

    // epoch and time are carried forward over lines that omit them, so an x axis stays
    // monotonic; NaN before the first line that has them.
    double step(std::size_t record) const { return m_steps[record]; }
    double epoch(std::size_t record) const { return m_epochs[record]; }
    double time(std::size_t record) const { return m_times[record]; }
    double xOf(std::size_t record, XAxis axis) const;
    // MinMaxLod needs x sorted; a script that restarts its step counter breaks that.
    bool stepsNonDecreasing() const { return m_stepsNonDecreasing; }

    std::size_t pointCount() const;  // (x, value) points over all series
    std::size_t bytesHeld() const;   // heap bytes of every column, slack included

private:
    friend class SeriesView;
    enum class Backing { Key, EpochColumn, TimeColumn };
    struct Series {
        std::string name;
        Backing backing;
        std::uint32_t firstRecord;  // for the record-column series
        KeyColumn column;           // for Backing::Key
    };
    std::size_t seriesForKey(std::uint32_t key, const std::vector<std::string>& keyNames);

    ChunkedColumn<double> m_steps;
    ChunkedColumn<float> m_epochs;
    ChunkedColumn<double> m_times;
    std::vector<Series> m_series;
    std::vector<std::int32_t> m_seriesOfKey;  // parser key id -> series, -1 unresolved
    double m_firstTime = std::numeric_limits<double>::quiet_NaN();
    double m_lastEpoch = std::numeric_limits<double>::quiet_NaN();  // carried forward
    double m_lastTime = std::numeric_limits<double>::quiet_NaN();
    bool m_stepsNonDecreasing = true;
};

}  // namespace tb
