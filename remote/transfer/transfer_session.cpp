// startTransfer hands runTransfer to the session; awaitTransfer waits for its signals by request
// id.

#include "transfer_session.h"

#include "core/runs/await_result.h"
#include "remote/ssh/ssh_session_thread.h"
#include "transfer_runner.h"

#include <QTimer>

namespace tb {

namespace {

constexpr int kStopPollMs = 100;

}  // namespace

quint64 startTransfer(SshSessionThread& thread, const TransferRequest& request) {
    return thread.transfer(request, &runTransfer);
}

TransferResult awaitTransfer(SshSessionThread& thread, const TransferRequest& request,
                             const TransferWaitOptions& options, TransferEngine engine) {
    QObject listening;  // the connections below end with the wait
    quint64 requestId = 0;
    QObject::connect(thread.session(), &SshSession::transferProgress, &listening,
                     [&](quint64 id, const TransferProgress& progress) {
                         if (id == requestId && options.progress) options.progress(progress);
                     });
    QTimer stopPoll;
    if (options.stopRequested) {
        QObject::connect(&stopPoll, &QTimer::timeout, &listening, [&] {
            if (options.stopRequested()) thread.cancel();
        });
        stopPoll.start(kStopPollMs);
    }
    const auto outcome = awaitResult<TransferResult>(
        [&](auto done) {
            QObject::connect(thread.session(), &SshSession::transferFinished, &listening,
                             [&requestId, done](quint64 id, const TransferResult& result) {
                                 if (id == requestId) done(result);
                             });
            // Signals are queued to this thread, so none can arrive before the id is known.
            requestId = thread.transfer(request, engine ? engine : &runTransfer);
        },
        "the transfer", kNoTimeout);
    if (!outcome)
        return TransferResult{SshFailure::Cancelled, QString::fromStdString(outcome.error())};
    return *outcome;
}

}  // namespace tb
