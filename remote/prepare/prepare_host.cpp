// HostPreparer: the prepare steps as a chain of queued requests on the host's session.

#include "prepare_host.h"

#include "core/runs/fail_text.h"
#include "core/runs/name_table.h"
#include "prepare_host_sources.h"
#include "remote/ssh/ssh_session_thread.h"
#include "remote/transfer/transfer_remote.h"
#include "remote/transfer/transfer_session.h"

#include <QTemporaryDir>

namespace tb {

namespace {

constexpr int kTailLines = 25;

// $1 the build folder, $2 "1" to drop an earlier build. Prints cached, building or none; for
// none the stale sources are gone, so the upload lands in an empty src/.
const char kCheckScript[] = R"SH(
mkdir -p "$1" && cd "$1" || exit 1
if [ -f job.pid ] && [ ! -f job.exit ] && kill -0 "$(cat job.pid)" 2>/dev/null; then
  echo building; exit 0
fi
[ "$2" = 1 ] && rm -rf bin build
if [ -x bin/trainbench-train ] && bin/trainbench-train --version >/dev/null 2>&1; then
  echo cached; exit 0
fi
rm -rf src
echo none
)SH";

}  // namespace

QString prepareStepName(PrepareStep step) {
    static constexpr EnumName<PrepareStep> kNames[] = {{PrepareStep::Detect, "detect"},
                                                       {PrepareStep::InstallTools, "install-tools"},
                                                       {PrepareStep::CheckCache, "check-cache"},
                                                       {PrepareStep::Upload, "upload"},
                                                       {PrepareStep::Build, "build"},
                                                       {PrepareStep::Verify, "verify"},
                                                       {PrepareStep::Done, "done"}};
    return nameOf(step, kNames);
}

HostPreparer::HostPreparer(SshSessionThread* session, QString hostName, QString where,
                           QObject* parent)
    : QObject(parent),
      m_session(session),
      m_hostName(std::move(hostName)),
      m_where(std::move(where)),
      m_job(session) {
    connect(m_session->session(), &SshSession::execFinished, this, &HostPreparer::onExecFinished);
    connect(m_session->session(), &SshSession::transferFinished, this,
            &HostPreparer::onTransferFinished);
    connect(&m_job, &RemoteJob::output, this, &HostPreparer::onJobOutput);
    connect(&m_job, &RemoteJob::finished, this, &HostPreparer::onJobFinished);
}

HostPreparer::~HostPreparer() = default;

void HostPreparer::prepare(const PrepareOptions& options) {
    if (m_busy) return;
    m_options = options;
    m_busy = true;
    m_toolsInstalled = false;
    m_keyDir.clear();
    m_tail.clear();
    m_partialLine.clear();
    m_job.setPollInterval(options.pollMs);
    detect();
}

void HostPreparer::cancel() {
    if (!m_busy) return;
    if (m_job.isRunning()) {
        m_job.cancel();  // onJobFinished reports it
        return;
    }
    if (m_transferId) m_session->cancel();
    m_execId = m_transferId = 0;
    failWith(SshFailure::Cancelled, tr("preparing %1 was cancelled").arg(m_where));
}

void HostPreparer::detect() {
    setStep(PrepareStep::Detect, tr("looking for cmake, g++ and LibTorch on %1").arg(m_where));
    m_execId = m_session->exec(
        remoteScript(boxDetectScript(), {m_options.python, m_options.cmake, m_options.cxx}));
}

void HostPreparer::onExecFinished(quint64 requestId, const ExecResult& result) {
    if (requestId == 0 || requestId != m_execId) return;
    m_execId = 0;
    if (!result.ok()) {
        //: %1 is the host, %2 why the connection failed
        failWith(result.failure, tr("preparing %1: %2").arg(m_where, result.message));
    } else if (m_step == PrepareStep::Detect) {
        onDetected(result);
    } else if (m_step == PrepareStep::CheckCache) {
        onCacheChecked(result);
    } else if (m_step == PrepareStep::Verify) {
        onVerified(result);
    }
}

void HostPreparer::onDetected(const ExecResult& result) {
    m_box = parseBoxToolchain(result.standardOutput);
    if (m_box.home.isEmpty()) {
        failWith(SshFailure::Protocol,
                 //: %1 is the host, %2 the check's error output
                 tr("%1 did not answer the toolchain check: %2")
                     .arg(m_where, QString::fromUtf8(result.standardError).trimmed()));
        return;
    }
    if (!m_box.missingTools().isEmpty()) {
        const QString script = installToolsScript(m_box);
        if (!m_options.installTools || m_toolsInstalled || script.isEmpty()) {
            failWith(SshFailure::Protocol, missingToolsMessage(m_box, m_where, m_hostName));
            return;
        }
        //: %1 lists the tools ("cmake, g++"), %2 is the host, %3 the install command
        setStep(PrepareStep::InstallTools, tr("installing %1 on %2: %3")
                                               .arg(m_box.missingTools().join(QStringLiteral(", ")),
                                                    m_where, installToolsCommand(m_box)));
        m_toolsInstalled = true;
        const QString root = m_options.cacheRoot.isEmpty()
                                 ? m_box.home + QStringLiteral("/.cache/trainbench/trainer")
                                 : m_options.cacheRoot;
        m_job.start(root + QStringLiteral("/install-tools"), RemoteCommand::trustedScript(script));
        return;
    }
    if (m_options.installTools)
        Q_EMIT progress(tr("cmake, g++ and make are already on %1").arg(m_where));
    if (m_box.torchCmakeDir.isEmpty()) {
        QString why = m_box.pythonTorchNote.isEmpty() ? tr("no python there imports torch")
                                                      : m_box.pythonTorchNote;
        failWith(SshFailure::Protocol,
                 //: %1 is the host, %2 why its python's torch cannot be used
                 tr("%1 has no LibTorch to build the trainer against: %2, and no "
                    "system LibTorch (TorchConfig.cmake) was found. Install torch "
                    "into the host's python (pip install torch) or set the host's "
                    "python to one that has it.")
                     .arg(m_where, why));
        return;
    }
    if (const QString tooOld = tooOldToolsMessage(m_box, m_where, m_hostName); !tooOld.isEmpty()) {
        failWith(SshFailure::Protocol, tooOld);
        return;
    }
    if (!m_box.cxxVersion.isEmpty() && !m_box.cmakeVersion.isEmpty())
        Q_EMIT progress(QStringLiteral("%1 %2 (%3), CMake %4 (%5)")
                            .arg(m_box.cxxKind == QLatin1String("clang") ? QStringLiteral("Clang")
                                                                         : QStringLiteral("GCC"),
                                 m_box.cxxVersion, m_box.cxx, m_box.cmakeVersion, m_box.cmake));
    //: %1 is a version, %2 "python" or "system" (where it was found), %4 a folder
    Q_EMIT progress(tr("LibTorch %1 (%2, _GLIBCXX_USE_CXX11_ABI=%3) in %4")
                        .arg(m_box.torchVersion, m_box.torchSource,
                             m_box.torchAbi.isEmpty() ? QStringLiteral("?") : m_box.torchAbi,
                             m_box.torchCmakeDir));
    if (!m_box.pythonTorchNote.isEmpty()) Q_EMIT progress(m_box.pythonTorchNote);
    checkCache();
}

void HostPreparer::checkCache() {
    const QString sources =
        m_options.sources.isEmpty() ? embeddedTrainerSources() : m_options.sources;
    const Result<QString> hash = hashTree(sources);
    if (!hash) {
        failWith(SshFailure::Protocol, QString::fromStdString(hash.error()));
        return;
    }
    const QString root = m_options.cacheRoot.isEmpty()
                             ? m_box.home + QStringLiteral("/.cache/trainbench/trainer")
                             : m_options.cacheRoot;
    m_keyDir = root + QLatin1Char('/') + trainerCacheKey(*hash, m_box);
    setStep(PrepareStep::CheckCache, tr("looking for a build in %1").arg(m_keyDir));
    m_execId = m_session->exec(
        remoteScript(QString::fromUtf8(kCheckScript),
                     {m_keyDir, m_options.rebuild ? QStringLiteral("1") : QStringLiteral("0")}));
}

void HostPreparer::onCacheChecked(const ExecResult& result) {
    const QByteArray answer = result.standardOutput.trimmed();
    if (result.exitStatus != 0) {
        failWith(SshFailure::Protocol,
                 //: %1 is a folder on the host %2, %3 the error output
                 tr("cannot use the cache folder %1 on %2: %3")
                     .arg(m_keyDir, m_where, QString::fromUtf8(result.standardError).trimmed()));
    } else if (answer == "cached") {
        Q_EMIT progress(tr("cached: %1/bin/trainbench-train was built before for "
                           "these sources and this LibTorch")
                            .arg(m_keyDir));
        succeed(true);
    } else if (answer == "building") {
        Q_EMIT progress(tr("a build is already running in %1; following it").arg(m_keyDir));
        build();
    } else {
        upload();
    }
}

void HostPreparer::upload() {
    QString local = m_options.sources;
    if (local.isEmpty()) {
        m_staged = std::make_unique<QTemporaryDir>();
        const Result<void> copied =
            m_staged->isValid() ? copyTree(embeddedTrainerSources(), m_staged->path())
                                : Result<void>(failText(tr("cannot create a temporary folder")));
        if (!copied) {
            failWith(SshFailure::Protocol, QString::fromStdString(copied.error()));
            return;
        }
        local = m_staged->path();
    }
    setStep(PrepareStep::Upload, tr("uploading the trainer's sources to %1/src").arg(m_keyDir));
    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = local;
    request.remotePath = m_keyDir + QStringLiteral("/src");
    m_transferId = startTransfer(*m_session, request);
}

void HostPreparer::onTransferFinished(quint64 requestId, const TransferResult& result) {
    if (requestId == 0 || requestId != m_transferId) return;
    m_transferId = 0;
    m_staged.reset();
    if (!result.ok()) {
        //: %1 is the host, %2 why the upload failed
        failWith(result.failure,
                 tr("uploading the trainer's sources to %1: %2").arg(m_where, result.message));
        return;
    }
    //: %3 is the transfer method ("tar+zstd")
    Q_EMIT progress(
        tr("uploaded %1 files (%2 bytes, %3)")
            .arg(QString::number(result.files), QString::number(result.bytes), result.method));
    build();
}

void HostPreparer::build() {
    //: %1 is the host, %2 the number of parallel compile jobs
    setStep(PrepareStep::Build, tr("building trainbench-train on %1 with %2 jobs")
                                    .arg(m_where, QString::number(m_box.cpus)));
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(m_keyDir + QStringLiteral("/src/build.sh"))
        .args({m_keyDir, m_box.torchCmakeDir, QString::number(m_box.cpus), m_box.cmake, m_box.cxx,
               m_box.torchSource == QLatin1String("python") ? m_box.torchAbi : QString()});
    m_job.start(m_keyDir, command);
}

void HostPreparer::onJobOutput(const QByteArray& bytes) {
    m_partialLine += bytes;
    qsizetype start = 0;
    for (qsizetype end; (end = m_partialLine.indexOf('\n', start)) >= 0; start = end + 1) {
        const QString line = QString::fromUtf8(m_partialLine.mid(start, end - start));
        m_tail.append(line);
        if (m_tail.size() > kTailLines) m_tail.removeFirst();
        Q_EMIT progress(line);
    }
    m_partialLine.remove(0, start);
}

void HostPreparer::onJobFinished(int exitCode, SshFailure failure, const QString& message) {
    if (!m_busy) return;  // a second cancel() already reported the end
    if (!m_partialLine.isEmpty()) onJobOutput(QByteArrayLiteral("\n"));
    const bool installing = m_step == PrepareStep::InstallTools;
    //: as in "installing the build tools on HOST failed"
    const QString installingText = tr("installing the build tools");
    //: as in "building the trainer on HOST failed"
    const QString buildingText = tr("building the trainer");
    const QString what = installing ? installingText : buildingText;
    if (failure == SshFailure::Cancelled) {
        //: %1 is "installing the build tools" or "building the trainer", %2 the host
        failWith(failure, tr("%1 on %2 was cancelled").arg(what, m_where));
    } else if (failure != SshFailure::None) {
        //: %1 is "installing the build tools" or "building the trainer", %2 the host, %3 why it
        //: could not go on
        failWith(failure, tr("%1 on %2: %3").arg(what, m_where, message));
    } else if (exitCode != 0) {
        failWith(SshFailure::Protocol,
                 //: %1 is "installing the build tools" or "building the trainer", %2 the host,
                 //: %3 the exit code, %4 the last lines of the log
                 tr("%1 on %2 failed (exit %3); the log ends:\n%4")
                     .arg(what, m_where, QString::number(exitCode), logTail()));
    } else if (installing) {
        detect();
    } else {
        setStep(PrepareStep::Verify, tr("checking the new trainer"));
        RemoteCommand check(m_keyDir + QStringLiteral("/bin/trainbench-train"));
        m_execId = m_session->exec(check.arg(QStringLiteral("--version")));
    }
}

void HostPreparer::onVerified(const ExecResult& result) {
    if (result.exitStatus != 0) {
        failWith(SshFailure::Protocol,
                 //: %1 is the host, %2 the trainer's error output
                 tr("the trainer built on %1 does not run: %2")
                     .arg(m_where, QString::fromUtf8(result.standardError).trimmed()));
        return;
    }
    Q_EMIT progress(QString::fromUtf8(result.standardOutput).trimmed());
    succeed(false);
}

void HostPreparer::setStep(PrepareStep step, const QString& text) {
    m_step = step;
    Q_EMIT stepChanged(step, text);
}

void HostPreparer::succeed(bool cached) {
    PrepareResult result;
    result.trainerPath = m_keyDir + QStringLiteral("/bin/trainbench-train");
    result.cached = cached;
    //: %1 is the host, %2 the trainer's path there
    result.message = tr("trainbench-train on %1: %2").arg(m_where, result.trainerPath);
    setStep(PrepareStep::Done, result.message);
    m_busy = false;
    Q_EMIT finished(result);
}

void HostPreparer::failWith(SshFailure failure, const QString& message) {
    m_busy = false;
    m_staged.reset();
    PrepareResult result;
    result.failure = failure;
    result.message = message;
    Q_EMIT finished(result);
}

QString HostPreparer::logTail() const {
    return m_tail.join(QLatin1Char('\n'));
}

}  // namespace tb
