// TensorBoard event files followed by byte offset (see the header).
#include "tb_follow.h"

#include <filesystem>
#include <fstream>

#include "tb_event.h"
#include "tfrecord.h"

namespace fs = std::filesystem;

namespace tb {
namespace {

// Per look at a file, at most this much is read; the rest comes at the next look.
constexpr size_t kReadChunk = 8u << 20;

double modifiedAt(const fs::path& path) {
    std::error_code error;
    const auto time = fs::last_write_time(path, error);
    if (error) return 0;
    // file_time_type's clock is not system_clock before C++20 and libstdc++ gives it another
    // epoch, so the time moves over by the distance between the two clocks' "now".
    const auto now = fs::file_time_type::clock::now();
    const auto system = std::chrono::system_clock::now() +
                        std::chrono::duration_cast<std::chrono::system_clock::duration>(time - now);
    return std::chrono::duration<double>(system.time_since_epoch()).count();
}

// The deepest folder holding both.
std::string commonFolder(const fs::path& a, const fs::path& b) {
    fs::path common;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j)
        common /= *i;
    return common.string();
}

bool isEventFile(const fs::directory_entry& entry) {
    std::error_code error;
    return entry.is_regular_file(error) &&
           entry.path().filename().string().find("tfevents") != std::string::npos;
}

// Appends the event's scalars to the last record when it has the same step (TensorBoard
// writes one event per value), else as a new record.
void addEvent(const TbEvent& event, const std::string& prefix, std::vector<MetricRecord>& out,
              size_t firstOfFile) {
    if (event.scalars.empty()) return;
    if (out.size() <= firstOfFile || out.back().step != event.step) {
        MetricRecord record;
        record.step = event.step;
        record.time = event.wallTime;
        record.hasEpoch = false;
        out.push_back(std::move(record));
    }
    for (const TbScalar& scalar : event.scalars)
        out.back().values.emplace_back(prefix + scalar.tag, scalar.value);
}

}  // namespace

TbEventFollower::TbEventFollower(std::vector<std::string> folders, double since, int depth)
    : m_folders(std::move(folders)), m_since(since), m_depth(depth) {
}

uint64_t TbEventFollower::bytesRead() const {
    uint64_t total = 0;
    for (const auto& entry : m_files) total += entry.second.offset;
    return total;
}

void TbEventFollower::discover() {
    for (const std::string& folder : m_folders) {
        std::error_code error;
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied,
                                            error);
        std::vector<fs::path> found;
        for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (it.depth() >= m_depth) it.disable_recursion_pending();
            // An entry that vanished since the listing is passed over, not the end of the walk.
            std::error_code linkError;
            if (it->is_symlink(linkError) || linkError) {
                it.disable_recursion_pending();  // a link may lead anywhere, or round in a loop
                continue;
            }
            if (isEventFile(*it) && !m_files.count(it->path().string()) &&
                (m_since <= 0 || modifiedAt(it->path()) >= m_since - 1))
                found.push_back(it->path());
        }
        // Sibling folders (Keras' train/ and validation/) hold the same tags: the base is the
        // folder above them all, not the first or shortest, so their keys stay apart.
        std::string& base = m_bases[folder];
        for (const fs::path& path : found)
            base =
                base.empty() ? path.parent_path().string() : commonFolder(base, path.parent_path());
        for (const fs::path& path : found) {
            if (m_files.size() >= kMaxFiles) return;
            File file;
            const fs::path below = path.parent_path().lexically_relative(base);
            if (!below.empty() && below != "." && *below.begin() != "..")
                file.prefix = below.generic_string() + "/";
            m_files.emplace(path.string(), std::move(file));
        }
    }
}

std::vector<MetricRecord> TbEventFollower::poll() {
    discover();
    std::vector<MetricRecord> out;
    for (auto& [path, file] : m_files) {
        if (!file.broken) readFile(path, file, out);
    }
    return out;
}

void TbEventFollower::readFile(const std::string& path, File& file,
                               std::vector<MetricRecord>& out) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) return;  // gone or unreadable for now; it may come back
    stream.seekg(static_cast<std::streamoff>(file.offset));
    std::string bytes = std::move(file.torn);
    const size_t kept = bytes.size();
    bytes.resize(kept + kReadChunk);
    stream.read(bytes.data() + kept, static_cast<std::streamsize>(kReadChunk));
    const auto got = static_cast<size_t>(stream.gcount());
    bytes.resize(kept + got);
    file.offset += got;
    const TfRecordScan scan = scanTfRecords(bytes);
    const size_t firstOfFile = out.size();
    const int skippedBefore = file.skipped;
    std::string firstError;
    for (const std::string_view record : scan.records) {
        auto event = decodeTbEvent(record);
        if (event) {
            addEvent(*event, file.prefix, out, firstOfFile);
        } else {
            ++file.skipped;
            if (firstError.empty()) firstError = event.error();
        }
    }
    file.skipped += scan.skipped;
    if (skippedBefore == 0 && file.skipped > 0) {
        if (firstError.empty()) firstError = "a record fails its checksum";
        m_notes.push_back(path + ": " + firstError + "; such records are left out");
    }
    if (!scan.error.empty()) {
        file.broken = true;
        m_notes.push_back(path + ": " + scan.error + "; the rest of this file is not read");
        return;
    }
    file.torn = bytes.substr(scan.consumed);
}

std::vector<std::string> TbEventFollower::takeNotes() {
    std::vector<std::string> notes;
    notes.swap(m_notes);
    return notes;
}

}  // namespace tb
