#pragma once
// A script run of several processes per node (docs/DATA_PARALLEL.md, Script runs): the
// command's leading `python [-u] SCRIPT …` or `python [-u] -m MODULE …` is started by torch's
// own launcher instead — the box's `torchrun` when the command runs a plain `python` or
// `python3` and torchrun is on PATH, else that same python's `-m torch.distributed.run` — with
// `--standalone --nproc_per_node=N`. Each process gets the torchrun environment (RANK,
// LOCAL_RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT); trainbench_log.py writes on rank 0 only.

#include <QString>

#include "core/protocol/result.h"

namespace tb {

// `command` (placeholders already filled) for `processes` processes; itself for 1. A command
// that does not start with a python interpreter, or passes it options torchrun cannot take,
// is an error that says what to write instead.
Result<QString> torchrunCommand(const QString& command, int processes);

}  // namespace tb
