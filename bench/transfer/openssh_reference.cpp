// OpenSshReference: sftp in batch mode and scp, with the bench's key and no host-key prompt.

#include "openssh_reference.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <cstdio>

namespace tb::bench {

OpenSshReference::OpenSshReference(int port, QString user, QString keyFile, QString workDir)
    : m_port(port),
      m_user(std::move(user)),
      m_keyFile(std::move(keyFile)),
      m_workDir(std::move(workDir)) {
}

QStringList OpenSshReference::commonOptions() const {
    return {QStringLiteral("-i"), m_keyFile,
            QStringLiteral("-o"), QStringLiteral("StrictHostKeyChecking=no"),
            QStringLiteral("-o"), QStringLiteral("UserKnownHostsFile=/dev/null"),
            QStringLiteral("-o"), QStringLiteral("LogLevel=ERROR"),
            QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
            QStringLiteral("-o"), QStringLiteral("IdentitiesOnly=yes"),
            QStringLiteral("-P"), QString::number(m_port)};
}

double OpenSshReference::rsync(const QString& from, const QString& to) const {
    QStringList ssh = commonOptions();
    ssh.replace(ssh.indexOf(QStringLiteral("-P")), QStringLiteral("-p"));  // ssh's port flag
    return timed(QStringLiteral("rsync"),
                 {QStringLiteral("-a"), QStringLiteral("--delete"), QStringLiteral("-e"),
                  QStringLiteral("ssh ") + ssh.join(QLatin1Char(' ')), from + QLatin1Char('/'),
                  to + QLatin1Char('/')});
}

QString OpenSshReference::remote(const QString& path) const {
    return QStringLiteral("%1@127.0.0.1:%2").arg(m_user, path);
}

double OpenSshReference::timed(const QString& program, const QStringList& arguments) const {
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        std::fprintf(stderr, "%s failed: %s\n", qPrintable(program),
                     process.readAllStandardOutput().constData());
        return -1;
    }
    return clock.nsecsElapsed() / 1e9;
}

double OpenSshReference::sftpBatch(const QString& command) const {
    const QString batch = m_workDir + QStringLiteral("/sftp-batch");
    QFile file(batch);
    if (!file.open(QIODevice::WriteOnly)) return -1;
    file.write(command.toUtf8() + '\n');
    file.close();
    return timed(QStringLiteral("sftp"), commonOptions()
                                             << QStringLiteral("-q") << QStringLiteral("-b")
                                             << batch << m_user + QStringLiteral("@127.0.0.1"));
}

double OpenSshReference::sftpPut(const QString& local, const QString& remote) const {
    return sftpBatch(QStringLiteral("put \"%1\" \"%2\"").arg(local, remote));
}

double OpenSshReference::sftpGet(const QString& remote, const QString& local) const {
    return sftpBatch(QStringLiteral("get \"%1\" \"%2\"").arg(remote, local));
}

double OpenSshReference::scp(const QString& from, const QString& to, bool recursive,
                             bool legacy) const {
    QStringList arguments = commonOptions() << QStringLiteral("-q");
    if (recursive) arguments << QStringLiteral("-r");
    if (legacy) arguments << QStringLiteral("-O");
    return timed(QStringLiteral("scp"), arguments << from << to);
}

}  // namespace tb::bench
