#pragma once
// Data-parallel training through torch's own c10d (docs/DATA_PARALLEL.md): where a process
// sits in the world (the torchrun environment contract), one Gloo process group per run, and
// the few collectives the trainer needs. Nothing here is a collective of our own. Where the
// box's LibTorch ships no c10d Gloo headers, joining a world fails with a message saying so.

#include <torch/torch.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/protocol/result.h"

namespace tb {

// RANK, LOCAL_RANK, LOCAL_WORLD_SIZE, WORLD_SIZE, MASTER_ADDR, MASTER_PORT, as torchrun sets
// them.
struct WorldPlace {
    int rank = 0;
    int localRank = 0;
    int localSize = 1;  // LOCAL_WORLD_SIZE: the ranks on this machine
    int size = 1;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 0;
    bool storeIsHosted = false;  // torchrun's agent already serves the store at MASTER_PORT
};

// The place this process was started in; nullopt when WORLD_SIZE is not set. Every number is
// checked (a rank outside the world, a port outside 1..65535 is an error naming the variable).
Result<std::optional<WorldPlace>> worldFromEnvironment();

bool dataParallelAvailable();  // this LibTorch has c10d with Gloo

class World {
public:
    virtual ~World() = default;
    // Rank 0 of a world this process starts itself: its store listens on a free port of
    // 127.0.0.1 first, so the other ranks can be told the port (port()) before join().
    static Result<std::unique_ptr<World>> listen(int size, std::chrono::milliseconds timeout);
    static Result<std::unique_ptr<World>> open(const WorldPlace& place,
                                               std::chrono::milliseconds timeout);

    // Forms the process group; returns once every rank has joined (or the timeout passed).
    virtual Result<void> join() = 0;
    virtual int rank() const = 0;
    virtual int size() const = 0;
    virtual int port() const = 0;

    // In place on every rank: the element-wise sum (or minimum, maximum) over all ranks; each
    // tensor of `tensors` is summed on its own, all of them in flight together.
    virtual void sum(std::vector<torch::Tensor>& tensors) = 0;
    virtual void minimum(torch::Tensor& tensor) = 0;
    virtual void maximum(torch::Tensor& tensor) = 0;
    // Every rank's tensors become rank 0's.
    virtual void broadcast(std::vector<torch::Tensor>& tensors) = 0;
};

// Averages the gradients of `parameters` over the ranks, in buckets of at most `bucketBytes`
// whose all-reduces run together; `flag` (a stop request, say) is summed alongside, in flight
// with them, so it costs the step no extra round trip. Returns the summed flag.
double averageGradients(World& world, const std::vector<torch::Tensor>& parameters, double flag,
                        int64_t bucketBytes = int64_t(25) << 20);

// Every `world.size()`-th index of `order` from `world.rank()` on, the same count on every
// rank (the remainder of the epoch is left out, as torch's DistributedSampler drops it).
torch::Tensor shardOf(const torch::Tensor& order, const World& world);

// The first 60 bits of the parameters' SHA-256, the same on every rank whose parameters are.
int64_t parameterDigest(const std::string& paramSha256);

}  // namespace tb
