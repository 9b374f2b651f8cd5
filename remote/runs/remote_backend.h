#pragma once
// RemoteBackend: runs on one SSH host — launch, stop, kill and scan, each one or two round
// trips through the host's SshSessionThread. Asynchronous calls for the GUI, blocking ones
// (a local event loop) for the command line. A failed command makes the HostConnection check
// the link, which reconnects with backoff; RemoteFollower waits for that to continue.

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "core/runs/backend.h"
#include "remote/hosts/slurm_options.h"
#include "remote/ssh/ssh_result.h"
#include "remote_checkpoints.h"
#include "remote_run_scan.h"
#include "remote_run_scripts.h"

namespace tb {

class HostConnection;
struct LaunchPlan;
struct SignalRequest;

struct RemoteHostSettings {
    QString name;  // the stored host's name: run.json's target, and in messages
    QString runsRoot = QStringLiteral("~/trainbench");
    QString trainerPath;  // trainbench-train on the host (what "Prepare host" will provide)
    QString wrapperFile;  // the local tb-wrap.sh, uploaded into each run directory
    RemoteStartMode startMode = RemoteStartMode::Auto;
    SlurmOptions slurm;  // enabled: a login node, where runs are submitted with sbatch
};

class RemoteBackend : public QObject, public Backend {
    Q_OBJECT

public:
    using ExecCallback = std::function<void(const ExecResult&)>;
    template <typename T>
    using Callback = std::function<void(Result<T>)>;

    // The connection must be connected (host key trusted) or about to be; it outlives this.
    RemoteBackend(HostConnection* connection, RemoteHostSettings settings,
                  QObject* parent = nullptr);
    ~RemoteBackend() override;

    const RemoteHostSettings& settings() const { return m_settings; }
    HostConnection* connection() const { return m_connection; }
    // The absolute runs root, once a launch or scan has resolved it; else the setting.
    QString runsRoot() const { return m_root.isEmpty() ? m_settings.runsRoot : m_root; }
    QString runDir(const QString& runId) const { return runsRoot() + QLatin1Char('/') + runId; }

    // Runs one command; when it fails for want of a link, the connection checks it (and
    // reconnects) before `done` runs.
    void execAsync(const RemoteCommand& command, ExecCallback done);
    void launchAsync(const LaunchRequest& request, Callback<QString> done) override;
    void stopAsync(const QString& runId, Callback<void> done) override {
        signalAsync(runId, QStringLiteral("TERM"), std::move(done));
    }
    void killAsync(const QString& runId, Callback<void> done) override {
        signalAsync(runId, QStringLiteral("KILL"), std::move(done));
    }
    void configAsync(const QString& runId, Callback<QByteArray> done) override;
    void signalAsync(const QString& runId, const QString& signal, Callback<void> done);
    void scanAsync(Callback<RemoteScan> done);
    // A run's checkpoints, by step; with `withConfig` also its config files (for a resume).
    void checkpointsAsync(const QString& runId, bool withConfig, Callback<RemoteCheckpoints> done);

    // Blocking forms through awaitResult (command line and tests, not the GUI thread).
    Result<QString> launch(const LaunchRequest& request);
    Result<void> stop(const QString& runId);
    Result<void> kill(const QString& runId);
    Result<RemoteScan> scan();
    Result<RemoteCheckpoints> checkpoints(const QString& runId, bool withConfig = false);

private:
    void onExecFinished(quint64 requestId, const ExecResult& result);
    void sendSignal(const std::shared_ptr<SignalRequest>& request);
    void resendWhenConnected(const std::shared_ptr<SignalRequest>& request, const QString& why);
    void launchResume(const LaunchRequest& request, std::shared_ptr<LaunchPlan> plan,
                      Callback<QString> done);
    void listAsync(const QString& root, const QString& runId, bool withConfig,
                   Callback<RemoteCheckpoints> done);
    void claimAndStart(std::shared_ptr<LaunchPlan> plan, Callback<QString> done);
    void startRun(const ExecResult& claimed, const LaunchPlan& plan, Callback<QString> done);
    QString where() const;  // "host NAME", in the user's language

    HostConnection* m_connection;
    RemoteHostSettings m_settings;
    QString m_root;
    QHash<quint64, ExecCallback> m_pending;
};

}  // namespace tb
