#pragma once
// Header and record checks of the binary dataset formats (MNIST IDX, CIFAR-10) on bytes in
// memory. Std only: the readers wrap the bytes in tensors once these checks pass, and the fuzz
// target builds them without a sanitized LibTorch.

#include <cstdint>
#include <string>
#include <vector>

#include "core/protocol/result.h"

namespace tb {

// The dimensions of an IDX file whose magic is `magic` with `rank` dimensions, checked against
// the file's own size; `name` and `what` ("image", "label") go into errors.
Result<std::vector<int64_t>> checkIdxHeader(const uint8_t* data, int64_t size, uint32_t magic,
                                            size_t rank, const std::string& name, const char* what);
inline int64_t idxHeaderSize(size_t rank) {
    return 4 + 4 * int64_t(rank);
}

constexpr int64_t kCifarRecordBytes = 1 + 3 * 32 * 32;  // label byte, then R, G, B planes

// The number of CIFAR-10 records in a batch file: a whole number of them, labels 0..9.
Result<int64_t> checkCifarRecords(const uint8_t* data, int64_t size, const std::string& name);

}  // namespace tb
