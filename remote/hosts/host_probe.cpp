// HostProbe: the probe script (POSIX sh, one section per marker) and its single exec.

#include "host_probe.h"

#include <QCoreApplication>

#include "probe_parsers.h"
#include "remote/ssh/ssh_session_thread.h"

namespace tb {

namespace {

// Each section is best effort: a missing tool leaves its section empty, never stops the rest.
// Python runs under timeout(1) because importing torch on a broken driver can hang. Conda
// pythons are looked for where images put them: a non-interactive shell never ran conda init.
const char kProbeScript[] = R"SH(
echo @@os
uname -srm
grep '^PRETTY_NAME=' /etc/os-release 2>/dev/null
echo @@cpu
nproc 2>/dev/null || getconf _NPROCESSORS_ONLN
echo @@mem
grep -E '^(MemTotal|MemAvailable):' /proc/meminfo 2>/dev/null
echo @@df
df -P -B1 2>/dev/null
echo @@dfi
df -P -i 2>/dev/null
echo @@gpu
if command -v nvidia-smi >/dev/null 2>&1; then
  nvidia-smi --query-gpu=index,name,memory.total,driver_version --format=csv,noheader,nounits 2>&1
  echo @@cuda
  nvidia-smi 2>/dev/null | grep 'CUDA Version'
fi
echo @@python
limit=
command -v timeout >/dev/null 2>&1 && limit='timeout 30'
seen=' '
for p in "$(command -v python 2>/dev/null)" "$(command -v python3 2>/dev/null)" \
    /opt/conda/bin/python /opt/conda/envs/*/bin/python \
    /root/miniconda3/bin/python /root/miniconda3/envs/*/bin/python \
    "$HOME/miniconda3/bin/python" "$HOME"/miniconda3/envs/*/bin/python \
    "$HOME/anaconda3/bin/python" "$HOME"/anaconda3/envs/*/bin/python \
    /usr/local/bin/python3 /usr/bin/python3; do
  [ -n "$p" ] && [ -x "$p" ] || continue
  real=$(readlink -f "$p" 2>/dev/null) || real=$p
  case "$seen" in *" $real "*) continue ;; esac
  seen="$seen$real "
  echo "path $p"
  $limit "$p" -c 'import sys
sys.stdout.write("version %s\n" % sys.version.split()[0])
sys.stdout.flush()
import torch
sys.stdout.write("torch %s %s %s\n" % (torch.__version__, torch.cuda.is_available(), torch.version.cuda))' 2>/dev/null
  echo "exit $?"
done
echo @@tools
for tool in tmux cmake g++ zstd; do echo "$tool $(command -v "$tool" 2>/dev/null)"; done
echo @@end
)SH";

}  // namespace

HostProbe::HostProbe(SshSessionThread* session, QObject* parent)
    : QObject(parent), m_session(session) {
    connect(session->session(), &SshSession::execFinished, this,
            [this](quint64 requestId, const ExecResult& exec) {
                if (requestId != m_requestId) return;
                m_requestId = 0;
                Q_EMIT finished(resultFrom(exec));
            });
}

RemoteCommand HostProbe::command() {
    RemoteCommand command(QStringLiteral("sh"));
    command.arg(QStringLiteral("-c")).arg(QString::fromUtf8(kProbeScript));
    return command;
}

ProbeResult HostProbe::resultFrom(const ExecResult& exec) {
    ProbeResult result;
    if (!exec.ok()) {
        result.failure = exec.failure;
        result.message =
            QCoreApplication::translate("HostProbe", "Probe failed: %1").arg(exec.message);
        return result;
    }
    const QString output = QString::fromUtf8(exec.standardOutput);
    // The last marker proves the script ran to its end rather than being cut off.
    if (!splitProbeSections(output).contains(QStringLiteral("end"))) {
        result.failure = SshFailure::Protocol;
        //: %2 is what the probe script printed on stderr
        result.message = QCoreApplication::translate("HostProbe",
                                                     "Probe stopped before its end (exit status "
                                                     "%1): %2 Check that the host has a POSIX sh.")
                             .arg(QString::number(exec.exitStatus),
                                  QString::fromUtf8(exec.standardError).trimmed());
        return result;
    }
    result.report = parseProbeOutput(output);
    return result;
}

void HostProbe::start() {
    m_requestId = m_session->exec(command());
}

}  // namespace tb
