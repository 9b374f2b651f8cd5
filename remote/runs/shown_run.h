#pragma once
// ShownRun: the one run a view shows in detail — where its output.log and its checkpoints come
// from, decided here and not in the widgets: a run of this machine is read from its folder, a
// run on a host from the log its follower streams and a listing on the box. Window-free.

#include <QByteArray>
#include <QObject>
#include <QString>

namespace tb {

class CheckpointCatalog;
class RemoteRuns;
class RunCatalog;

class ShownRun : public QObject {
    Q_OBJECT

public:
    enum class Listing { None, Listing, Listed, Failed, UnknownHost };
    Q_ENUM(Listing)

    ShownRun(RunCatalog* runs, CheckpointCatalog* checkpoints, RemoteRuns* remote,
             QObject* parent = nullptr);

    RemoteRuns* remoteRuns() const { return m_remote; }
    QString runId() const { return m_runId; }
    QString host() const { return m_host; }  // the shown run's host; empty on this machine
    // Shows `runId` (empty: none): the log opens and the checkpoints are listed. False when it
    // was shown already.
    bool show(const QString& runId);
    // Lists the checkpoints again (from the box for a run on a host).
    void refreshCheckpoints();

Q_SIGNALS:
    // Follow this file (a run of this machine) ...
    void logFileOpened(const QString& path);
    // ... or these bytes: `recent` now, then logBytes as they arrive (a run on a host).
    void logStreamOpened(const QString& source, const QByteArray& recent);
    void logBytes(const QByteArray& bytes);
    // The checkpoints' listing of the shown run; `detail` is the error text when Failed.
    void listingChanged(ShownRun::Listing listing, const QString& detail);

private:
    void listOnHost();

    RunCatalog* m_runs;
    CheckpointCatalog* m_checkpoints;
    RemoteRuns* m_remote;
    QString m_runId;
    QString m_host;
    bool m_listing = false;  // a listing on the box is on its way
};

}  // namespace tb
