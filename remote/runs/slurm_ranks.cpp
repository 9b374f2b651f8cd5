// The srun line of a multi-process trainer run on Slurm.
#include "slurm_ranks.h"

#include <QString>

namespace tb {
namespace {

// Each task's place, from what srun sets: the first node's address as Slurm knows it (NodeAddr,
// else its name) and a port from the job id, so two jobs on one node do not meet.
const char kRankEnvironment[] = R"sh(
export RANK="$SLURM_PROCID" LOCAL_RANK="$SLURM_LOCALID" WORLD_SIZE="$SLURM_NTASKS"
export LOCAL_WORLD_SIZE="${SLURM_NTASKS_PER_NODE:-1}"
first=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)
MASTER_ADDR=$(scontrol show node "$first" | sed -n 's/.*NodeAddr=\([^ ]*\).*/\1/p' | head -n 1)
export MASTER_ADDR="${MASTER_ADDR:-$first}" MASTER_PORT=$((20000 + SLURM_JOB_ID % 20000))
exec "$@"
)sh";

int positive(const std::map<std::string, std::string>& values, const char* key) {
    const auto it = values.find(key);
    if (it == values.end()) return 1;
    bool ok = false;
    const int n = QString::fromStdString(it->second).toInt(&ok);
    return ok && n > 0 ? n : 1;
}

}  // namespace

SlurmRanks slurmRanksOf(const std::map<std::string, std::string>& values) {
    return {positive(values, "train.nodes"), positive(values, "train.devices")};
}

SlurmOptions withRanks(SlurmOptions options, const SlurmRanks& ranks) {
    if (ranks.size() <= 1) return options;
    options.nodes = ranks.nodes;
    options.tasksPerNode = ranks.perNode;
    return options;
}

QStringList rankedCommand(const QStringList& trainer, const SlurmRanks& ranks) {
    if (ranks.size() <= 1) return trainer;
    // A rank that dies takes the others down at once (they would wait for it until timeout).
    return QStringList{QStringLiteral("srun"),
                       QStringLiteral("--kill-on-bad-exit=1"),
                       QStringLiteral("sh"),
                       QStringLiteral("-c"),
                       QString::fromLatin1(kRankEnvironment),
                       QStringLiteral("sh")} +
           trainer;
}

}  // namespace tb
