// TensorBoard event file writer (see the header).
#include "tb_event_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "run_layout.h"
#include "tb_event.h"
#include "tfrecord.h"

namespace tb {

TbEventWriter::~TbEventWriter() {
    if (m_fd >= 0) ::close(m_fd);
}

Result<void> TbEventWriter::open(const std::string& folder) {
    if (m_fd >= 0) ::close(m_fd);  // opened again: the earlier file is done
    m_fd = -1;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error)
        return fail("cannot create the TensorBoard folder " + folder + ": " + error.message());
    char host[256] = "host";
    ::gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    const double now = unixNow();
    m_path = folder + "/events.out.tfevents." + std::to_string(static_cast<long long>(now)) + "." +
             host + "." + std::to_string(::getpid()) + ".0";
    m_fd = ::open(m_path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0666);
    if (m_fd < 0) return fail("cannot create " + m_path + ": " + std::strerror(errno));
    return write(frameTfRecord(encodeTbFileVersion(now)));
}

Result<void> TbEventWriter::append(const MetricRecord& record) {
    std::vector<TbScalar> scalars;
    scalars.reserve(record.values.size());
    for (const auto& [key, value] : record.values) scalars.push_back({key, value});
    return write(frameTfRecord(encodeTbScalars(record.time, record.step, scalars)));
}

Result<void> TbEventWriter::write(const std::string& bytes) {
    if (m_fd < 0) return fail("no TensorBoard event file is open");
    return writeWhole(m_fd, m_path, bytes);
}

}  // namespace tb
