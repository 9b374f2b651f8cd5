// The c10d side of data-parallel training: a TCPStore for the rendezvous and a Gloo process
// group for the collectives, both torch's own.
#include "data_parallel.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <limits>

#ifdef TB_HAVE_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

namespace tb {
namespace {

// A whole number in [low, high] from the environment variable `name`; `fallback` when unset.
Result<int> environmentNumber(const char* name, int low, int high, int fallback) {
    const char* text = std::getenv(name);
    if (!text || !*text) return fallback;
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || *end != '\0' || value < low || value > high) {
        return fail(std::string(name) + "=" + std::string(text).substr(0, 40) +
                    " is not a whole number from " + std::to_string(low) + " to " +
                    std::to_string(high));
    }
    return int(value);
}

#ifdef TB_HAVE_GLOO

class GlooWorld : public World {
public:
    GlooWorld(c10::intrusive_ptr<c10d::Store> store, int rank, int size, int port,
              std::chrono::milliseconds timeout)
        : m_store(std::move(store)), m_rank(rank), m_size(size), m_port(port), m_timeout(timeout) {}

    Result<void> join() override {
        try {
            auto options = c10d::ProcessGroupGloo::Options::create(m_timeout);
            // One machine talks over loopback; across machines Gloo finds this one's address.
            options->devices.push_back(
                isLoopback(masterAddr)
                    ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                    : c10d::ProcessGroupGloo::createDefaultDevice());
            options->threads = 2;
            m_group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_store, m_rank, m_size, options);
            return {};
        } catch (const std::exception& e) {
            return fail("rank " + std::to_string(m_rank) + " of " + std::to_string(m_size) +
                        " could not join the others: " + firstLine(e.what()));
        }
    }
    int rank() const override { return m_rank; }
    int size() const override { return m_size; }
    int port() const override { return m_port; }

    void sum(std::vector<torch::Tensor>& tensors) override {
        each(tensors, [this](std::vector<torch::Tensor>& one) { return m_group->allreduce(one); });
    }
    void minimum(torch::Tensor& tensor) override { reduce(tensor, c10d::ReduceOp::MIN); }
    void maximum(torch::Tensor& tensor) override { reduce(tensor, c10d::ReduceOp::MAX); }
    void broadcast(std::vector<torch::Tensor>& tensors) override {
        each(tensors, [this](std::vector<torch::Tensor>& one) { return m_group->broadcast(one); });
    }

    std::string masterAddr = "127.0.0.1";

private:
    static std::string firstLine(const std::string& text) {
        return text.substr(0, text.find('\n'));
    }
    // One collective per tensor (a vector given to Gloo is one tensor per local device, all
    // reduced into one): every work is started before the first is waited on.
    template <typename Start>
    static void each(std::vector<torch::Tensor>& tensors, Start start) {
        std::vector<c10::intrusive_ptr<c10d::Work>> works;
        for (torch::Tensor& tensor : tensors) {
            std::vector<torch::Tensor> one{tensor};
            works.push_back(start(one));
        }
        for (auto& work : works) work->wait();
    }
    static bool isLoopback(const std::string& host) {
        return host == "localhost" || host.rfind("127.", 0) == 0 || host == "::1";
    }
    void reduce(torch::Tensor& tensor, c10d::ReduceOp op) {
        std::vector<torch::Tensor> one{tensor};
        c10d::AllreduceOptions options;
        options.reduceOp = op;
        m_group->allreduce(one, options)->wait();
    }

    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> m_group;
    int m_rank;
    int m_size;
    int m_port;
    std::chrono::milliseconds m_timeout;
};

#endif

}  // namespace

Result<std::optional<WorldPlace>> worldFromEnvironment() {
    const char* worldSize = std::getenv("WORLD_SIZE");
    if (!worldSize || !*worldSize) return std::optional<WorldPlace>();
    WorldPlace place;
    auto size = environmentNumber("WORLD_SIZE", 1, 4096, 1);
    if (!size) return size.failure();
    place.size = *size;
    auto rank = environmentNumber("RANK", 0, place.size - 1, -1);
    if (!rank || *rank < 0) return fail(rank ? "WORLD_SIZE is set but RANK is not" : rank.error());
    place.rank = *rank;
    auto localRank = environmentNumber("LOCAL_RANK", 0, place.size - 1, place.rank);
    if (!localRank) return localRank.failure();
    place.localRank = *localRank;
    auto localSize = environmentNumber("LOCAL_WORLD_SIZE", 1, place.size, 1);
    if (!localSize) return localSize.failure();
    place.localSize = *localSize;
    auto port = environmentNumber("MASTER_PORT", 1, 65535, 0);
    if (!port) return port.failure();
    place.masterPort = *port;
    if (place.size > 1 && place.masterPort == 0)
        return fail("WORLD_SIZE is set but MASTER_PORT is not");
    if (const char* addr = std::getenv("MASTER_ADDR"); addr && *addr) {
        place.masterAddr = addr;
        if (place.masterAddr.size() > 255) return fail("MASTER_ADDR is longer than a host name");
    }
    const char* hosted = std::getenv("TORCHELASTIC_USE_AGENT_STORE");
    place.storeIsHosted = hosted && std::strcmp(hosted, "True") == 0;
    return std::optional<WorldPlace>(place);
}

bool dataParallelAvailable() {
#ifdef TB_HAVE_GLOO
    return true;
#else
    return false;
#endif
}

#ifdef TB_HAVE_GLOO

Result<std::unique_ptr<World>> World::listen(int size, std::chrono::milliseconds timeout) {
    try {
        c10d::TCPStoreOptions options;
        options.port = 0;  // any free port; port() tells the other ranks which
        options.isServer = true;
        options.numWorkers = std::size_t(size);
        options.waitWorkers = false;
        options.timeout = timeout;
        auto store = c10::make_intrusive<c10d::TCPStore>("127.0.0.1", options);
        const int port = store->getPort();
        return std::unique_ptr<World>(std::make_unique<GlooWorld>(store, 0, size, port, timeout));
    } catch (const std::exception& e) {
        return fail(std::string("cannot listen for the other ranks on 127.0.0.1: ") + e.what());
    }
}

Result<std::unique_ptr<World>> World::open(const WorldPlace& place,
                                           std::chrono::milliseconds timeout) {
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(place.masterPort);
        options.isServer = place.rank == 0 && !place.storeIsHosted;
        options.numWorkers = std::size_t(place.size);
        options.waitWorkers = false;
        options.timeout = timeout;
        auto store = c10::make_intrusive<c10d::TCPStore>(place.masterAddr, options);
        auto world =
            std::make_unique<GlooWorld>(store, place.rank, place.size, place.masterPort, timeout);
        world->masterAddr = place.masterAddr;
        return std::unique_ptr<World>(std::move(world));
    } catch (const std::exception& e) {
        return fail("rank " + std::to_string(place.rank) + " cannot reach the store at " +
                    place.masterAddr + ":" + std::to_string(place.masterPort) + ": " +
                    std::string(e.what()).substr(0, 200));
    }
}

double averageGradients(World& world, const std::vector<torch::Tensor>& parameters, double flag,
                        int64_t bucketBytes) {
    // Buckets of same-typed gradients, flattened; the flag is one more tensor, in flight with them.
    std::vector<std::vector<torch::Tensor>> groups(1);
    int64_t bytes = 0;
    for (const torch::Tensor& parameter : parameters) {
        torch::Tensor grad = parameter.grad();
        if (!grad.defined()) {
            parameter.mutable_grad() = torch::zeros_like(parameter);
            grad = parameter.grad();
        }
        const int64_t size = grad.numel() * int64_t(grad.element_size());
        const bool otherType =
            !groups.back().empty() && groups.back().front().scalar_type() != grad.scalar_type();
        if (!groups.back().empty() && (bytes + size > bucketBytes || otherType)) {
            groups.emplace_back();
            bytes = 0;
        }
        groups.back().push_back(grad);
        bytes += size;
    }
    std::vector<torch::Tensor> buckets;
    for (const auto& group : groups) {
        std::vector<torch::Tensor> flat;
        for (const torch::Tensor& grad : group) flat.push_back(grad.reshape({-1}));
        buckets.push_back(flat.empty() ? torch::Tensor() : torch::cat(flat));
    }
    auto flagOptions = torch::TensorOptions().dtype(torch::kDouble);
    torch::Tensor flagTensor = torch::full({1}, flag, flagOptions);
    if (!buckets.front().defined()) buckets.front() = torch::zeros({0}, flagOptions);
    const torch::Device device = buckets.front().device();
    buckets.push_back(flagTensor.to(device));
    world.sum(buckets);
    const double scale = 1.0 / world.size();
    for (std::size_t b = 0; b < groups.size(); ++b) {
        int64_t at = 0;
        for (const torch::Tensor& grad : groups[b]) {
            torch::Tensor part = buckets[b].narrow(0, at, grad.numel()).view_as(grad);
            grad.copy_(part.mul_(scale));
            at += grad.numel();
        }
    }
    return buckets.back().to(torch::kCPU).item<double>();
}

#else

Result<std::unique_ptr<World>> World::listen(int, std::chrono::milliseconds) {
    return fail(
        "this trainer was built without torch's c10d Gloo (its LibTorch ships no "
        "torch/csrc/distributed/c10d or gloo headers, or is older than 1.13): train.devices "
        "above 1 cannot run here");
}

Result<std::unique_ptr<World>> World::open(const WorldPlace&, std::chrono::milliseconds timeout) {
    return listen(0, timeout);
}

double averageGradients(World&, const std::vector<torch::Tensor>&, double flag, int64_t) {
    return flag;
}

#endif

torch::Tensor shardOf(const torch::Tensor& order, const World& world) {
    const int64_t each = order.size(0) / world.size();
    return order.narrow(0, 0, each * world.size())
        .view({each, world.size()})
        .select(1, world.rank())
        .contiguous();
}

int64_t parameterDigest(const std::string& paramSha256) {
    return int64_t(std::strtoull(paramSha256.substr(0, 15).c_str(), nullptr, 16));
}

}  // namespace tb
