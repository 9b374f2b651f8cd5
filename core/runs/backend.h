#pragma once
// Backend: the one interface through which the app launches and controls runs, local or remote.

#include <QString>
#include <QStringList>

#include "protocol/result.h"

namespace tb {

struct LaunchRequest {
    QString configPath;        // YAML config; or configText when set
    QString configText;        // edited YAML (fork with an edited config); wins over configPath
    QStringList sets;          // "key.path=value" overrides
    QString parentRun;         // resume / fork: the parent run id
    QString parentCheckpoint;  // resume / fork: checkpoint file to start from
    QString parentDir;  // the parent's folder when not RUNS_ROOT/parentRun (a copy fetched
                        // from another host); parentRun still names it in run.json

    // Your own script instead of the built-in trainer (the run is a script run when `command`
    // is set). The config is optional then: placeholders read the schema defaults and --set.
    QString command;       // shell line; {key.path} placeholders are filled from the config
    QString workDir;       // where it runs; empty: the run directory
    QString envLine;       // run first in the same shell, e.g. ". /etc/network_turbo"
    QString metricsRegex;  // output lines it matches become metrics, e.g. loss=(?<train_loss>\S+)

    bool isScript() const { return !command.isEmpty(); }
};

class Backend {
public:
    virtual ~Backend() = default;
    // Creates the run directory and starts the run detached; returns the run id.
    virtual Result<QString> launch(const LaunchRequest& request) = 0;
    virtual Result<void> stop(const QString& runId) = 0;  // SIGTERM to the process group
    virtual Result<void> kill(const QString& runId) = 0;  // SIGKILL to the process group
};

}  // namespace tb
