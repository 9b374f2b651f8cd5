// Device selection with a clear message when CUDA is asked for but absent.
#include "device.h"

#include <torch/cuda.h>

namespace tb {

Result<torch::Device> chooseDevice(const std::string& name) {
    const bool cuda = torch::cuda::is_available();
    if (name.empty() || name == "auto") return cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    if (name == "cpu") return torch::Device(torch::kCPU);
    if (name.rfind("cuda", 0) != 0) {
        return fail("train.device '" + name + "' is not one of auto, cpu, cuda, cuda:N");
    }
    if (!cuda) {
        return fail("train.device is '" + name +
                    "' but no CUDA GPU is usable here (this LibTorch was built without CUDA, or no "
                    "GPU is visible); use device: auto or cpu");
    }
    try {
        torch::Device device(name);
        if (device.has_index() && device.index() >= static_cast<int>(torch::cuda::device_count())) {
            return fail("train.device '" + name + "': only " +
                        std::to_string(torch::cuda::device_count()) + " GPU(s) visible");
        }
        return device;
    } catch (const std::exception&) {
        return fail("train.device '" + name + "' is not a valid device (use cuda or cuda:N)");
    }
}

}  // namespace tb
