#pragma once
// The runs under one runs root, scanned from disk and refreshed on a timer, merged with the
// runs each SSH host's scan reported; changes batched.

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include "core/protocol/result.h"
#include "run_info.h"

class QTimer;

namespace tb {

class RunCatalog : public QObject {
    Q_OBJECT

public:
    explicit RunCatalog(const QString& runsRoot, QObject* parent = nullptr);

    QString runsRoot() const { return m_runsRoot; }
    const QList<RunInfo>& runs() const { return m_runs; }  // newest first
    const RunInfo* find(const QString& id) const;

    // Re-reads what changed (status.json mtimes, new or removed directories) and marks runs
    // `lost` whose status says running but whose process is gone without an exit code.
    void refresh();
    void startWatching(int intervalMs = 1000);

    // Replaces the runs last listed on `host` (its scan: target == host, dir on the host).
    void setRemoteRuns(const QString& host, QList<RunInfo> runs);
    // How the app reaches the host now ("reconnecting", "offline"; empty when connected):
    // shown next to its runs' target.
    void setHostNote(const QString& host, const QString& note);
    QString hostNote(const QString& host) const { return m_hostNotes.value(host); }
    QStringList remoteHosts() const { return m_remote.keys(); }
    bool isRemote(const RunInfo& run) const { return m_remote.contains(run.target); }
    // The host a run is on; empty for a run of this machine.
    QString hostOf(const RunInfo& run) const { return isRemote(run) ? run.target : QString(); }
    // Its state is current: a run of this machine, or one on a host the last scan reached.
    bool isReachable(const RunInfo& run) const {
        return !isRemote(run) || hostNote(run.target).isEmpty();
    }

    // annotations.json: the user's name, tags and note for a run (atomic rewrite).
    Result<void> annotate(const QString& id, const QString& name, const QStringList& tags,
                          const QString& note);
    // Deletes the run directory; refuses while the run is live.
    Result<void> remove(const QString& id);

Q_SIGNALS:
    void runsReset();                          // runs added or removed
    void runsUpdated(const QStringList& ids);  // fields of these runs changed (one batch)

private:
    Result<const RunInfo*> localRun(const QString& id, const char* onHost) const;
    void merge();  // m_runs = local + remote, newest first

    QString m_runsRoot;
    QList<RunInfo> m_runs;
    QList<RunInfo> m_local;
    QHash<QString, QList<RunInfo>> m_remote;  // host -> its last scan
    QHash<QString, QString> m_hostNotes;
    QHash<QString, qint64> m_statusStamps;  // id -> status.json mtime (ms) at last read
    QTimer* m_timer = nullptr;
};

}  // namespace tb
