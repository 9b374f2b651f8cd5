#pragma once
// How large a config may be. A training config is a few kilobytes; configs also come back from
// boxes (a resume reads the box's config.yaml and config.resolved), so the parsers refuse text
// far past any real config before YAML or the resolved reader build anything from it.

#include <cstddef>
#include <string>

#include "config_text.h"
#include "message_text.h"

namespace tb {

inline constexpr std::size_t kMaxConfigBytes = std::size_t(1) << 20;

// The error for a config of `bytes`: names the file and what to do.
inline std::string configTooLarge(const std::string& fileName, std::size_t bytes) {
    return fillText(config_text::kConfigTooLarge, {fileName, std::to_string(bytes / 1024)});
}

}  // namespace tb
