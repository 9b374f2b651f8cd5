#pragma once
// SlurmFixture: a real one-node Slurm cluster on this machine for tests — Debian's munged,
// slurmctld and slurmd, started in the foreground from a generated slurm.conf on free ports,
// with 2 CPUs as the node's resources. Its jobs are cancelled and its daemons stopped with it.

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace tb::test {

class SlurmFixture {
public:
    SlurmFixture();
    ~SlurmFixture();

    // Empty on success, else why the cluster cannot run here.
    QString start();
    void stop();

    // What a session on the login node needs to find this cluster.
    QString confFile() const { return m_dir.filePath(QStringLiteral("slurm.conf")); }
    QString environment() const { return QStringLiteral("SLURM_CONF=") + confFile(); }
    // A client command (sbatch, squeue, scancel, ...) against this cluster: stdout, or nullopt
    // when it fails.
    std::optional<QString> client(const QString& program, const QStringList& arguments) const;
    // Fills the node: a job holding both CPUs for ten minutes; its id.
    QString submitBlocker() const;
    // squeue's "STATE REASON" of a job; empty once the controller forgot it.
    QString jobState(const QString& job) const;

private:
    QProcessEnvironment processEnvironment() const;  // this one's with SLURM_CONF
    QString writeConfig(int controllerPort, int nodePort) const;
    QString launch(std::unique_ptr<QProcess>& process, const QString& program,
                   const QStringList& arguments);
    bool nodeIdle() const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_munged;
    std::unique_ptr<QProcess> m_controller;
    std::unique_ptr<QProcess> m_node;
};

}  // namespace tb::test
