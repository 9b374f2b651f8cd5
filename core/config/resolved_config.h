#pragma once
// The resolved config: every schema key with its final value in a trivial line format of our
// own, so the trainer on a remote box starts without yaml-cpp. Std only.
//
//   # trainbench resolved config 1
//   name = "demo"
//   optim.lr = 0.001
//   data.synthetic.shape = [1, 28, 28]

#include <string>
#include <string_view>

#include "core/protocol/result.h"
#include "schema.h"

namespace tb {

constexpr std::string_view kResolvedConfigHeader = "# trainbench resolved config 1";

bool looksLikeResolvedConfig(std::string_view text);
std::string writeResolvedConfig(const ConfigValues& values);
// Checks every value against the schema; errors name `fileName`, the line and the key.
Result<ConfigValues> readResolvedConfig(std::string_view text, const std::string& fileName);

}  // namespace tb
