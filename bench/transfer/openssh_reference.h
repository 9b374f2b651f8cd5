#pragma once
// OpenSSH's own clients against the bench's sshd: the reference every ratio is measured against.

#include <QString>
#include <QStringList>

namespace tb::bench {

class OpenSshReference {
public:
    OpenSshReference(int port, QString user, QString keyFile, QString workDir);

    // Seconds, or a negative number when the tool failed (the reason goes to stderr).
    double sftpPut(const QString& local, const QString& remote) const;
    double sftpGet(const QString& remote, const QString& local) const;
    // scp as OpenSSH 9 runs it (over the SFTP protocol); `legacy` adds -O, the old protocol.
    double scp(const QString& from, const QString& to, bool recursive, bool legacy) const;
    // rsync -a FROM/ TO/ over ssh with the same key and options (a fresh connection each time).
    double rsync(const QString& from, const QString& to) const;
    QString remote(const QString& path) const;  // "user@127.0.0.1:path"

private:
    QStringList commonOptions() const;
    double timed(const QString& program, const QStringList& arguments) const;
    double sftpBatch(const QString& command) const;  // one command in `sftp -b`

    int m_port;
    QString m_user;
    QString m_keyFile;
    QString m_workDir;
};

}  // namespace tb::bench
