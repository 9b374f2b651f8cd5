#pragma once
// "key.path=value" assignments (--set, --device, --threads) applied to ConfigValues. Std only,
// so the trainer takes them on a box without yaml-cpp.

#include <string>
#include <string_view>

#include "schema.h"

namespace tb {

// Returns "" and stores the canonical value, or a message naming the key and the problem.
std::string applyAssignment(ConfigValues& values, std::string_view assignment);

}  // namespace tb
