// TFRecord framing and CRC-32C (see the header).
#include "tfrecord.h"

#include <array>
#include <cstring>

namespace tb {
namespace {

// The reflected Castagnoli polynomial.
constexpr uint32_t kPolynomial = 0x82F63B78u;
constexpr uint32_t kMaskDelta = 0xA282EAD8u;

std::array<uint32_t, 256> makeTable() {
    std::array<uint32_t, 256> table{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t value = i;
        for (int bit = 0; bit < 8; ++bit) value = (value >> 1) ^ ((value & 1u) ? kPolynomial : 0);
        table[i] = value;
    }
    return table;
}

uint64_t readLittle64(const char* data) {
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(data[i]);
    return value;
}

uint32_t readLittle32(const char* data) {
    uint32_t value = 0;
    for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(data[i]);
    return value;
}

void appendLittle(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

}  // namespace

uint32_t crc32c(std::string_view bytes, uint32_t crc) {
    static const std::array<uint32_t, 256> table = makeTable();
    crc = ~crc;
    for (const char byte : bytes)
        crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

uint32_t maskCrc(uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + kMaskDelta;
}

std::string frameTfRecord(std::string_view data) {
    std::string out;
    out.reserve(data.size() + 16);
    appendLittle(out, data.size(), 8);
    appendLittle(out, maskCrc(crc32c(std::string_view(out.data(), 8))), 4);
    out.append(data);
    appendLittle(out, maskCrc(crc32c(data)), 4);
    return out;
}

TfRecordScan scanTfRecords(std::string_view bytes) {
    TfRecordScan scan;
    constexpr size_t kHeader = 12;
    constexpr size_t kFooter = 4;
    while (bytes.size() - scan.consumed >= kHeader) {
        const char* at = bytes.data() + scan.consumed;
        const uint64_t length = readLittle64(at);
        if (maskCrc(crc32c(std::string_view(at, 8))) != readLittle32(at + 8)) {
            scan.error =
                "a record length fails its checksum at byte " + std::to_string(scan.consumed);
            return scan;
        }
        if (length > kMaxTfRecordBytes) {
            scan.error = "a record of " + std::to_string(length) + " bytes at byte " +
                         std::to_string(scan.consumed) + " is over the " +
                         std::to_string(kMaxTfRecordBytes >> 20) + " MiB bound";
            return scan;
        }
        const size_t whole = kHeader + static_cast<size_t>(length) + kFooter;
        if (bytes.size() - scan.consumed < whole) break;  // torn: the writer is not done
        const std::string_view data(at + kHeader, static_cast<size_t>(length));
        if (maskCrc(crc32c(data)) == readLittle32(at + kHeader + length))
            scan.records.push_back(data);
        else
            ++scan.skipped;
        scan.consumed += whole;
    }
    return scan;
}

}  // namespace tb
