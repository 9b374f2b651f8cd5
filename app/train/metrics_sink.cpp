// Records appended to a script run's metrics.jsonl (see the header).
#include "metrics_sink.h"

namespace tb {

MetricsSink::MetricsSink(std::string path, std::function<void(const std::string&)> onFailure)
    : m_path(std::move(path)), m_onFailure(std::move(onFailure)) {
}

void MetricsSink::append(const std::vector<MetricRecord>& records) {
    for (const MetricRecord& record : records) {
        if (m_broken) return;
        Result<void> written;
        if (!m_open) written = m_writer.open(m_path);
        m_open = written.ok();
        if (written) written = m_writer.append(record);
        if (!written) {
            m_broken = true;
            m_onFailure(written.error());
        }
    }
}

}  // namespace tb
