#pragma once
// SHA-256, written for checkpoint integrity and parameter hashes. Std only.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "result.h"

namespace tb {

class Sha256 {
public:
    Sha256();
    void update(const void* data, size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    std::array<uint8_t, 32> digest();  // finishes; the object must not be updated after
    std::string hexDigest();

private:
    void compress(const uint8_t* block);
    std::array<uint32_t, 8> m_state;
    std::array<uint8_t, 64> m_buffer;
    size_t m_bufferSize = 0;
    uint64_t m_totalBytes = 0;
};

std::string sha256Hex(std::string_view data);
Result<std::string> sha256File(const std::string& path);

}  // namespace tb
