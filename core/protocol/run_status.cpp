// status.json: conversion between RunStatus and its JSON text, read and written atomically.

#include "run_status.h"

#include <array>
#include <cmath>

#include "atomic_file.h"
#include "json.h"

namespace tb {
namespace {

constexpr std::array<std::string_view, 7> kStateNames = {
    "queued", "starting", "running", "finished", "failed", "stopped", "lost"};

int64_t toInt(double value) {
    return std::isfinite(value) ? static_cast<int64_t>(value) : 0;
}

}  // namespace

std::string_view runStateName(RunState state) {
    return kStateNames[static_cast<size_t>(state)];
}

std::optional<RunState> runStateFromName(std::string_view name) {
    for (size_t i = 0; i < kStateNames.size(); ++i) {
        if (kStateNames[i] == name) return static_cast<RunState>(i);
    }
    return std::nullopt;
}

bool isFinalState(RunState state) {
    return state == RunState::Finished || state == RunState::Failed || state == RunState::Stopped ||
           state == RunState::Lost;
}

std::string RunStatus::toJson() const {
    JsonObject object;
    object.add("state", runStateName(state)).add("pid", pid).add("pgid", pgid);
    if (wrapperPid > 0) object.add("wrapper_pid", wrapperPid);
    object.add("host", host).add("started", started).add("updated", updated).add("ended", ended);
    if (exitCode) {
        object.add("exit_code", *exitCode);
    } else {
        object.addNull("exit_code");
    }
    object.add("epoch", epoch).add("step", step).add("message", message);
    return object.str();
}

// Only "state" is required: status files written by hand or by other tools may omit the rest.
Result<RunStatus> RunStatus::fromJson(std::string_view text) {
    auto parsed = parseFlatJson(text);
    if (!parsed) return parsed.failure();
    const FlatJson& object = *parsed;
    const auto stateIt = object.find("state");
    if (stateIt == object.end()) return fail("status has no \"state\" field");
    const auto* stateName = std::get_if<std::string>(&stateIt->second);
    if (!stateName) return fail("status field \"state\" is not a string");
    const auto state = runStateFromName(*stateName);
    if (!state) return fail("status has an unknown state \"" + *stateName + "\"");

    RunStatus status;
    status.state = *state;
    status.pid = toInt(jsonNumber(object, "pid"));
    status.pgid = toInt(jsonNumber(object, "pgid"));
    status.wrapperPid = toInt(jsonNumber(object, "wrapper_pid"));
    status.host = jsonString(object, "host");
    status.started = jsonNumber(object, "started");
    status.updated = jsonNumber(object, "updated");
    status.ended = jsonNumber(object, "ended");
    const auto codeIt = object.find("exit_code");
    if (codeIt != object.end()) {
        if (const auto* code = std::get_if<double>(&codeIt->second))
            status.exitCode = static_cast<int>(toInt(*code));
    }
    status.epoch = toInt(jsonNumber(object, "epoch"));
    status.step = toInt(jsonNumber(object, "step"));
    status.message = jsonString(object, "message");
    return status;
}

Result<void> writeStatus(const std::string& path, const RunStatus& status) {
    return writeFileAtomic(path, status.toJson() + "\n");
}

Result<RunStatus> readStatus(const std::string& path) {
    auto text = readFile(path);
    if (!text) return text.failure();
    auto status = RunStatus::fromJson(*text);
    if (!status) return fail(path + ": " + status.error());
    return status;
}

}  // namespace tb
