#pragma once
// awaitResult and awaitCondition: the one place that waits by spinning a local event loop, for
// an asynchronous answer or for a state to be reached. For the command line and tests only;
// the window never blocks on a Backend.

#include <QCoreApplication>
#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/protocol/result.h"

namespace tb {

// For a wait that ends by itself or by Ctrl-C (a build, a transfer, following a run).
inline constexpr int kNoTimeout = -1;

// "WHAT got no answer in N s" (or without the time when there was no limit), translated.
inline QString waitedInVain(const QString& what, int timeoutMs) {
    if (timeoutMs < 0)
        //: %1 says what was awaited, e.g. "the launch"
        return QCoreApplication::translate("AwaitResult", "%1 got no answer").arg(what);
    //: %1 says what was awaited, e.g. "the launch"; %2 is a number of seconds
    return QCoreApplication::translate("AwaitResult", "%1 got no answer in %2 s")
        .arg(what, QString::number(timeoutMs / 1000));
}

// Starts `start` with a callback and returns what it first reports, or a failure naming `what`
// after `timeoutMs` (kNoTimeout: none) without an answer. An answer given before `start`
// returns needs no loop; a later answer than the first is dropped.
template <typename T>
Result<T> awaitResult(const std::function<void(std::function<void(Result<T>)>)>& start,
                      const std::string& what, int timeoutMs = 120000) {
    auto outcome = std::make_shared<std::optional<Result<T>>>();
    auto loop = std::make_shared<QEventLoop>();
    start([outcome, loop](Result<T> result) {
        if (outcome->has_value()) return;
        outcome->emplace(std::move(result));
        loop->quit();
    });
    if (!outcome->has_value()) {
        if (timeoutMs >= 0) QTimer::singleShot(timeoutMs, loop.get(), &QEventLoop::quit);
        loop->exec();
    }
    if (!outcome->has_value())
        return fail(waitedInVain(QString::fromStdString(what), timeoutMs).toStdString());
    return std::move(**outcome);
}

// A signal after which awaitCondition asks again: Change{&follower, &RemoteFollower::finished}.
template <typename Sender, typename Signal>
struct Change {
    const Sender* sender;
    Signal signal;
};

// Waits until `reached` holds and says whether it does: asked again whenever one of `changes`
// fires, and every `pollMs` (0: never) for what changes without a signal, such as the Ctrl-C
// flag; false after `timeoutMs` (kNoTimeout: none). Holding already needs no loop.
template <typename... Changes>
bool awaitCondition(const std::function<bool()>& reached, int timeoutMs, int pollMs,
                    const Changes&... changes) {
    if (reached()) return true;
    QEventLoop loop;
    bool held = false;
    const auto askAgain = [&] {
        if (held || !reached()) return;
        held = true;
        loop.quit();
    };
    (QObject::connect(changes.sender, changes.signal, &loop, askAgain), ...);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, askAgain);
    if (pollMs > 0) poll.start(pollMs);
    if (timeoutMs >= 0) QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return held;
}

}  // namespace tb
