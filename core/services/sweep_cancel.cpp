// Cancel requests as files: the rename queue/N.sh -> cancelled/N.sh races the scheduler's own
// claim (whichever rename comes first wins), cancel/N and cancel/all are read on its next poll.

#include "sweep_cancel.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include "core/runs/fail_text.h"

namespace tb {

namespace {

// The sweep services share one translation context: their messages repeat across files.
struct Sweeps {
    Q_DECLARE_TR_FUNCTIONS(Sweeps)
};

constexpr int kMaxTrialNumber = 999999;  // six digits in the queue's file names

Result<void> writeRequest(const QString& sweepDir, const QString& name) {
    if (!QDir(sweepDir).exists()) return failText(Sweeps::tr("no sweep folder %1").arg(sweepDir));
    QFile request(sweepDir + QLatin1String("/cancel/") + name);
    if (!QDir(sweepDir).mkpath(QStringLiteral("cancel")) || !request.open(QIODevice::WriteOnly))
        return failText(
            Sweeps::tr("cannot write %1: %2").arg(request.fileName(), request.errorString()));
    return {};
}

}  // namespace

Result<TrialCancel> cancelSweepTrial(const QString& sweepDir, int trial) {
    if (trial < 1 || trial > kMaxTrialNumber)
        return failText(
            Sweeps::tr("trial %1 is not a trial number of a sweep").arg(QString::number(trial)));
    const QString name = QStringLiteral("%1").arg(trial, 6, 10, QLatin1Char('0'));
    if (QDir(sweepDir).mkpath(QStringLiteral("cancelled")) &&
        QFile::rename(sweepDir + QLatin1String("/queue/") + name + QLatin1String(".sh"),
                      sweepDir + QLatin1String("/cancelled/") + name + QLatin1String(".sh")))
        return TrialCancel::Dequeued;
    if (auto written = writeRequest(sweepDir, name); !written) return written.failure();
    return TrialCancel::Requested;
}

Result<void> cancelSweep(const QString& sweepDir) {
    return writeRequest(sweepDir, QStringLiteral("all"));
}

}  // namespace tb
