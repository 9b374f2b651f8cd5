#pragma once
// What every backend does before a launch: read, override and validate the config, and write
// run.json. Shared by LocalBackend and the remote backend so both follow one contract.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "backend.h"
#include "core/config/config_file.h"
#include "core/protocol/result.h"
#include "core/protocol/run_layout.h"

namespace tb {

struct PreparedConfig {
    LoadedConfig loaded;
    QByteArray yaml;  // frozen as config.yaml; empty when resuming from a resolved config
};

// The request's config (text, file, or the parent run's resolved config when `parentDir` is
// set and no config is given) with its --set overrides applied, validated. `dataPaths` says
// whether data.path is this machine's (checked here) or the SSH host's.
Result<PreparedConfig> prepareConfig(const LaunchRequest& request, const QString& parentDir,
                                     DataPathsOn dataPaths = DataPathsOn::ThisMachine);
// A parent's config.resolved text (and its config.yaml, frozen again) with the request's --set
// overrides applied, validated; `source` names the file in errors. For parents on a host.
Result<PreparedConfig> prepareResolvedConfig(const LaunchRequest& request,
                                             const std::string& resolvedText,
                                             const QByteArray& yaml, const std::string& source,
                                             DataPathsOn dataPaths = DataPathsOn::ThisMachine);

struct RunJsonFields {
    QString id;
    std::string name;
    QString target;  // "local" or the SSH host's name
    QStringList command;
    QString cwd;
    QString parentRun;
    QString parentCheckpoint;  // the checkpoint's file name
    QString sweep;             // a sweep's trial: the sweep id, the trial's index and label
    int trial = -1;
    QString trialLabel;
};

// A sweep's trials are named after the config with their number (mnist-t3); other runs keep it.
std::string trialName(const std::string& name, const LaunchRequest& request);

// Claims a fresh RUNS_ROOT/ID for a run named `name` created at `created` (Unix seconds). Two
// of one name within a second would share an id, so the later one gets a numbered suffix.
Result<QString> createRunDir(const QString& runsRoot, const std::string& name,
                             double created = unixNow());

// run.json as one compact line (docs/RUN_FORMAT.md).
QByteArray runJsonText(const RunJsonFields& fields);

}  // namespace tb
