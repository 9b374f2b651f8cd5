// LiveWriters: one thread per run appending metrics.jsonl lines at a fixed rate, like a trainer.
#pragma once

#include <QString>
#include <QStringList>

#include <atomic>
#include <thread>
#include <vector>

namespace tb {

// Each line carries the wall-clock time it was written in "time" (the run format's own wall
// clock field, which a trainer fills the same way), so a reader can tell its age.
class LiveWriters {
public:
    LiveWriters(QStringList metricsFiles, int linesPerSecond);
    ~LiveWriters();  // stops

    void start();
    void stop();
    long long linesWritten() const { return m_lines.load(); }

private:
    void writeRun(int run);

    QStringList m_files;
    int m_linesPerSecond;
    std::atomic<bool> m_stop{false};
    std::atomic<long long> m_lines{0};
    std::vector<std::thread> m_threads;
};

}  // namespace tb
