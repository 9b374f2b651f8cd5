#pragma once
// TbEventWriter: a TensorBoard event file the trainer writes beside metrics.jsonl
// (train.tensorboard), one event of scalars per metrics record. Std only: built on the box.

#include <string>

#include "metrics_writer.h"

namespace tb {

class TbEventWriter {
public:
    TbEventWriter() = default;
    ~TbEventWriter();
    TbEventWriter(const TbEventWriter&) = delete;
    TbEventWriter& operator=(const TbEventWriter&) = delete;

    // Creates `folder` when missing and in it events.out.tfevents.SECONDS.HOST.PID.0, which
    // starts with the file-version event TensorBoard expects.
    Result<void> open(const std::string& folder);
    // One event at the record's step and time with every value (written as 32-bit floats, as
    // TensorBoard's own writers do), in one write().
    Result<void> append(const MetricRecord& record);
    const std::string& path() const { return m_path; }

private:
    Result<void> write(const std::string& bytes);

    int m_fd = -1;
    std::string m_path;
};

}  // namespace tb
