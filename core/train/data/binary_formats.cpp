// Header and record checks of MNIST IDX and CIFAR-10 files; see binary_formats.h.
#include "binary_formats.h"

#include <algorithm>
#include <cstdio>

namespace tb {
namespace {

std::string hex32(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08X", value);
    return text;
}

uint32_t bigEndian32(const uint8_t* bytes) {
    return (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) | (uint32_t(bytes[2]) << 8) |
           uint32_t(bytes[3]);
}

}  // namespace

Result<std::vector<int64_t>> checkIdxHeader(const uint8_t* data, int64_t size, uint32_t magic,
                                            size_t rank, const std::string& name,
                                            const char* what) {
    const int64_t headerSize = idxHeaderSize(rank);
    if (size < 4) {
        return fail(name + ": file is " + std::to_string(size) + " bytes, too short for an IDX " +
                    "header (truncated download?)");
    }
    if (data[0] == 0x1F && data[1] == 0x8B) {
        return fail(name + ": is gzip-compressed; decompress it first (gunzip)");
    }
    const uint32_t found = bigEndian32(data);
    if (found != magic) {
        return fail(name + ": wrong magic " + hex32(found) + ", expected " + hex32(magic) + " (" +
                    std::to_string(magic) + ") — not an MNIST " + what + " file");
    }
    if (size < headerSize) {
        return fail(name + ": file is " + std::to_string(size) + " bytes, too short for its " +
                    "header (truncated download?)");
    }
    std::vector<int64_t> dims;
    int64_t expected = 1;
    bool overflow = false;
    for (size_t d = 0; d < rank; ++d) {
        dims.push_back(bigEndian32(data + 4 + 4 * d));
        // Garbage dimensions can multiply past 64 bits; that file is wrong either way.
        if (dims.back() != 0 && expected > (int64_t(1) << 62) / dims.back()) overflow = true;
        expected *= overflow ? 1 : dims.back();
    }
    expected += headerSize;
    if (overflow) {
        return fail(name + ": file is " + std::to_string(size) + " bytes, header promises " +
                    "more than 2^62 (dimensions are garbage: not an IDX file?)");
    }
    if (size != expected) {
        const char* hint = size < expected ? " (truncated download?)" : " (trailing data?)";
        return fail(name + ": file is " + std::to_string(size) + " bytes, header promises " +
                    std::to_string(expected) + hint);
    }
    return dims;
}

Result<int64_t> checkCifarRecords(const uint8_t* data, int64_t size, const std::string& name) {
    constexpr int kClasses = 10;
    if (size <= 0 || size % kCifarRecordBytes != 0) {
        return fail(name + ": file is " + std::to_string(size) + " bytes, not a " +
                    "whole number of " + std::to_string(kCifarRecordBytes) +
                    "-byte CIFAR-10 records (truncated download, or the Python/Matlab version "
                    "instead of the binary one?)");
    }
    const int64_t records = size / kCifarRecordBytes;
    int maxLabel = 0;
    for (int64_t r = 0; r < records; ++r)
        maxLabel = std::max<int>(maxLabel, data[r * kCifarRecordBytes]);
    if (maxLabel >= kClasses) {
        return fail(name + ": label " + std::to_string(maxLabel) +
                    " is out of range, CIFAR-10 labels are 0..9 (CIFAR-100 is not supported)");
    }
    return records;
}

}  // namespace tb
