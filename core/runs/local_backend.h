#pragma once
// Runs on this machine: each run is started through resources/tb-wrap.sh in its own session,
// so quitting or crashing the app never stops it.

#include <QString>

#include "backend.h"
#include "launch_config.h"

namespace tb {

class LocalBackend : public Backend {
public:
    // `binDir` holds trainbench-train and tb-wrap.sh (the app's own directory).
    LocalBackend(const QString& runsRoot, const QString& binDir);

    // Blocking forms (a local launch or signal takes milliseconds); the Backend calls answer
    // with them before they return.
    Result<QString> launch(const LaunchRequest& request);
    Result<void> stop(const QString& runId);
    Result<void> kill(const QString& runId);
    void launchAsync(const LaunchRequest& request, Done<QString> done) override {
        done(launch(request));
    }
    void stopAsync(const QString& runId, Done<void> done) override { done(stop(runId)); }
    void killAsync(const QString& runId, Done<void> done) override { done(kill(runId)); }
    void configAsync(const QString& runId, Done<QByteArray> done) override;

    QString runsRoot() const { return m_runsRoot; }
    QString binDir() const { return m_binDir; }

private:
    Result<QString> launchScript(const LaunchRequest& request);
    Result<void> writeRunFiles(const QString& id, const PreparedConfig& config,
                               const QByteArray& runJson);
    Result<QString> startRun(const QString& id, const QStringList& command,
                             const PreparedConfig& config, const QByteArray& runJson);
    // A sweep's trial: the run's files, and its start script in the sweep's queue.
    Result<QString> enqueueRun(const QString& id, const QStringList& command,
                               const QStringList& resume, const PreparedConfig& config,
                               const QByteArray& runJson, const QString& queueScript);
    Result<void> signalRun(const QString& runId, int signal);

    QString m_runsRoot;
    QString m_binDir;
};

}  // namespace tb
