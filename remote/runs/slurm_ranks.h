#pragma once
// A run of the built-in trainer with several processes (train.devices × train.nodes) as a Slurm
// job: one Slurm task per process, started by srun, each taking its place in the run from the
// Slurm environment as the torchrun variables the trainer reads (RANK, LOCAL_RANK, WORLD_SIZE,
// LOCAL_WORLD_SIZE, MASTER_ADDR, MASTER_PORT); the first node of the job is the rendezvous.

#include <QStringList>

#include <map>
#include <string>

#include "remote/hosts/slurm_options.h"

namespace tb {

struct SlurmRanks {
    int nodes = 1;
    int perNode = 1;
    int size() const { return nodes * perNode; }
};

// From the resolved config's train.devices and train.nodes (1 when absent or not a number).
SlurmRanks slurmRanksOf(const std::map<std::string, std::string>& values);

// The job asks for the ranks' nodes and one task per rank.
SlurmOptions withRanks(SlurmOptions options, const SlurmRanks& ranks);

// `trainer` (the trainer and its arguments) started once per task by srun, inside the job;
// unchanged for a single process.
QStringList rankedCommand(const QStringList& trainer, const SlurmRanks& ranks);

}  // namespace tb
