#pragma once
// SlurmOptions: how runs on a Slurm login node are submitted — sbatch's partition, GPUs per
// node, nodes, CPUs per task, time limit and account. Kept with the host in hosts.json and
// overridden per run (`trainbench run --slurm k=v,...`).

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "core/protocol/result.h"

namespace tb {

struct SlurmOptions {
    bool enabled = false;  // the host is a login node: runs go through sbatch, not tmux/setsid
    QString partition;     // empty: the cluster's default partition
    QString account;       // empty: the user's default account
    QString timeLimit;     // sbatch --time: MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS
    int gpusPerNode = 0;
    int nodes = 1;
    int cpusPerTask = 0;   // 0: the cluster's default
    int tasksPerNode = 1;  // the trainer's processes per node (srun), from its config

    bool operator==(const SlurmOptions&) const = default;

    // sbatch's options for these settings (the job name, output and script come on top).
    QStringList sbatchArguments() const;
    // "partition gpu · 2 GPUs · 1 node · 04:00:00", for tables and logs.
    QString summary() const;
};

// `text` is "key=value,key=value" with the keys partition, gpus, nodes, cpus, time and
// account, applied over `base`; the result is enabled. A wrong key or value names itself and
// says what is allowed.
Result<SlurmOptions> parseSlurmOptions(const QString& text, SlurmOptions base = {});
// One value checked as parseSlurmOptions checks it (the host dialog's fields).
Result<void> checkSlurmValue(const QString& key, const QString& value);

// The "key=value,..." text parseSlurmOptions reads back (only what differs from the defaults).
QString slurmText(const SlurmOptions& options);

// hosts.json's "slurm" object (absent: not a Slurm host).
QJsonObject slurmToJson(const SlurmOptions& options);
SlurmOptions slurmFromJson(const QJsonObject& object);

}  // namespace tb
