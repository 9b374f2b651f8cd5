// Fuzz target: TensorBoard event files, as a box or a script leaves them: the TFRecord framing,
// then each record, and the raw input as well, as an Event protobuf. What decodes must encode
// and decode again to the same tags and step.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/protocol/tb_event.h"
#include "core/protocol/tfrecord.h"

namespace {

void decodeOne(std::string_view bytes) {
    auto event = tb::decodeTbEvent(bytes);
    if (!event) return;
    for (const tb::TbScalar& scalar : event->scalars)
        if (scalar.tag.empty() || scalar.tag.size() > tb::kMaxTbTagBytes) __builtin_trap();
    auto again =
        tb::decodeTbEvent(tb::encodeTbScalars(event->wallTime, event->step, event->scalars));
    if (!again || again->step != event->step || again->scalars.size() != event->scalars.size())
        __builtin_trap();
    for (size_t i = 0; i < event->scalars.size(); ++i)
        if (again->scalars[i].tag != event->scalars[i].tag) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const tb::TfRecordScan scan = tb::scanTfRecords(input);
    if (scan.consumed > input.size()) __builtin_trap();
    for (const std::string_view record : scan.records) {
        // Views into the input, inside what was consumed.
        if (record.data() < input.data() ||
            record.data() + record.size() > input.data() + scan.consumed)
            __builtin_trap();
        decodeOne(record);
    }
    decodeOne(input);
    return 0;
}
