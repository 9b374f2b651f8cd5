// awaitTransfer: the session's transfer signals, filtered by request id, in a local loop.

#include "remote/transfer_session.h"

#include "remote/ssh_session_thread.h"

#include <QEventLoop>
#include <QTimer>

#include <optional>

namespace tb {

namespace {

constexpr int kStopPollMs = 100;

}  // namespace

TransferResult awaitTransfer(SshSessionThread& thread, const TransferRequest& request,
                             const TransferWaitOptions& options) {
    QEventLoop loop;
    std::optional<TransferResult> outcome;
    quint64 requestId = 0;
    QObject::connect(thread.session(), &SshSession::transferProgress, &loop,
                     [&](quint64 id, const TransferProgress& progress) {
                         if (id == requestId && options.progress) options.progress(progress);
                     });
    QObject::connect(thread.session(), &SshSession::transferFinished, &loop,
                     [&](quint64 id, const TransferResult& result) {
                         if (id != requestId) return;
                         outcome = result;
                         loop.quit();
                     });
    QTimer stopPoll;
    if (options.stopRequested) {
        QObject::connect(&stopPoll, &QTimer::timeout, &loop, [&] {
            if (options.stopRequested()) thread.cancel();
        });
        stopPoll.start(kStopPollMs);
    }
    // Signals are queued to this thread, so none can arrive before the id is known.
    requestId = thread.transfer(request);
    loop.exec();
    return *outcome;
}

}  // namespace tb
