// Fuzz target: a CSV dataset file as the trainer reads it (data.kind csv). The first byte picks
// the header setting and the label column; the rest is the file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "core/train/data/csv_table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool header = data[0] & 1;
    static const char* const labels[] = {"", "0", "1", "label", "b", "99999999999999999999"};
    const std::string label = labels[(data[0] >> 1) % 6];
    std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
    const tb::Result<tb::CsvTable> table = tb::parseCsv(in, "fuzz.csv", label, header);
    if (table) {
        // What readCsv() hands LibTorch must agree with itself.
        const size_t rows = table->labels.size();
        if (table->width < 1 || table->features.size() != rows * size_t(table->width))
            __builtin_trap();
        for (int64_t classIndex : table->labels) {
            if (classIndex < 0 || classIndex >= table->classes) __builtin_trap();
        }
    }
    return 0;
}
