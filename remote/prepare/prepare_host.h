#pragma once
// HostPreparer: "Prepare host" — builds trainbench-train on the box against the box's own
// LibTorch, once per source set and torch: detect, (install tools), check the cache, upload the
// embedded sources, build remotely with the log streamed back, verify. Lives on the GUI (or any
// event-loop) thread and talks to the session only through its queued calls and signals.

#include "prepare_host_box.h"
#include "prepare_host_job.h"
#include "remote/ssh/ssh_result.h"
#include "remote/ssh/transfer_types.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QTemporaryDir;

namespace tb {

class SshSessionThread;

enum class PrepareStep { Detect, InstallTools, CheckCache, Upload, Build, Verify, Done };

QString prepareStepName(PrepareStep step);  // "detect", "install-tools", ...

struct PrepareOptions {
    QString python;     // the host's python (RemoteHost::python); empty: the usual candidates
    QString cacheRoot;  // empty: ~/.cache/trainbench/trainer on the box
    QString sources;    // the trainer tree to upload; empty: the one embedded in this program
    QString cmake = QStringLiteral("cmake");  // program names looked up on the box's PATH
    QString cxx = QStringLiteral("g++");
    bool installTools = false;  // run the install command when cmake / g++ / make are missing
    bool rebuild = false;       // build again even when the cache has this build
    int pollMs = 500;           // how often the build log is read
};

struct [[nodiscard]] PrepareResult {
    SshFailure failure = SshFailure::None;
    QString message;      // names the host and says what to do
    QString trainerPath;  // absolute, on the box
    bool cached = false;  // found built before; nothing was uploaded or built

    bool ok() const { return failure == SshFailure::None; }
};

class HostPreparer : public QObject {
    Q_OBJECT

public:
    // `where` names the box in messages ("root@box port 22"), hostName is the stored host's
    // name, for the commands a message suggests. The session must be connected.
    HostPreparer(SshSessionThread* session, QString hostName, QString where,
                 QObject* parent = nullptr);
    ~HostPreparer() override;

    void prepare(const PrepareOptions& options);
    // Stops what runs (the remote build's process group included); finished() says Cancelled.
    void cancel();
    bool isBusy() const { return m_busy; }
    const BoxToolchain& box() const { return m_box; }
    QString cacheDir() const { return m_keyDir; }  // the build's folder on the box, once known

Q_SIGNALS:
    void stepChanged(tb::PrepareStep step, const QString& text);
    void progress(const QString& line);  // one line of the build (or install) log, or a note
    void finished(const tb::PrepareResult& result);

private:
    void detect();
    void onExecFinished(quint64 requestId, const ExecResult& result);
    void onDetected(const ExecResult& result);
    void checkCache();
    void onCacheChecked(const ExecResult& result);
    void upload();
    void onTransferFinished(quint64 requestId, const TransferResult& result);
    void build();
    void onJobOutput(const QByteArray& bytes);
    void onJobFinished(int exitCode, SshFailure failure, const QString& message);
    void onVerified(const ExecResult& result);
    void setStep(PrepareStep step, const QString& text);
    void succeed(bool cached);
    void failWith(SshFailure failure, const QString& message);
    QString logTail() const;

    SshSessionThread* m_session;
    QString m_hostName;
    QString m_where;
    RemoteJob m_job;
    PrepareOptions m_options;
    BoxToolchain m_box;
    PrepareStep m_step = PrepareStep::Detect;
    std::unique_ptr<QTemporaryDir> m_staged;  // the sources copied out for the upload
    QString m_keyDir;
    QByteArray m_partialLine;
    QStringList m_tail;  // the last lines of the job's log, for a failure message
    quint64 m_execId = 0;
    quint64 m_transferId = 0;
    bool m_busy = false;
    bool m_toolsInstalled = false;
};

}  // namespace tb
