#pragma once
// TbEventFollower: TensorBoard event files under some folders, followed by byte offset the way
// metrics.jsonl is — what was appended since the last look, a torn last record left for the
// next one — with their scalars turned into metrics records. Std only: it runs on the box
// (trainbench-train --metrics-from-tensorboard) and in the app (trainbench import-tb).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "metrics_writer.h"

namespace tb {

class TbEventFollower {
public:
    // Each folder is searched to a depth of 4 for files whose name holds "tfevents", modified
    // at `since` (Unix seconds) or later; 0 takes every file. A file in a subfolder of the
    // deepest folder holding them all (what SummaryWriter.add_scalars makes, or Keras' train/
    // and validation/) names its values "SUBFOLDER/tag"; files in that folder use the tags as
    // they are.
    // `depth` below the folders is searched (0: the folders themselves only).
    explicit TbEventFollower(std::vector<std::string> folders, double since = 0,
                             int depth = kMaxDepth);

    // What the files gained since the last call, in file order, one record per step run.
    std::vector<MetricRecord> poll();
    // Damage found since the last call ("FILE: what; what follows from it"), once per kind
    // and file.
    std::vector<std::string> takeNotes();
    size_t fileCount() const { return m_files.size(); }
    uint64_t bytesRead() const;

    static constexpr size_t kMaxFiles = 256;
    static constexpr int kMaxDepth = 4;

private:
    struct File {
        std::string prefix;   // "" or "SUBFOLDER/"
        uint64_t offset = 0;  // bytes read so far
        std::string torn;     // the start of a record not yet whole
        bool broken = false;  // its framing failed: nothing after it is read
        int skipped = 0;      // records left out (checksum, not an event)
    };

    void discover();
    void readFile(const std::string& path, File& file, std::vector<MetricRecord>& out);

    std::vector<std::string> m_folders;
    std::map<std::string, std::string> m_bases;  // folder -> the deepest above its event files
    double m_since = 0;
    int m_depth = kMaxDepth;
    std::map<std::string, File> m_files;  // by path
    std::vector<std::string> m_notes;
};

}  // namespace tb
