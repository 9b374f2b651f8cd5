#pragma once
// Chooses the torch device from train.device: auto | cpu | cuda | cuda:N.

#include <torch/types.h>

#include <string>

#include "core/protocol/result.h"

namespace tb {

Result<torch::Device> chooseDevice(const std::string& name);

}  // namespace tb
