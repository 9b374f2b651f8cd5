#pragma once
// TensorBoard's Event records (the protobuf messages inside an event file's TFRecords),
// decoded and encoded straight from the wire format: only what curves need — wall time, step
// and scalar values, both `simple_value` and one-element tensors. Std only (the trainer
// writes these on boxes that have no protobuf library).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace tb {

struct TbScalar {
    std::string tag;  // e.g. "Loss/train"
    double value = 0;
};

struct TbEvent {
    double wallTime = 0;
    int64_t step = 0;
    std::string fileVersion;  // "brain.Event:2" in a file's first event
    std::vector<TbScalar> scalars;
};

// A tag longer than this is damage, not a name; such values are left out.
constexpr size_t kMaxTbTagBytes = 256;

// Fields this reader has no use for (graphs, images, histograms, text, unknown numbers) are
// skipped; bytes that are not protobuf are an error naming the offset.
Result<TbEvent> decodeTbEvent(std::string_view bytes);

// The first event of a file TensorBoard writes, and one event of scalars at `step`.
std::string encodeTbFileVersion(double wallTime);
std::string encodeTbScalars(double wallTime, int64_t step, const std::vector<TbScalar>& scalars);

}  // namespace tb
