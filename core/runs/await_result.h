#pragma once
// awaitResult: the one place that waits for an asynchronous answer by spinning a local event
// loop. For the command line and tests only; the window never blocks on a Backend.

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "protocol/result.h"

namespace tb {

// Starts `start` with a callback and returns what it reports, or a failure naming `what` after
// `timeoutMs` without an answer. An answer given before `start` returns needs no loop.
template <typename T>
Result<T> awaitResult(const std::function<void(std::function<void(Result<T>)>)>& start,
                      const std::string& what, int timeoutMs = 120000) {
    auto outcome = std::make_shared<std::optional<Result<T>>>();
    auto loop = std::make_shared<QEventLoop>();
    start([outcome, loop](Result<T> result) {
        outcome->emplace(std::move(result));
        loop->quit();
    });
    if (!outcome->has_value()) {
        QTimer::singleShot(timeoutMs, loop.get(), &QEventLoop::quit);
        loop->exec();
    }
    if (!outcome->has_value())
        return fail(what + " got no answer in " + std::to_string(timeoutMs / 1000) + " s");
    return std::move(**outcome);
}

}  // namespace tb
