#pragma once
// RemoteGpuMonitor: a host's GPUs through one long-lived `nvidia-smi ... -l 1` stream on its
// HostConnection. The same rounds, modes and history as the local GpuMonitor (GpuSource), so the
// GPU panel follows either. When the link goes, the stream waits (Mode::Waiting) and reopens
// once the connection is back.

#include <QPointer>
#include <QTimer>

#include "core/gpu/gpu_source.h"
#include "remote/ssh/remote_command.h"
#include "remote/ssh/ssh_result.h"

namespace tb {

class HostConnection;

// The command of the stream: PROGRAM with nvidiaSmiQueryArguments(), ended on the box when the
// channel closes; exit 127 when the box has no such program.
RemoteCommand remoteGpuQueryCommand(const QString& program);

class RemoteGpuMonitor : public GpuSource {
    Q_OBJECT

public:
    // Connecting is left to the connection's owner. Should the connection go first (its host
    // removed), this stays Waiting and touches nothing.
    explicit RemoteGpuMonitor(HostConnection* connection, QObject* parent = nullptr);
    ~RemoteGpuMonitor() override;

    void start() override;
    void stop() override;
    QString placeName() const override { return m_hostName; }

    bool isStreaming() const { return m_stream != 0; }
    bool hasConnection() const { return !m_connection.isNull(); }
    int streamsOpened() const { return m_opened; }  // times the stream was (re)opened

protected:
    void relaunch() override { open(); }

private:
    void open();
    void closeStream();
    void onData(quint64 streamId, const QByteArray& data);
    void onStreamFinished(quint64 streamId, const ExecResult& result);
    void waitForLink(const QString& why);

    QPointer<HostConnection> m_connection;
    QString m_hostName;
    QTimer m_retry;  // reopens after a broken stream when the link turns out to be fine
    quint64 m_stream = 0;
    int m_opened = 0;
    bool m_active = false;
};

}  // namespace tb
