// SlurmFixture: munge key, slurm.conf and the three daemons in a temp dir; ready once sinfo
// shows the node idle.
#include "slurm_fixture.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QSysInfo>
#include <QThread>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sshd_fixture.h"

namespace tb::test {
namespace {

const QString kNode = QStringLiteral("tbnode");

}  // namespace

SlurmFixture::SlurmFixture() = default;

SlurmFixture::~SlurmFixture() {
    stop();
}

QProcessEnvironment SlurmFixture::processEnvironment() const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SLURM_CONF"), confFile());
    return environment;
}

QString SlurmFixture::writeConfig(int controllerPort, int nodePort) const {
    // slurmctld runs only where SlurmctldHost names this machine; the node answers as tbnode.
    const QString host = QSysInfo::machineHostName().section(QLatin1Char('.'), 0, 0);
    const QString dir = m_dir.path();
    const QString text =
        QStringLiteral(
            "ClusterName=tb\nSlurmctldHost=%1(127.0.0.1)\nSlurmUser=root\nSlurmdUser=root\n"
            "SlurmctldPort=%2\nSlurmdPort=%3\nAuthType=auth/munge\nCredType=cred/munge\n"
            "AuthInfo=socket=%4/munge.sock\nStateSaveLocation=%4/state\n"
            "SlurmdSpoolDir=%4/spool\nSlurmctldPidFile=%4/slurmctld.pid\n"
            "SlurmdPidFile=%4/slurmd.pid\nSlurmctldLogFile=%4/slurmctld.log\n"
            "SlurmdLogFile=%4/slurmd.log\n"
            // No cgroups here: processes are tracked by their parents, jobs share the CPUs
            // they were given only by count.
            "ProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\n"
            "JobAcctGatherType=jobacct_gather/none\nAccountingStorageType=accounting_storage/none\n"
            "JobCompType=jobcomp/none\nMpiDefault=none\nSchedulerType=sched/builtin\n"
            "SelectType=select/cons_tres\nSelectTypeParameters=CR_CPU\nReturnToService=2\n"
            // A job over its time limit gets TERM, then KILL this many seconds later.
            "KillWait=30\nMinJobAge=600\n"
            "NodeName=%5 NodeHostname=%1 NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN\n"
            "PartitionName=debug Nodes=%5 Default=YES MaxTime=INFINITE State=UP\n")
            .arg(host)
            .arg(controllerPort)
            .arg(nodePort)
            .arg(dir, kNode);
    QFile file(confFile());
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) != text.toUtf8().size())
        return QStringLiteral("cannot write ") + confFile();
    return {};
}

QString SlurmFixture::launch(std::unique_ptr<QProcess>& process, const QString& program,
                             const QStringList& arguments) {
    process = std::make_unique<QProcess>();
    process->setProcessEnvironment(processEnvironment());
    // Each writes its own log file in the fixture's folder (named when start fails).
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    process->start(program, arguments);
    if (!process->waitForStarted(10000)) return QStringLiteral("cannot start ") + program;
    return {};
}

QString SlurmFixture::start() {
    for (const char* program : {"/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd",
                                "/usr/bin/sbatch", "/usr/sbin/mungekey"}) {
        if (!QFile::exists(QString::fromLatin1(program)))
            return QString::fromLatin1(program) +
                   QStringLiteral(" is not installed (slurmctld slurmd slurm-client munge)");
    }
    if (!m_dir.isValid()) return QStringLiteral("no temporary directory");
    // munged wants everyone able to reach its socket's folder.
    ::chmod(QFile::encodeName(m_dir.path()).constData(), 0755);
    const QString dir = m_dir.path();
    for (const char* sub : {"state", "spool"}) {
        if (::mkdir(QFile::encodeName(m_dir.filePath(QString::fromLatin1(sub))).constData(),
                    0700) != 0)
            return QStringLiteral("cannot make ") + m_dir.filePath(QString::fromLatin1(sub));
    }
    if (!runTool(QStringLiteral("/usr/sbin/mungekey"),
                 {QStringLiteral("--create"), QStringLiteral("--keyfile=") + dir + "/munge.key"}))
        return QStringLiteral("mungekey could not create a key");
    const int controllerPort = freeLocalPort();
    const int nodePort = freeLocalPort();
    if (controllerPort == 0 || nodePort == 0 || controllerPort == nodePort)
        return QStringLiteral("no free ports on 127.0.0.1");
    if (QString error = writeConfig(controllerPort, nodePort); !error.isEmpty()) return error;
    QString error = launch(m_munged, QStringLiteral("/usr/sbin/munged"),
                           {QStringLiteral("-F"), QStringLiteral("--socket=") + dir + "/munge.sock",
                            QStringLiteral("--key-file=") + dir + "/munge.key",
                            QStringLiteral("--pid-file=") + dir + "/munged.pid",
                            QStringLiteral("--seed-file=") + dir + "/munged.seed",
                            QStringLiteral("--log-file=") + dir + "/munged.log"});
    if (error.isEmpty())
        error =
            launch(m_controller, QStringLiteral("/usr/sbin/slurmctld"),
                   {QStringLiteral("-D"), QStringLiteral("-i"), QStringLiteral("-f"), confFile()});
    if (error.isEmpty())
        error = launch(
            m_node, QStringLiteral("/usr/sbin/slurmd"),
            {QStringLiteral("-D"), QStringLiteral("-N"), kNode, QStringLiteral("-f"), confFile()});
    if (!error.isEmpty()) return error;
    // The controller takes a few seconds to hear from the node; polled, not slept on.
    QDeadlineTimer deadline(60000);
    while (!nodeIdle()) {
        if (deadline.hasExpired())
            return QStringLiteral("the Slurm node did not come up; see ") + dir +
                   QStringLiteral("/slurmctld.log and slurmd.log");
        for (const auto* process : {m_munged.get(), m_controller.get(), m_node.get()}) {
            if (process->state() == QProcess::NotRunning)
                return process->program() + QStringLiteral(" exited; see its log in ") + dir;
        }
        QThread::msleep(200);
    }
    return {};
}

bool SlurmFixture::nodeIdle() const {
    const auto state =
        client(QStringLiteral("sinfo"), {QStringLiteral("-h"), QStringLiteral("-n"), kNode,
                                         QStringLiteral("-o"), QStringLiteral("%t")});
    return state && state->trimmed() == QLatin1String("idle");
}

std::optional<QString> SlurmFixture::client(const QString& program,
                                            const QStringList& arguments) const {
    QProcess process;
    process.setProcessEnvironment(processEnvironment());
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString SlurmFixture::submitBlocker() const {
    return client(QStringLiteral("sbatch"),
                  {QStringLiteral("--parsable"), QStringLiteral("--cpus-per-task=2"),
                   QStringLiteral("--output=/dev/null"), QStringLiteral("--wrap=sleep 600")})
        .value_or(QString())
        .trimmed();
}

QString SlurmFixture::jobState(const QString& job) const {
    return client(QStringLiteral("squeue"),
                  {QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("all"),
                   QStringLiteral("-j"), job, QStringLiteral("-o"), QStringLiteral("%T %r")})
        .value_or(QString())
        .trimmed();
}

void SlurmFixture::stop() {
    if (m_controller && m_controller->state() != QProcess::NotRunning)
        (void)client(
            QStringLiteral("scancel"),
            {QStringLiteral("--full"), QStringLiteral("--signal=KILL"),
             QStringLiteral("--user=") + QString::fromLocal8Bit(::getpwuid(::geteuid())->pw_name)});
    for (auto* process : {m_node.get(), m_controller.get(), m_munged.get()}) {
        if (!process || process->state() == QProcess::NotRunning) continue;
        process->terminate();
        if (!process->waitForFinished(15000)) {
            process->kill();
            process->waitForFinished(5000);
        }
    }
    m_node.reset();
    m_controller.reset();
    m_munged.reset();
}

}  // namespace tb::test
