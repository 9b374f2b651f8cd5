#pragma once
// What a script run (LaunchRequest::command) adds to a launch, shared by LocalBackend and
// RemoteBackend so both run the user's command the same way: the config its placeholders
// read, its name, the filled command and the tb-wrap.sh options that run it.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "backend.h"
#include "core/protocol/result.h"
#include "launch_config.h"

namespace tb {

struct ScriptPlan {
    PreparedConfig config;  // the request's config, or the schema defaults with --set applied
    std::string name;       // the config's name, else one taken from the command
    QString command;        // placeholders filled and quoted, ready for the shell
};

// Checks everything before a run directory exists: the command is not empty, the metrics
// regex compiles, every placeholder is a config key, and no resume is asked for.
Result<ScriptPlan> prepareScript(const LaunchRequest& request);

// tb-wrap.sh arguments after RUN_DIR: [--workdir DIR] [--env LINE] [--metrics-regex RE]
// [--metrics-tool TOOL] [--tensorboard DIR] --shell COMMAND. `workDir` and `metricsTool` are
// paths on the machine that runs the command (TOOL is its trainbench-train; empty: none there,
// which a regex cannot do without).
QStringList scriptWrapperArgs(const LaunchRequest& request, const ScriptPlan& plan,
                              const QString& workDir, const QString& metricsTool);

// run.json with the script's own fields added: "script": {"template", "command", "workdir",
// "env", "metrics_regex"[, "tensorboard"]}.
QByteArray withScriptFields(const QByteArray& runJson, const LaunchRequest& request,
                            const ScriptPlan& plan, const QString& workDir);

}  // namespace tb
