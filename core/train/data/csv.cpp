// The CSV reader: parseCsv() (csv_table.cpp) turned into tensors.

#include <torch/types.h>

#include <fstream>
#include <string>

#include "csv_table.h"
#include "readers.h"

namespace tb {

Result<RawDataset> readCsv(const std::string& file, const std::string& labelColumn, bool header) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return fail(file + ": cannot open (does the file exist?)");
    Result<CsvTable> table = parseCsv(in, file, labelColumn, header);
    if (!table) return fail(table.error());
    const int64_t rows = static_cast<int64_t>(table->labels.size());
    RawDataset raw;
    raw.train.inputs =
        torch::from_blob(table->features.data(), {rows, table->width}, torch::kFloat).clone();
    raw.train.labels = torch::from_blob(table->labels.data(), {rows}, torch::kLong).clone();
    raw.classes = table->classes;
    raw.inputShape = {table->width};
    return raw;
}

}  // namespace tb
