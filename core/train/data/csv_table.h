#pragma once
// The CSV parser behind readCsv(), without LibTorch: text in, features and class indices out.
// Std only, so the fuzz target can build it without a sanitized LibTorch.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/protocol/result.h"

namespace tb {

// A line is one sample; longer than this it is not a CSV file we can use (binary data, or
// samples run together), and reading it whole would cost memory out of all proportion.
constexpr size_t kMaxCsvLineBytes = size_t(1) << 20;

struct CsvTable {
    std::vector<float> features;  // rows x width, row-major, as written
    std::vector<int64_t> labels;  // one class index per row
    int64_t width = 0;            // feature columns (all columns but the label)
    int64_t classes = 0;
};

// Reads `in` to its end. `file` names the file in errors ("FILE:LINE:COLUMN: ...");
// `labelColumn` is a header name or a 0-based index, empty for the last column.
Result<CsvTable> parseCsv(std::istream& in, const std::string& file, const std::string& labelColumn,
                          bool header);

}  // namespace tb
