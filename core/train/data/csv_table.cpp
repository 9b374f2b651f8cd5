// The CSV parser: one label column, numeric feature columns, one sample per line.
#include "csv_table.h"

#include <charconv>
#include <cmath>
#include <map>
#include <string>
#include <string_view>

#include "core/protocol/number_text.h"

namespace tb {
namespace {

// Labels this large are more likely a regression target than class indices.
constexpr int64_t kMaxClassIndex = 100000;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) {
        text.remove_suffix(1);
    }
    return text;
}

// Splits on commas. Double-quoted fields may hold commas and "" for a quote (RFC 4180), but
// not line breaks: a line is a sample, which keeps file:line in errors true.
bool splitFields(std::string_view line, std::vector<std::string>& fields) {
    fields.clear();
    std::string field;
    bool quoted = false;
    bool wasQuoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && trim(field).empty()) {
            quoted = wasQuoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(wasQuoted ? field : std::string(trim(field)));
            field.clear();
            wasQuoted = false;
        } else if (!wasQuoted || (c != ' ' && c != '\t' && c != '\r')) {
            field += c;
        }
    }
    fields.push_back(wasQuoted ? field : std::string(trim(field)));
    return !quoted;
}

bool parseNumber(std::string_view text, float& out) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, error] = parseDouble(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return false;
    }
    out = static_cast<float>(value);
    return true;
}

bool parseInteger(std::string_view text, int64_t& out) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool allDigits(const std::string& text) {
    return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// Which column holds the label: a header name first, else a 0-based index; empty = last.
Result<size_t> labelIndex(const std::string& file, const std::string& label, bool header,
                          const std::vector<std::string>& names, size_t columns) {
    if (label.empty()) return columns - 1;
    if (header) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i] == label) return i;
        }
    }
    if (allDigits(label)) {
        size_t index = 0;
        const auto [end, error] = std::from_chars(label.data(), label.data() + label.size(), index);
        if (error == std::errc() && index < columns) return index;
        return fail(file + ": label column " + label + " is out of range, the file has " +
                    std::to_string(columns) + " columns (indices start at 0)");
    }
    if (!header) {
        return fail(file + ": label column '" + label +
                    "' is a name but data.header is false; "
                    "set header: true or give a 0-based column index");
    }
    std::string list;
    for (const std::string& name : names) list += (list.empty() ? "" : ", ") + name;
    return fail(file + ": no column named '" + label + "' in the header (columns: " + list + ")");
}

// Class indices for the distinct label texts: non-negative integers are used as they are;
// anything else (negative numbers, names) is numbered in sorted order.
Result<std::vector<int64_t>> classIndices(const std::string& file,
                                          const std::vector<std::string>& distinct,
                                          int64_t& classes) {
    std::vector<int64_t> values(distinct.size());
    bool integers = true;
    for (size_t i = 0; i < distinct.size() && integers; ++i) {
        integers = parseInteger(distinct[i], values[i]);
    }
    std::map<int64_t, int64_t> rank;
    if (integers) {
        for (int64_t v : values) rank.emplace(v, 0);
        if (rank.begin()->first >= 0) {
            // Compared before adding one: INT64_MAX + 1 overflowed and slipped past the check.
            const int64_t largest = rank.rbegin()->first;
            if (largest >= kMaxClassIndex) {
                return fail(file + ": label " + std::to_string(largest) + " is too large " +
                            "for a class index (labels must be classes, not regression targets)");
            }
            classes = largest + 1;
            return values;
        }
        int64_t next = 0;
        for (auto& [value, index] : rank) index = next++;
        for (int64_t& v : values) v = rank[v];
    } else {
        std::map<std::string, int64_t> order;
        for (const std::string& text : distinct) order.emplace(text, 0);
        int64_t next = 0;
        for (auto& [text, index] : order) index = next++;
        for (size_t i = 0; i < distinct.size(); ++i) values[i] = order[distinct[i]];
    }
    classes = static_cast<int64_t>(distinct.size());
    return values;
}

enum class LineRead { Line, End, TooLong };

// One line without its '\n', read a character at a time so that no more than
// kMaxCsvLineBytes of it is ever held (std::getline would take a 20 MB line whole).
LineRead readLine(std::streambuf& in, std::string& line) {
    line.clear();
    for (;;) {
        const int c = in.sbumpc();
        if (c == std::char_traits<char>::eof())
            return line.empty() ? LineRead::End : LineRead::Line;
        if (c == '\n') return LineRead::Line;
        if (line.size() == kMaxCsvLineBytes) return LineRead::TooLong;
        line.push_back(static_cast<char>(c));
    }
}

std::string tooLongMessage(const std::string& where) {
    return where + ": line is longer than 1 MiB (" + std::to_string(kMaxCsvLineBytes) +
           " bytes); a CSV file holds one sample per line, so this is not one: check that it is "
           "text with a line break after each sample (not binary data, nor old Mac '\\r' line "
           "ends)";
}

}  // namespace

Result<CsvTable> parseCsv(std::istream& in, const std::string& file, const std::string& labelColumn,
                          bool header) {
    std::streambuf* buffer = in.rdbuf();
    if (!buffer) return fail(file + ": cannot read");
    std::vector<std::string> fields;
    std::vector<std::string> names;
    size_t columns = 0;
    size_t label = 0;
    CsvTable table;
    std::vector<int64_t> labelIds;  // index into `distinct`, remapped to classes at the end
    std::vector<std::string> distinct;
    std::map<std::string, int64_t, std::less<>> seen;

    std::string line;
    int64_t lineNo = 0;
    int64_t firstLineNo = 0;  // the line that fixed the column count
    for (;;) {
        const LineRead read = readLine(*buffer, line);
        if (read == LineRead::End) break;
        ++lineNo;
        const auto where = [&] { return file + ":" + std::to_string(lineNo); };
        if (read == LineRead::TooLong) return fail(tooLongMessage(where()));
        if (lineNo == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // Excel's
        if (trim(line).empty()) continue;
        if (!splitFields(line, fields)) return fail(where() + ": unterminated quoted field");
        if (columns == 0) {
            columns = fields.size();
            firstLineNo = lineNo;
            if (columns < 2) {
                return fail(where() +
                            ": one column only; expected comma-separated features and a "
                            "label (semicolon or tab separators are not supported)");
            }
            if (header) names = fields;
            Result<size_t> index = labelIndex(file, labelColumn, header, names, columns);
            if (!index) return fail(index.error());
            label = *index;
            if (header) continue;
        }
        if (fields.size() != columns) {
            return fail(where() + ": " + std::to_string(fields.size()) + " columns, expected " +
                        std::to_string(columns) + " as in line " + std::to_string(firstLineNo));
        }
        for (size_t c = 0; c < columns; ++c) {
            // Built only for an error: a cell's text per cell was most of the reading time.
            const auto cell = [&] { return where() + ":" + std::to_string(c + 1); };
            const auto named = [&] { return header ? " (column '" + names[c] + "')" : ""; };
            if (c == label) {
                if (fields[c].empty()) return fail(cell() + ": empty label" + named());
                auto [it, added] = seen.try_emplace(fields[c], int64_t(distinct.size()));
                if (added) distinct.push_back(fields[c]);
                labelIds.push_back(it->second);
                continue;
            }
            float value = 0;
            if (!parseNumber(fields[c], value)) {
                return fail(cell() + ": '" + fields[c] + "' is not a number" + named() +
                            "; feature columns must be numeric and finite");
            }
            table.features.push_back(value);
        }
    }
    if (columns == 0) {
        return fail(file + ": empty file (expected " +
                    std::string(header ? "a header line and " : "") + "one sample per line)");
    }
    if (labelIds.empty()) return fail(file + ": a header line but no data rows");

    Result<std::vector<int64_t>> toClass = classIndices(file, distinct, table.classes);
    if (!toClass) return fail(toClass.error());
    table.labels.reserve(labelIds.size());
    for (int64_t id : labelIds) table.labels.push_back((*toClass)[size_t(id)]);
    table.width = static_cast<int64_t>(columns) - 1;
    return table;
}

}  // namespace tb
