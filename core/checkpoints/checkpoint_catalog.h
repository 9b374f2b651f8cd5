#pragma once
// The checkpoints of one run: read from their JSON sidecars, checked on demand with
// `trainbench-train --inspect` in a separate process, so a corrupt file never takes the app down.

#include <QList>
#include <QObject>
#include <QString>

#include "checkpoint_entry.h"
#include "core/protocol/result.h"

namespace tb {

class CheckpointCatalog : public QObject {
    Q_OBJECT

public:
    // `trainerPath`: the trainbench-train binary used for --inspect.
    explicit CheckpointCatalog(const QString& trainerPath, QObject* parent = nullptr);

    void setRunDir(const QString& runDir);
    // A remote run's checkpoints as listed on its host (paths on the box): shown as they are,
    // never inspected or deleted here; refresh() keeps them.
    void showRemote(const QString& host, const QString& runDir, QList<CheckpointEntry> entries);
    QString runDir() const { return m_runDir; }
    QString remoteHost() const { return m_remoteHost; }  // empty for a local run
    // The files are on this machine: they can be inspected, revealed and deleted here.
    bool filesHere() const { return m_remoteHost.isEmpty(); }
    const QList<CheckpointEntry>& entries() const { return m_entries; }  // by step
    int indexOfPath(const QString& path) const;

    void refresh();
    void inspect(int index);         // asynchronous; emits entryChanged when done
    Result<void> remove(int index);  // the .pt and its sidecar

Q_SIGNALS:
    void entriesReset();
    void entryChanged(int index);

private:
    Result<void> pointLatestAtNewest();
    void finishInspection(const QString& path, int exitCode, const QByteArray& out,
                          const QByteArray& err);

    QString m_trainerPath;
    QString m_runDir;
    QString m_remoteHost;
    QList<CheckpointEntry> m_entries;
};

}  // namespace tb
