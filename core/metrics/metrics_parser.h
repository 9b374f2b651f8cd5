// MetricsParser: turns metrics.jsonl bytes into step-indexed records of numeric series.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tb {

// One parsed field: an interned key id (see MetricsParser::keyName) and its value.
struct MetricsField {
    std::uint32_t key;
    double value;
};

// Records in flat arrays, so a 1 MiB chunk of lines costs a few allocations, not one per line.
struct MetricsBatch {
    std::vector<double> steps;  // one per record
    std::vector<std::uint32_t> fieldBegin{
        0};                            // record r owns fields [fieldBegin[r], fieldBegin[r+1])
    std::vector<MetricsField> fields;  // every numeric key except "step"

    std::size_t recordCount() const { return steps.size(); }
    // The value of field `key` in record `record`, or `fallback` when the record has none.
    double value(std::size_t record, std::uint32_t key, double fallback) const;
    void clear();
};

struct ParseResult {
    std::size_t bytesConsumed = 0;  // up to and including the last '\n'; the rest is a partial line
    std::size_t records = 0;
    std::size_t malformedLines = 0;
};

class MetricsParser {
public:
    // simdjson reads up to this many bytes past a line; parseInPlace callers must provide them.
    static const std::size_t kPadding;
    // A run folder is written by whatever ran there: a record with 50 000 distinct keys once
    // took the app from 50 MB to 1.8 GB. Past these, fields are dropped and counted.
    static constexpr std::size_t kMaxKeys = 1024;            // distinct keys of one run
    static constexpr std::size_t kMaxKeyLength = 200;        // bytes of one key
    static constexpr std::size_t kMaxFieldsPerRecord = 256;  // numeric fields of one line

    MetricsParser();
    ~MetricsParser();
    MetricsParser(const MetricsParser&) = delete;
    MetricsParser& operator=(const MetricsParser&) = delete;

    // Parses every complete line of `bytes` and appends the records to `out`.
    [[nodiscard]] ParseResult parse(std::string_view bytes, MetricsBatch& out);
    // Same without a copy: data[size, size + kPadding) must be readable (its content is ignored).
    [[nodiscard]] ParseResult parseInPlace(const char* data, std::size_t size, MetricsBatch& out);

    static constexpr std::uint32_t kNoKey = 0xffffffffu;

    std::size_t keyCount() const { return m_keyNames.size(); }
    // The id of a key seen so far, kNoKey for one never seen.
    std::uint32_t keyId(std::string_view name) const;
    const std::string& keyName(std::uint32_t id) const { return m_keyNames[id]; }
    const std::vector<std::string>& keyNames() const { return m_keyNames; }
    std::size_t totalMalformedLines() const { return m_totalMalformed; }
    // Fields left out by the caps above.
    std::size_t droppedFields() const { return m_droppedFields; }

private:
    bool parseLine(const char* line, std::size_t length, bool lenient, MetricsBatch& out);
    bool parseLineLeniently(const char* line, std::size_t length, MetricsBatch& out);
    // kNoKey when the key is over a cap.
    std::uint32_t internKey(std::string_view name, std::size_t position);

    struct Impl;  // keeps simdjson.h (a large header) out of every includer
    std::unique_ptr<Impl> m_impl;
    std::vector<std::string> m_keyNames;
    std::unordered_map<std::string, std::uint32_t> m_ids;
    // Lines usually repeat the same keys in the same order: remembering the id seen at each
    // position turns interning into one string compare.
    std::vector<std::uint32_t> m_idAtPosition;
    std::vector<char> m_copy;     // padded copy for parse(string_view)
    std::vector<char> m_rewrite;  // padded line with number-like tokens quoted
    std::size_t m_totalMalformed = 0;
    std::size_t m_droppedFields = 0;
};

}  // namespace tb
