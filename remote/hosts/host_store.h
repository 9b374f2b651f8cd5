#pragma once
// HostStore: the user's remote hosts, kept as JSON in the config dir — never with secrets.

#include "core/protocol/result.h"
#include "remote/ssh/ssh_target.h"
#include "slurm_options.h"

#include <QList>
#include <QString>

namespace tb {

struct RemoteHost {
    QString name;  // what the user types: `trainbench probe NAME`
    SshTarget target;
    QString runsRoot;           // empty: decided by the probe (data disk when there is one)
    QString python;             // empty: decided by the probe
    double pricePerHour = 0.0;  // 0: unknown, no cost meter
    QString origin;             // where it came from: "ssh line", "ssh config ALIAS", "by hand"
    QString trainerPath;        // trainbench-train on the box, as `trainbench prepare` built it
    // What "shut the instance down when this run ends" runs on the box (a shell line).
    QString shutdownCommand = QStringLiteral("shutdown -h now");
    // A Slurm cluster's login node: runs are submitted with sbatch under these defaults.
    SlurmOptions slurm;

    bool operator==(const RemoteHost&) const = default;
};

struct HostReport;

// The probe decides what the user left empty: the runs root on the data disk when there is
// one (e.g. /root/autodl-tmp/trainbench), else ~/trainbench; the python that has torch with
// CUDA, else torch, else any. True when something was filled in.
bool fillFromProbe(RemoteHost& host, const HostReport& report);

class HostStore {
public:
    // The file lives in configDir/hosts.json.
    explicit HostStore(QString configDir);

    // --config-dir when given (setConfigDirOverride), else $TRAINBENCH_HOME (tests, portable
    // installs), else the app config location.
    static QString defaultConfigDir();
    // What --config-dir says, for this process; empty: no override.
    static void setConfigDirOverride(const QString& dir);

    // A missing file is an empty store, not an error.
    [[nodiscard]] Result<void> load();
    [[nodiscard]] Result<void> save() const;

    const QList<RemoteHost>& hosts() const { return m_hosts; }
    const RemoteHost* find(const QString& name) const;
    [[nodiscard]] Result<void> add(const RemoteHost& host);
    [[nodiscard]] Result<void> update(const RemoteHost& host);
    [[nodiscard]] Result<void> remove(const QString& name);

    QString filePath() const;

    // Names are typed on command lines, so they stay shell-friendly.
    [[nodiscard]] static Result<void> checkName(const QString& name);

private:
    QString m_configDir;
    QList<RemoteHost> m_hosts;
};

}  // namespace tb
