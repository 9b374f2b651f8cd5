// SshdFixture: generates keys and an sshd_config in a temp dir and waits until sshd listens.

#include "sshd_fixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tb::test {

namespace {

const QString kSshd = QStringLiteral("/usr/sbin/sshd");

}  // namespace

int freeLocalPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

std::optional<QString> runTool(const QString& program, const QStringList& arguments,
                               const QByteArray& input) {
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) return std::nullopt;
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return QString::fromUtf8(process.readAllStandardOutput());
}

SshdFixture::SshdFixture() = default;

SshdFixture::~SshdFixture() {
    stop();
}

QString SshdFixture::hostKeyFile() const {
    return m_dir.filePath(QStringLiteral("host_key_%1").arg(m_hostKeyNumber));
}

QString SshdFixture::generateKey(const QString& file) const {
    (void)runTool(QStringLiteral("ssh-keygen"),
                  {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
                   QStringLiteral("-N"), QString(), QStringLiteral("-C"),
                   QStringLiteral("trainbench-test"), QStringLiteral("-f"), file});
    return QFile::exists(file) ? QString() : QStringLiteral("ssh-keygen could not create ") + file;
}

QString SshdFixture::hostKeyFingerprint() const {
    // "256 SHA256:abc... comment (ED25519)"
    const QString line = runTool(QStringLiteral("ssh-keygen"),
                                 {QStringLiteral("-lf"), hostKeyFile() + QStringLiteral(".pub")})
                             .value_or(QString());
    return line.split(QLatin1Char(' ')).value(1);
}

QString SshdFixture::writeConfig() const {
    QFile config(m_dir.filePath(QStringLiteral("sshd_config")));
    if (!config.open(QIODevice::WriteOnly)) return QStringLiteral("cannot write sshd_config");
    // StrictModes no: the temp dir's permissions are not sshd's business here.
    // UsePAM no: passwords are checked against /etc/shadow, with no PAM stack needed.
    const QString text = QStringLiteral(
                             "Port %1\nListenAddress %5\nHostKey %2\nPidFile %3\n"
                             "AuthorizedKeysFile %4\nStrictModes no\nUsePAM no\n"
                             "PubkeyAuthentication yes\nPasswordAuthentication yes\n"
                             "KbdInteractiveAuthentication no\nPermitRootLogin yes\n"
                             "Subsystem sftp internal-sftp\n")
                             .arg(m_port)
                             .arg(hostKeyFile(), m_dir.filePath(QStringLiteral("sshd.pid")),
                                  m_dir.filePath(QStringLiteral("authorized_keys")), m_address);
    config.write(text.toUtf8());
    for (const QString& variable : m_environment)
        config.write(QStringLiteral("SetEnv %1\n").arg(variable).toUtf8());
    return {};
}

void SshdFixture::setNetwork(const QString& netns, const QString& address) {
    m_netns = netns;
    m_address = address;
}

QString SshdFixture::start() {
    if (!QFile::exists(kSshd)) return kSshd + QStringLiteral(" is not installed (openssh-server)");
    if (!m_dir.isValid()) return QStringLiteral("no temporary directory");
    // sshd refuses to start without its privilege separation directory.
    if (!QDir(QStringLiteral("/run/sshd")).exists()) {
        if (::geteuid() != 0 || !QDir().mkpath(QStringLiteral("/run/sshd")))
            return QStringLiteral("/run/sshd is missing and only root can create it");
    }
    if (QString error = generateKey(userKeyFile()); !error.isEmpty()) return error;
    if (!QFile::copy(userKeyFile() + QStringLiteral(".pub"),
                     m_dir.filePath(QStringLiteral("authorized_keys"))))
        return QStringLiteral("cannot write authorized_keys");
    m_port = freeLocalPort();
    if (m_port == 0) return QStringLiteral("no free port on 127.0.0.1");
    return restartWithNewHostKey();
}

QString SshdFixture::restartWithNewHostKey() {
    stop();
    ++m_hostKeyNumber;
    if (QString error = generateKey(hostKeyFile()); !error.isEmpty()) return error;
    if (QString error = writeConfig(); !error.isEmpty()) return error;
    return launch();
}

QString SshdFixture::launch() {
    m_sshd = std::make_unique<QProcess>();
    // Merged: waitForReadyRead only wakes for the read channel, and sshd -e logs to stderr.
    m_sshd->setProcessChannelMode(QProcess::MergedChannels);
    const QStringList sshd = {kSshd, QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                              m_dir.filePath(QStringLiteral("sshd_config"))};
    if (m_netns.isEmpty())
        m_sshd->start(sshd.first(), sshd.mid(1));
    else
        m_sshd->start(QStringLiteral("/usr/sbin/ip"),
                      QStringList{QStringLiteral("netns"), QStringLiteral("exec"), m_netns} + sshd);
    if (!m_sshd->waitForStarted(10000)) return QStringLiteral("cannot start ") + kSshd;
    // sshd -e logs "Server listening on ADDRESS port N." once the socket accepts.
    const QByteArray ready =
        QStringLiteral("Server listening on %1 port %2").arg(m_address).arg(m_port).toUtf8();
    QByteArray log;
    QDeadlineTimer deadline(15000);
    while (!log.contains(ready)) {
        if (m_sshd->state() == QProcess::NotRunning || deadline.hasExpired()) {
            log += m_sshd->readAll();
            stop();
            return QStringLiteral("sshd did not start listening: ") +
                   QString::fromUtf8(log).trimmed();
        }
        m_sshd->waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        log += m_sshd->readAll();
    }
    return {};
}

void SshdFixture::stop() {
    if (!m_sshd) return;
    m_sshd->terminate();
    if (!m_sshd->waitForFinished(10000)) {
        m_sshd->kill();
        m_sshd->waitForFinished(5000);
    }
    m_sshd.reset();
}

}  // namespace tb::test
