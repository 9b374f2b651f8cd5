// Model builders: an MLP on flattened input, a conv/pool CNN, and a ResNet of basic blocks.
#include "models.h"

#include <torch/torch.h>

#include <string>

namespace tb {
namespace {

namespace nn = torch::nn;

int64_t product(const std::vector<int64_t>& shape) {
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    return n;
}

class Mlp : public Classifier {
public:
    Mlp(const ModelConfig& config, int64_t inputs, int64_t classes) : m_dropout(config.dropout) {
        int64_t width = inputs;
        for (size_t i = 0; i < config.hidden.size(); ++i) {
            m_layers.push_back(register_module("fc" + std::to_string(i),
                                               nn::Linear(width, config.hidden[i])));
            width = config.hidden[i];
        }
        m_head = register_module("head", nn::Linear(width, classes));
    }

    torch::Tensor forward(torch::Tensor x) override {
        x = x.flatten(1);
        for (auto& layer : m_layers) {
            x = torch::relu(layer->forward(x));
            if (m_dropout > 0) x = torch::dropout(x, m_dropout, is_training());
        }
        return m_head->forward(x);
    }

private:
    std::vector<nn::Linear> m_layers;
    nn::Linear m_head{nullptr};
    double m_dropout;
};

// conv3x3 + ReLU + 2x2 max-pool per entry of model.channels, then a small dense head.
class Cnn : public Classifier {
public:
    Cnn(const ModelConfig& config, const std::vector<int64_t>& shape, int64_t classes)
        : m_dropout(config.dropout) {
        int64_t channels = shape[0], height = shape[1], width = shape[2];
        for (size_t i = 0; i < config.channels.size(); ++i) {
            auto options = nn::Conv2dOptions(channels, config.channels[i], 3).padding(1);
            m_convs.push_back(register_module("conv" + std::to_string(i), nn::Conv2d(options)));
            channels = config.channels[i];
            height = std::max<int64_t>(1, height / 2);
            width = std::max<int64_t>(1, width / 2);
        }
        const int64_t hidden = config.hidden.empty() ? 128 : config.hidden.back();
        m_fc = register_module("fc", nn::Linear(channels * height * width, hidden));
        m_head = register_module("head", nn::Linear(hidden, classes));
    }

    torch::Tensor forward(torch::Tensor x) override {
        for (auto& conv : m_convs) {
            x = conv->forward(x);
            // Pooling stops shrinking once a side reaches 1 (tiny inputs). Pooling before the
            // ReLU gives the same values (ReLU is monotonic) on a quarter of the elements.
            if (x.size(2) > 1 && x.size(3) > 1) x = torch::max_pool2d(x, 2);
            x = torch::relu(x);
        }
        x = torch::relu(m_fc->forward(x.flatten(1)));
        if (m_dropout > 0) x = torch::dropout(x, m_dropout, is_training());
        return m_head->forward(x);
    }

private:
    std::vector<nn::Conv2d> m_convs;
    nn::Linear m_fc{nullptr};
    nn::Linear m_head{nullptr};
    double m_dropout;
};

class BasicBlock : public nn::Module {
public:
    BasicBlock(int64_t in, int64_t out, int64_t stride) {
        m_conv1 = register_module(
            "conv1", nn::Conv2d(nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
        m_bn1 = register_module("bn1", nn::BatchNorm2d(out));
        m_conv2 = register_module(
            "conv2", nn::Conv2d(nn::Conv2dOptions(out, out, 3).padding(1).bias(false)));
        m_bn2 = register_module("bn2", nn::BatchNorm2d(out));
        if (stride != 1 || in != out) {
            m_shortcut = register_module(
                "shortcut", nn::Conv2d(nn::Conv2dOptions(in, out, 1).stride(stride).bias(false)));
            m_shortcutBn = register_module("shortcut_bn", nn::BatchNorm2d(out));
        }
    }

    torch::Tensor forward(const torch::Tensor& x) {
        auto y = torch::relu(m_bn1->forward(m_conv1->forward(x)));
        y = m_bn2->forward(m_conv2->forward(y));
        auto skip = m_shortcut ? m_shortcutBn->forward(m_shortcut->forward(x)) : x;
        return torch::relu(y + skip);
    }

private:
    nn::Conv2d m_conv1{nullptr}, m_conv2{nullptr}, m_shortcut{nullptr};
    nn::BatchNorm2d m_bn1{nullptr}, m_bn2{nullptr}, m_shortcutBn{nullptr};
};

// The CIFAR ResNet of depth 6n+2: three stages of n blocks at 16, 32 and 64 channels.
class ResNet : public Classifier {
public:
    ResNet(const ModelConfig& config, int64_t inChannels, int64_t classes)
        : m_dropout(config.dropout) {
        const int64_t blocksPerStage = (config.depth - 2) / 6;
        m_stem = register_module(
            "stem", nn::Conv2d(nn::Conv2dOptions(inChannels, 16, 3).padding(1).bias(false)));
        m_stemBn = register_module("stem_bn", nn::BatchNorm2d(16));
        int64_t channels = 16;
        const int64_t widths[] = {16, 32, 64};
        for (int stage = 0; stage < 3; ++stage) {
            for (int64_t b = 0; b < blocksPerStage; ++b) {
                const int64_t stride = (stage > 0 && b == 0) ? 2 : 1;
                auto block = std::make_shared<BasicBlock>(channels, widths[stage], stride);
                m_blocks.push_back(register_module(
                    "block" + std::to_string(stage) + "_" + std::to_string(b), block));
                channels = widths[stage];
            }
        }
        m_head = register_module("head", nn::Linear(channels, classes));
    }

    torch::Tensor forward(torch::Tensor x) override {
        x = torch::relu(m_stemBn->forward(m_stem->forward(x)));
        for (auto& block : m_blocks) x = block->forward(x);
        x = torch::adaptive_avg_pool2d(x, {1, 1}).flatten(1);
        if (m_dropout > 0) x = torch::dropout(x, m_dropout, is_training());
        return m_head->forward(x);
    }

private:
    nn::Conv2d m_stem{nullptr};
    nn::BatchNorm2d m_stemBn{nullptr};
    std::vector<std::shared_ptr<BasicBlock>> m_blocks;
    nn::Linear m_head{nullptr};
    double m_dropout;
};

}  // namespace

void useChannelsLast(Classifier& model) {
    torch::NoGradGuard noGrad;
    for (auto& parameter : model.parameters()) {
        if (parameter.dim() == 4) parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
    }
}

torch::Tensor toModelLayout(const torch::Tensor& batch) {
    return batch.dim() == 4 ? batch.contiguous(torch::MemoryFormat::ChannelsLast) : batch;
}

Result<ClassifierPtr> makeModel(const ModelConfig& config, const std::vector<int64_t>& inputShape,
                                int64_t classes) {
    if (config.kind == "mlp") return ClassifierPtr(std::make_shared<Mlp>(config, product(inputShape), classes));
    if (inputShape.size() != 3) {
        return fail("model.kind '" + config.kind +
                    "' needs image data shaped [channels, height, width]; for table data "
                    "(csv) use model.kind: mlp");
    }
    if (config.kind == "cnn") return ClassifierPtr(std::make_shared<Cnn>(config, inputShape, classes));
    if (config.kind == "resnet") {
        if (config.depth < 8 || (config.depth - 2) % 6 != 0) {
            return fail("model.depth " + std::to_string(config.depth) +
                        " is not 6n+2 (use 8, 14, 20, 32, 44, 56 or 110)");
        }
        return ClassifierPtr(std::make_shared<ResNet>(config, inputShape[0], classes));
    }
    return fail("model.kind '" + config.kind + "' is not one of mlp, cnn, resnet");
}

}  // namespace tb
