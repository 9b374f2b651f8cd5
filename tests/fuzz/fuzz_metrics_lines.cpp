// Fuzz target: metrics.jsonl bytes (from a box, a run folder) through MetricsParser, in one piece
// and split at a point the input chooses, as a stream arrives.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/metrics/metrics_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    tb::MetricsParser whole;
    tb::MetricsBatch batch;
    (void)whole.parse(bytes, batch);
    tb::MetricsParser streamed;
    tb::MetricsBatch first;
    const std::size_t cut = size == 0 ? 0 : data[0] % (size + 1);
    const tb::ParseResult head = streamed.parse(bytes.substr(0, cut), first);
    (void)streamed.parse(bytes.substr(head.bytesConsumed), first);
    return 0;
}
