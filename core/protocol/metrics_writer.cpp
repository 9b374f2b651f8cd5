// metrics.jsonl appender: one write() per record so concurrent readers see whole lines.

#include "metrics_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "json.h"

namespace tb {

std::string MetricRecord::toJsonLine() const {
    JsonObject object;
    object.add("step", step);
    if (hasEpoch) object.add("epoch", epoch);
    object.add("time", time);
    for (const auto& [key, value] : values) {
        // The record's own fields own these keys; a duplicate key would make readers disagree.
        if (key == "step" || key == "epoch" || key == "time") continue;
        object.add(key, value);
    }
    return object.str() + "\n";
}

MetricsWriter::~MetricsWriter() {
    close();
}

Result<void> MetricsWriter::open(const std::string& path) {
    close();
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return fail("cannot open " + path + " for appending: " + std::strerror(errno));
    m_fd = fd;
    m_path = path;
    return {};
}

Result<void> MetricsWriter::append(const MetricRecord& record) {
    if (m_fd < 0) return fail("cannot append metrics: no metrics file is open");
    return writeWhole(m_fd, m_path, record.toJsonLine());
}

Result<void> writeWhole(int fd, const std::string& path, std::string_view bytes) {
    // One write() normally carries it all; the loop only matters when the kernel cuts it
    // short (signal, disk nearly full), and then the rest still follows in order.
    const char* data = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail("cannot write " + path + ": " + std::strerror(errno));
        }
        data += n;
        left -= static_cast<size_t>(n);
    }
    return {};
}

void MetricsWriter::close() {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = -1;
}

}  // namespace tb
