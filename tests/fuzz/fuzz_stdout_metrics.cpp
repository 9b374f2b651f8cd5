// Fuzz target: a script's output lines through the metrics filter. The first line is the
// pattern (a user's, so kept short), the rest are output lines of any length.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/protocol/stdout_metrics.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::size_t newline = input.find('\n');
    if (newline == std::string_view::npos || newline > 80) return 0;
    auto filter = tb::StdoutMetrics::create(input.substr(0, newline));
    if (!filter) return 0;
    std::string_view rest = input.substr(newline + 1);
    while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        (void)filter->matchLine(rest.substr(0, end), 1.0);
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
    (void)tb::parseMetricNumber(input);
    return 0;
}
