// Fuzz target: the binary dataset files, MNIST IDX (images and labels) and CIFAR-10 batches,
// through the checks the readers make before the bytes become tensors. The first byte picks
// the format.
#include <cstddef>
#include <cstdint>

#include "core/train/data/binary_formats.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const uint8_t* file = data + 1;
    const int64_t bytes = int64_t(size - 1);
    switch (data[0] % 3) {
        case 0: {
            const auto dims = tb::checkIdxHeader(file, bytes, 2051, 3, "images", "image");
            // The reader views the payload as dims[0] x 1 x dims[1] x dims[2]: it must fit.
            if (dims && (*dims)[0] * (*dims)[1] * (*dims)[2] != bytes - tb::idxHeaderSize(3))
                __builtin_trap();
            break;
        }
        case 1: {
            const auto dims = tb::checkIdxHeader(file, bytes, 2049, 1, "labels", "label");
            if (dims && (*dims)[0] != bytes - tb::idxHeaderSize(1)) __builtin_trap();
            break;
        }
        default: {
            const auto records = tb::checkCifarRecords(file, bytes, "data_batch_1.bin");
            if (records && *records * tb::kCifarRecordBytes != bytes) __builtin_trap();
            break;
        }
    }
    return 0;
}
