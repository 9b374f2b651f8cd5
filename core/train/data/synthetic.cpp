// The synthetic dataset: noisy, shifted copies of one smooth random pattern per class.

#include <torch/types.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "readers.h"

namespace tb {
namespace {

// How hard the task is, measured on 28x28x1, 10 classes, 6000 samples, Adam 1e-3: a CNN
// [32, 64] reaches 99% validation accuracy in 3 epochs and an MLP (128) 99.8% in 5, while a
// linear model on raw pixels stalls near 94%: the shifts move a pattern by more than its fine
// detail, which only translation-tolerant or nonlinear models can absorb.
constexpr double kSharedWeight = 0.8;  // every prototype = shared pattern * this + own pattern
constexpr double kNoise = 1.0;         // Gaussian noise std, prototypes have std ~1
constexpr double kMinAmplitude = 0.6;  // each sample's pattern is scaled by [min, max)
constexpr double kMaxAmplitude = 1.4;

// Detail of the pattern (coarse grid cells along the shorter side: 9 for 28 pixels) and the
// largest shift (5 pixels for 28), both in proportion to the image so small images work.
int64_t gridCells(int64_t side) {
    return std::clamp<int64_t>(side / 3, 2, 12);
}
int64_t maxShiftFor(int64_t side) {
    return std::min<int64_t>(5, side / 5);
}

// A smooth random image: a coarse grid of normal values, bilinearly upsampled.
std::vector<float> smoothPattern(PortableRng& rng, int64_t height, int64_t width) {
    const int64_t grid = gridCells(std::min(height, width));
    std::vector<double> coarse(static_cast<size_t>(grid * grid));
    for (double& value : coarse) value = rng.normal();
    std::vector<float> image(static_cast<size_t>(height * width));
    for (int64_t y = 0; y < height; ++y) {
        const double gy = height > 1 ? double(y) * double(grid - 1) / double(height - 1) : 0;
        const int64_t y0 = std::min<int64_t>(static_cast<int64_t>(gy), grid - 2);
        const double fy = gy - double(y0);
        for (int64_t x = 0; x < width; ++x) {
            const double gx = width > 1 ? double(x) * double(grid - 1) / double(width - 1) : 0;
            const int64_t x0 = std::min<int64_t>(static_cast<int64_t>(gx), grid - 2);
            const double fx = gx - double(x0);
            const auto at = [&](int64_t r, int64_t c) { return coarse[r * grid + c]; };
            const double top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
            const double bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
            image[y * width + x] = static_cast<float>(top * (1 - fy) + bottom * fy);
        }
    }
    return image;
}

// prototypes[class][channel * H * W + y * W + x]; a feature vector is a 1x1xF "image" with
// independent values instead of a smooth one.
std::vector<std::vector<float>> makePrototypes(PortableRng& rng, int64_t classes, int64_t channels,
                                               int64_t height, int64_t width, bool smooth) {
    const int64_t plane = height * width;
    const auto pattern = [&]() {
        std::vector<float> values(static_cast<size_t>(channels * plane));
        for (int64_t c = 0; c < channels; ++c) {
            std::vector<float> one(static_cast<size_t>(plane));
            if (smooth) {
                one = smoothPattern(rng, height, width);
            } else {
                for (float& v : one) v = static_cast<float>(rng.normal());
            }
            std::copy(one.begin(), one.end(), values.begin() + c * plane);
        }
        return values;
    };
    const std::vector<float> shared = pattern();
    std::vector<std::vector<float>> prototypes;
    for (int64_t k = 0; k < classes; ++k) {
        std::vector<float> own = pattern();
        for (size_t i = 0; i < own.size(); ++i) own[i] += float(kSharedWeight) * shared[i];
        prototypes.push_back(std::move(own));
    }
    return prototypes;
}

}  // namespace

Result<RawDataset> readSynthetic(const SyntheticConfig& config, int64_t seed) {
    const std::vector<int64_t>& shape = config.shape;
    if (shape.size() != 1 && shape.size() != 3) {
        return fail(
            "data.synthetic.shape: expected [C, H, W] for images or [F] for features, "
            "got " +
            std::to_string(shape.size()) + " numbers");
    }
    for (int64_t dim : shape) {
        if (dim <= 0) return fail("data.synthetic.shape: every size must be at least 1");
    }
    if (config.classes < 2) return fail("data.synthetic.classes: need at least 2 classes");
    if (config.samples < 1) return fail("data.synthetic.samples: need at least 1 sample");

    const bool image = shape.size() == 3;
    const int64_t channels = image ? shape[0] : 1;
    const int64_t height = image ? shape[1] : 1;
    const int64_t width = image ? shape[2] : shape[0];
    const int64_t plane = height * width;
    const int64_t sampleSize = channels * plane;
    const int64_t maxShift = image ? maxShiftFor(std::min(height, width)) : 0;

    PortableRng rng(static_cast<uint64_t>(seed), /*stream=*/0);
    const auto prototypes = makePrototypes(rng, config.classes, channels, height, width, image);

    std::vector<int64_t> inputShape = shape;
    std::vector<int64_t> tensorShape = {config.samples};
    tensorShape.insert(tensorShape.end(), shape.begin(), shape.end());
    torch::Tensor inputs = torch::empty(tensorShape, torch::kFloat);
    torch::Tensor labels = torch::empty({config.samples}, torch::kLong);
    float* out = inputs.data_ptr<float>();
    int64_t* labelOut = labels.data_ptr<int64_t>();

    for (int64_t n = 0; n < config.samples; ++n) {
        const int64_t label = n % config.classes;  // balanced; the split shuffles anyway
        labelOut[n] = label;
        const std::vector<float>& proto = prototypes[static_cast<size_t>(label)];
        const int64_t span = 2 * maxShift + 1;
        const int64_t dy = static_cast<int64_t>(rng.below(uint64_t(span))) - maxShift;
        const int64_t dx = static_cast<int64_t>(rng.below(uint64_t(span))) - maxShift;
        const double amplitude = kMinAmplitude + (kMaxAmplitude - kMinAmplitude) * rng.uniform();
        float* sample = out + n * sampleSize;
        for (int64_t c = 0; c < channels; ++c) {
            for (int64_t y = 0; y < height; ++y) {
                // Edge clamping rather than zero fill: a zero border would mark the shift.
                const int64_t sy = std::clamp<int64_t>(y - dy, 0, height - 1);
                for (int64_t x = 0; x < width; ++x) {
                    const int64_t sx = std::clamp<int64_t>(x - dx, 0, width - 1);
                    const double value = amplitude * proto[c * plane + sy * width + sx];
                    sample[c * plane + y * width + x] =
                        static_cast<float>(value + kNoise * rng.normal());
                }
            }
        }
    }

    RawDataset raw;
    raw.train = {inputs, labels};
    raw.classes = config.classes;
    raw.inputShape = std::move(inputShape);
    return raw;
}

}  // namespace tb
