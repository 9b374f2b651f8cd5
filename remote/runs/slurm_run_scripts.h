#pragma once
// The shell functions that runs submitted to Slurm need on the login node: submit, read the
// job's state, settle a run whose job has ended (docs/RUN_FORMAT.md, Slurm). The start, scan,
// signal and follow scripts of remote_run_scripts.cpp put them in front of their own text.
//
// A submitted run's folder holds slurm_job (the job id) and, once the job has ended,
// slurm_state ("STATE REASON" as squeue or sacct gave it, or "GONE None" when Slurm no longer
// knows the job). The run's processes live on compute nodes, so their pids mean nothing on the
// login node: Slurm's word on the job takes the place of the pid checks.

namespace tb {

// slurm_submit DIR NAME SBATCH_ARGS...: submits DIR/.tb-job.sh, writes slurm_job and prints
// "slurm JOB". Exit 6 with sbatch's words on stderr when it refuses (the folder goes again).
extern const char kSlurmSubmitFunction[];

// slurm_job DIR: $job is the run's job id; false when the run was not submitted to Slurm.
// slurm_state DIR: $sl is "STATE REASON": the settled slurm_state, else squeue's answer (the
// controller keeps ended jobs a while), else sacct's, else "GONE None" when Slurm says it does
// not know the job; empty when Slurm cannot be asked. An ended job settles the run: its state
// is kept in slurm_state, and a status.json the job left live (killed at its time limit,
// cancelled while pending) becomes stopped, failed or lost.
// slurm_live: $sl is a state in which the job may still run or start.
extern const char kSlurmStateFunctions[];

}  // namespace tb
