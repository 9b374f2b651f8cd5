#pragma once
// TFRecord framing, the container of TensorBoard event files: each record is
//   uint64 length (little endian) · uint32 masked CRC-32C of those 8 bytes ·
//   data · uint32 masked CRC-32C of the data.
// Std only: the trainer writes it on the box, the app reads what boxes and scripts wrote.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tb {

// CRC-32C (Castagnoli), as TFRecord uses it; `crc` continues an earlier one.
uint32_t crc32c(std::string_view bytes, uint32_t crc = 0);
// TFRecord's masking of a stored CRC (rotate right by 15, add a constant).
uint32_t maskCrc(uint32_t crc);

// One framed record holding `data`.
std::string frameTfRecord(std::string_view data);

// A record bigger than this is taken as damage, not allocated: event files hold small records.
constexpr uint64_t kMaxTfRecordBytes = 16u << 20;

// What one pass over a file's unread bytes found.
struct TfRecordScan {
    std::vector<std::string_view> records;  // views into the scanned bytes
    size_t consumed = 0;  // bytes of whole records; the rest (a torn record) waits for more
    int skipped = 0;      // records whose data checksum failed; they are left out
    // Non-empty: the framing itself is broken at `consumed` (a length that fails its checksum
    // or is out of bounds); nothing after it can be trusted.
    std::string error;
};

TfRecordScan scanTfRecords(std::string_view bytes);

}  // namespace tb
