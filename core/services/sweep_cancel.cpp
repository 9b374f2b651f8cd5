// Cancel requests as files: the rename queue/N.sh -> cancelled/N.sh races the scheduler's own
// claim (whichever rename comes first wins), cancel/N and cancel/all are read on its next poll.

#include "sweep_cancel.h"

#include <QDir>
#include <QFile>

namespace tb {

namespace {

constexpr int kMaxTrialNumber = 999999;  // six digits in the queue's file names

Result<void> writeRequest(const QString& sweepDir, const QString& name) {
    if (!QDir(sweepDir).exists()) return fail("no sweep folder " + sweepDir.toStdString());
    QFile request(sweepDir + QLatin1String("/cancel/") + name);
    if (!QDir(sweepDir).mkpath(QStringLiteral("cancel")) || !request.open(QIODevice::WriteOnly))
        return fail("cannot write " + request.fileName().toStdString() + ": " +
                    request.errorString().toStdString());
    return {};
}

}  // namespace

Result<TrialCancel> cancelSweepTrial(const QString& sweepDir, int trial) {
    if (trial < 1 || trial > kMaxTrialNumber)
        return fail("trial " + std::to_string(trial) + " is not a trial number of a sweep");
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
