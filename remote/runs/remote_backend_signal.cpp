// RemoteBackend::signalAsync: TERM or KILL to a run's process group on the box, over a link
// that may drop. A request that failed for want of a link is sent again once the host is
// connected again, for up to a minute; the box delivers each request once (the request's
// mark in the run folder), since a second TERM makes the trainer leave without its checkpoint.
// Pressing Stop during a link's blip used to fail with "not connected" and leave the run going.

#include "remote_backend.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include "core/runs/fail_text.h"
#include "remote/ssh/host_connection.h"
#include "remote_backend_text.h"
#include "remote_run_scripts.h"

namespace tb {

using backend_text::isRunId;
using backend_text::stderrOf;

namespace {

constexpr qint64 kSignalPatienceMs = 60000;
// The connection hears of a drop a moment after the command did (execAsync asked it to check),
// so its state is read after this pause rather than at once.
constexpr int kRecheckMs = 500;

}  // namespace

struct SignalRequest {
    QString runId;
    QString signal;
    QString token;  // 16 hex digits: names this request on the box
    QElapsedTimer since;
    RemoteBackend::Callback<void> done;
};

void RemoteBackend::signalAsync(const QString& runId, const QString& signal, Callback<void> done) {
    if (!isRunId(runId)) return done(failText(tr("no run %1 on %2").arg(runId, where())));
    auto request = std::make_shared<SignalRequest>();
    request->runId = runId;
    request->signal = signal;
    request->token = QString::number(QRandomGenerator::global()->generate64(), 16)
                         .rightJustified(16, QLatin1Char('0'));
    request->since.start();
    request->done = std::move(done);
    sendSignal(request);
}

void RemoteBackend::sendSignal(const std::shared_ptr<SignalRequest>& request) {
    const RemoteCommand command =
        signalRunCommand(runsRoot(), request->runId, request->signal, request->token);
    execAsync(command, [this, request](const ExecResult& r) {
        const QString& run = request->runId;
        const QString host = where();
        if (!r.ok()) {
            const bool patient = r.failure != SshFailure::Cancelled &&
                                 request->since.elapsed() < kSignalPatienceMs &&
                                 m_connection->state() != ConnectionState::Offline;
            if (patient) return resendWhenConnected(request, r.message);
            return request->done(
                failText(tr("could not signal run %1 on %2: %3").arg(run, host, r.message)));
        }
        const QString answer = QString::fromUtf8(r.standardOutput).trimmed();
        if (answer == QLatin1String("ok")) return request->done({});
        if (answer == QLatin1String("missing"))
            return request->done(failText(tr("no run %1 in %2 on %3").arg(run, runsRoot(), host)));
        if (answer.startsWith(QLatin1String("ended ")))
            //: %3 is the state the run ended in, as the box wrote it
            return request->done(
                failText(tr("run %1 on %2 has already ended (%3)").arg(run, host, answer.mid(6))));
        if (answer == QLatin1String("nopid"))
            return request->done(
                failText(tr("run %1 on %2 has not started a process yet; try again in a moment")
                             .arg(run, host)));
        if (answer == QLatin1String("noslurm"))
            return request->done(failText(tr("Slurm did not answer about run %1 on %2 (squeue "
                                             "failed); check the cluster and try again")
                                              .arg(run, host)));
        if (answer == QLatin1String("gone"))
            return request->done(failText(
                tr("the process of run %1 on %2 is gone; it ended or was lost").arg(run, host)));
        request->done(
            failText(tr("could not signal run %1 on %2: %3").arg(run, host, stderrOf(r))));
    });
}

void RemoteBackend::resendWhenConnected(const std::shared_ptr<SignalRequest>& request,
                                        const QString& why) {
    QTimer::singleShot(kRecheckMs, this, [this, request, why] {
        const ConnectionState state = m_connection->state();
        if (state == ConnectionState::Connected) return sendSignal(request);
        if (state == ConnectionState::Offline || request->since.elapsed() >= kSignalPatienceMs)
            //: %3 is why the signal could not be sent (a connection error)
            return request->done(
                failText(tr("could not signal run %1 on %2: %3 The connection did not come back; "
                            "press Stop again once the host is connected.")
                             .arg(request->runId, where(), why)));
        resendWhenConnected(request, why);
    });
}

}  // namespace tb
