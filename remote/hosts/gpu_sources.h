// GpuSources: whose GPUs are watched — this machine's or a connected host's — without a window.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>

#include "core/gpu/gpu_util_hint.h"

namespace tb {

class GpuSource;
class HostsController;
class RemoteGpuMonitor;
class RunCatalog;
struct RunInfo;

// Offers "this machine" (key "") and the hosts that are not offline. A host's
// RemoteGpuMonitor (one nvidia-smi stream on the host's connection) is made the first time
// that host is shown, and stopped while another source is shown; the local source is left to
// its owner. It also finds the run training where it looks, for the idle-GPU hint.
class GpuSources : public QObject {
    Q_OBJECT

public:
    GpuSources(GpuSource* local, HostsController* hosts, RunCatalog* catalog,
               QObject* parent = nullptr);
    ~GpuSources() override;

    // The key of the machine `run` trains on: its host when it is remote, else "".
    static QString keyFor(const RunInfo& run);

    // Shows `key` ("" for this machine, else a host's name); a host without a connection
    // leaves this machine's source shown under its key.
    void show(const QString& key);
    // Sends hostChoicesChanged and trainingRunChanged for the present state.
    void refresh();
    // The program the hosts' streams run; tests use a fake.
    void setRemoteNvidiaSmiProgram(const QString& program) { m_program = program; }

    QString shownKey() const { return m_shown; }  // "" for this machine, else the host's name
    GpuSource* shownSource() const { return m_source; }       // null when its host went
    RemoteGpuMonitor* monitorFor(const QString& host) const;  // null until shown once

Q_SIGNALS:
    // Sent on every refresh, whether or not they differ from the last ones.
    void hostChoicesChanged(const QStringList& hosts);
    void trainingRunChanged(const tb::TrainingRun& run);
    void shownSourceChanged(tb::GpuSource* source);  // null: none (its host was removed)

private:
    void refreshHosts();
    void dropGoneMonitors();
    void refreshTrainingRun();
    void setSource(GpuSource* source);

    GpuSource* m_local;
    HostsController* m_hosts;
    RunCatalog* m_catalog;
    std::map<QString, RemoteGpuMonitor*> m_remote;  // owned, by host name
    GpuSource* m_source;
    QString m_shown;
    QString m_program = QStringLiteral("nvidia-smi");
};

}  // namespace tb
