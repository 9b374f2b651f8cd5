#pragma once
// Runs on this machine: each run is started through resources/tb-wrap.sh in its own session,
// so quitting or crashing the app never stops it.

#include <QString>

#include "runs/backend.h"
#include "runs/launch_config.h"

namespace tb {

class LocalBackend : public Backend {
public:
    // `binDir` holds trainbench-train and tb-wrap.sh (the app's own directory).
    LocalBackend(const QString& runsRoot, const QString& binDir);

    Result<QString> launch(const LaunchRequest& request) override;
    Result<void> stop(const QString& runId) override;
    Result<void> kill(const QString& runId) override;

    QString runsRoot() const { return m_runsRoot; }
    QString binDir() const { return m_binDir; }

private:
    Result<QString> launchScript(const LaunchRequest& request);
    Result<QString> startRun(const QString& id, const QStringList& command,
                             const PreparedConfig& config, const QByteArray& runJson);
    Result<void> signalRun(const QString& runId, int signal);

    QString m_runsRoot;
    QString m_binDir;
};

}  // namespace tb
