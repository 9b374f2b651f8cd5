// Slurm's job states read into a run's state and message.
#include "slurm_state.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include "core/runs/run_reader.h"

namespace tb {
namespace {

// What a run's line says of its Slurm job.
struct SlurmState {
    Q_DECLARE_TR_FUNCTIONS(SlurmState)
};

constexpr qsizetype kMaxReason = 120;

// The states of a job that has left the cluster (GONE: Slurm no longer knows it).
bool isEndedJob(const QString& state) {
    static const QStringList ended{
        QStringLiteral("BOOT_FAIL"), QStringLiteral("CANCELLED"),     QStringLiteral("COMPLETED"),
        QStringLiteral("DEADLINE"),  QStringLiteral("FAILED"),        QStringLiteral("GONE"),
        QStringLiteral("NODE_FAIL"), QStringLiteral("OUT_OF_MEMORY"), QStringLiteral("PREEMPTED"),
        QStringLiteral("REVOKED"),   QStringLiteral("SPECIAL_EXIT"),  QStringLiteral("TIMEOUT")};
    return ended.contains(state);
}

QString whyWaiting(const QString& reason) {
    if (reason == QLatin1String("Resources"))
        return SlurmState::tr("the nodes it asks for are busy");
    if (reason == QLatin1String("Priority"))
        return SlurmState::tr("jobs of higher priority go first");
    if (reason == QLatin1String("None"))
        return SlurmState::tr("the scheduler has not looked at it yet");
    //: %1 is Slurm's own word for why a job waits (QOSMaxJobsPerUserLimit, ...)
    return SlurmState::tr("Slurm's reason: %1").arg(reason);
}

}  // namespace

std::optional<SlurmJobState> parseSlurmFrame(const QByteArray& value) {
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]{1,12}) ([A-Z_]{0,32})(?: ([\\x21-\\x7e][\\x20-\\x7e]*))?$"));
    const auto match = pattern.match(QString::fromLatin1(value.left(200)));
    if (value.size() > 200 || !match.hasMatch()) return std::nullopt;
    return SlurmJobState{match.captured(1), match.captured(2), match.captured(3).left(kMaxReason)};
}

void applySlurmState(const SlurmJobState& slurm, RunInfo& run) {
    const QString& job = slurm.job;
    const QString& state = slurm.state;
    if (state.isEmpty()) {
        if (isLiveState(run.state))
            run.message =
                SlurmState::tr("Slurm job %1 could not be asked about (squeue failed)").arg(job);
        return;
    }
    if (state == QLatin1String("PENDING") || state.startsWith(QLatin1String("REQUEUE"))) {
        if (run.state == RunState::Queued) {
            //: %1 is the job's number, %2 why it waits
            run.message = SlurmState::tr("waiting in the Slurm queue as job %1: %2")
                              .arg(slurm.job, whyWaiting(slurm.reason));
            run.queueReason = slurm.reason;
        }
        return;
    }
    // Running, or ended with the run's own last word to come; a finished run needs no word;
    // a job still running or completing has said nothing final yet.
    if (isLiveState(run.state) || run.state == RunState::Finished || !isEndedJob(state)) return;
    const auto resumable = [&](const QString& message) {
        run.state = RunState::Stopped;
        run.message = message.arg(job);
    };
    if (state == QLatin1String("TIMEOUT"))
        return resumable(
            SlurmState::tr("Slurm job %1 reached its time limit; resume it from its "
                           "latest checkpoint (Resume, or `trainbench resume`), "
                           "with a longer time limit if needed"));
    if (state == QLatin1String("DEADLINE"))
        return resumable(
            SlurmState::tr("Slurm job %1 reached its deadline; resume it from its "
                           "latest checkpoint (Resume, or `trainbench resume`), "
                           "with a longer time limit if needed"));
    if (state == QLatin1String("PREEMPTED"))
        return resumable(
            SlurmState::tr("Slurm job %1 was preempted by other jobs; resume it from "
                           "its latest checkpoint (Resume, or `trainbench resume`), "
                           "with a longer time limit if needed"));
    if (state == QLatin1String("GONE") && run.state == RunState::Lost) {
        run.message = SlurmState::tr(
                          "Slurm job %1 is no longer known to Slurm and the run "
                          "recorded no end; resume it from its latest checkpoint")
                          .arg(job);
        return;
    }
    if (!run.message.isEmpty()) return;
    if (state == QLatin1String("CANCELLED"))
        run.message = SlurmState::tr("Slurm job %1 was cancelled").arg(job);
    else if (state != QLatin1String("COMPLETED"))
        //: %2 is Slurm's name of the job's final state (FAILED, NODE_FAIL, OUT_OF_MEMORY, ...)
        run.message = SlurmState::tr("Slurm job %1 ended %2").arg(job, state);
}

}  // namespace tb
