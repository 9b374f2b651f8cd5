// RemoteBackend::signalAsync: TERM or KILL to a run's process group on the box, over a link
// that may drop. A request that failed for want of a link is sent again once the host is
// connected again, for up to a minute; the box delivers each request once (the request's
// mark in the run folder), since a second TERM makes the trainer leave without its checkpoint.
// Pressing Stop during a link's blip used to fail with "not connected" and leave the run going.

#include "remote_backend.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include "remote/ssh/host_connection.h"
#include "remote_backend_text.h"
#include "remote_run_scripts.h"

namespace tb {

using backend_text::isRunId;
using backend_text::stderrOf;
using backend_text::str;

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
    if (!isRunId(runId)) return done(fail("no run " + str(runId) + " on " + where()));
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
        const std::string run = "run " + str(request->runId) + " on " + where();
        if (!r.ok()) {
            const bool patient = r.failure != SshFailure::Cancelled &&
                                 request->since.elapsed() < kSignalPatienceMs &&
                                 m_connection->state() != ConnectionState::Offline;
            if (patient) return resendWhenConnected(request, r.message);
            return request->done(fail("could not signal " + run + ": " + str(r.message)));
        }
        const QString answer = QString::fromUtf8(r.standardOutput).trimmed();
        if (answer == QLatin1String("ok")) return request->done({});
        if (answer == QLatin1String("missing"))
            return request->done(fail("no run " + str(request->runId) + " in " + str(runsRoot()) +
                                      " on " + where()));
        if (answer.startsWith(QLatin1String("ended ")))
            return request->done(fail(run + " has already ended (" + str(answer.mid(6)) + ")"));
        if (answer == QLatin1String("nopid"))
            return request->done(
                fail(run + " has not started a process yet; try again in a moment"));
        if (answer == QLatin1String("noslurm"))
            return request->done(fail("Slurm did not answer about " + run +
                                      " (squeue failed); check the cluster and try again"));
        if (answer == QLatin1String("gone"))
            return request->done(fail("the process of " + run + " is gone; it ended or was lost"));
        request->done(fail("could not signal " + run + ": " + str(stderrOf(r))));
    });
}

void RemoteBackend::resendWhenConnected(const std::shared_ptr<SignalRequest>& request,
                                        const QString& why) {
    QTimer::singleShot(kRecheckMs, this, [this, request, why] {
        const ConnectionState state = m_connection->state();
        if (state == ConnectionState::Connected) return sendSignal(request);
        if (state == ConnectionState::Offline || request->since.elapsed() >= kSignalPatienceMs)
            return request->done(fail("could not signal run " + str(request->runId) + " on " +
                                      where() + ": " + str(why) +
                                      " The connection did not come back; press Stop again "
                                      "once the host is connected."));
        resendWhenConnected(request, why);
    });
}

}  // namespace tb
