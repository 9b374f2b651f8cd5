#pragma once
// SshdFixture: a real OpenSSH sshd on 127.0.0.1 with generated host and user keys, for tests.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace tb::test {

class SshdFixture {
public:
    SshdFixture();
    ~SshdFixture();

    // Before start(): run sshd inside network namespace `netns`, listening on `address` there
    // (see NetnsLink) instead of on 127.0.0.1.
    void setNetwork(const QString& netns, const QString& address);
    // Before start(): NAME=VALUE lines every session gets (sshd's SetEnv), e.g. the SLURM_CONF
    // of a test cluster, which a real login node has in /etc.
    void setSessionEnvironment(const QStringList& variables) { m_environment = variables; }
    // Empty on success, else why sshd cannot run here (the test skips with it).
    QString start();
    QString address() const { return m_address; }
    // Same port, freshly generated host key: what a re-created cloud instance looks like.
    QString restartWithNewHostKey();
    void stop();

    int port() const { return m_port; }
    QString userKeyFile() const { return m_dir.filePath(QStringLiteral("user_key")); }
    // "SHA256:..." as `ssh-keygen -lf` prints it for the current host key.
    QString hostKeyFingerprint() const;
    QString path(const QString& name) const { return m_dir.filePath(name); }

private:
    QString generateKey(const QString& file) const;
    QString writeConfig() const;
    QString launch();
    QString hostKeyFile() const;

    QTemporaryDir m_dir;
    int m_port = 0;
    QString m_netns;
    QString m_address = QStringLiteral("127.0.0.1");
    int m_hostKeyNumber = 0;
    QStringList m_environment;
    std::unique_ptr<QProcess> m_sshd;
};

// A free TCP port on 127.0.0.1 at the time of the call.
int freeLocalPort();

// Runs a program to completion; its stdout, or nullopt when it fails.
std::optional<QString> runTool(const QString& program, const QStringList& arguments,
                               const QByteArray& input = {});

}  // namespace tb::test
