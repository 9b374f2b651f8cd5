#pragma once
// The checkpoints of one run: read from their JSON sidecars, checked on demand with
// `trainbench-train --inspect` in a separate process, so a corrupt file never takes the app down.

#include <QList>
#include <QMap>
#include <QObject>
#include <QString>

#include "protocol/result.h"

namespace tb {

struct CheckpointEntry {
    enum class Check { NotChecked, Checking, Ok, Corrupt };

    QString path;  // the .pt file
    QString name;  // ckpt-e0003-s0001200
    qint64 epoch = 0;
    qint64 step = 0;
    double time = 0;
    QMap<QString, double> metrics;
    qint64 bytes = 0;     // actual file size
    bool complete = false;  // the .pt exists with the size its sidecar records
    Check check = Check::NotChecked;
    QString checkMessage;  // the inspector's error line when corrupt
    QString paramSha256;
};

class CheckpointCatalog : public QObject {
    Q_OBJECT

public:
    // `trainerPath`: the trainbench-train binary used for --inspect.
    explicit CheckpointCatalog(const QString& trainerPath, QObject* parent = nullptr);

    void setRunDir(const QString& runDir);
    QString runDir() const { return m_runDir; }
    const QList<CheckpointEntry>& entries() const { return m_entries; }  // by step
    int indexOfPath(const QString& path) const;

    void refresh();
    void inspect(int index);  // asynchronous; emits entryChanged when done
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
    QList<CheckpointEntry> m_entries;
};

}  // namespace tb
