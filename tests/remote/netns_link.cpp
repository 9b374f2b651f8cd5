// NetnsLink: ip netns + veth, addresses from a /30 of 10.231.0.0/16 chosen by our pid.
#include "netns_link.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <signal.h>
#include <unistd.h>

namespace tb::test {

namespace {
const QString kIp = QStringLiteral("/usr/sbin/ip");
}  // namespace

NetnsLink::NetnsLink() {
    // Unique per test process: two tests running side by side get their own namespace and /30.
    const qint64 pid = QCoreApplication::applicationPid();
    m_name = QStringLiteral("tblink-%1").arg(pid);
    m_hostDevice = QStringLiteral("tbl%1h").arg(pid);
    m_boxDevice = QStringLiteral("tbl%1b").arg(pid);
    const int block = int(pid % (256 * 64));
    const QString net = QStringLiteral("10.231.%1.").arg(block / 64);
    m_hostAddress = net + QString::number(block % 64 * 4 + 1);
    m_boxAddress = net + QString::number(block % 64 * 4 + 2);
}

NetnsLink::~NetnsLink() {
    destroy();
}

bool NetnsLink::ip(const QStringList& arguments) const {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(kIp, arguments);
    if (!process.waitForFinished(20000)) return false;
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString NetnsLink::create() {
    if (::geteuid() != 0) return QStringLiteral("network namespaces need root; run as root (CI does)");
    if (!QFile::exists(kIp)) return kIp + QStringLiteral(" is missing (iproute2)");
    sweepStale();
    m_created = true;
    const QString ns = m_name;
    const bool made =
        ip({QStringLiteral("netns"), QStringLiteral("add"), ns}) &&
        ip({QStringLiteral("link"), QStringLiteral("add"), m_hostDevice, QStringLiteral("type"),
            QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"), m_boxDevice}) &&
        ip({QStringLiteral("link"), QStringLiteral("set"), m_boxDevice, QStringLiteral("netns"), ns}) &&
        ip({QStringLiteral("addr"), QStringLiteral("add"), m_hostAddress + QStringLiteral("/30"),
            QStringLiteral("dev"), m_hostDevice}) &&
        ip({QStringLiteral("link"), QStringLiteral("set"), m_hostDevice, QStringLiteral("up")}) &&
        ip({QStringLiteral("-n"), ns, QStringLiteral("addr"), QStringLiteral("add"),
            m_boxAddress + QStringLiteral("/30"), QStringLiteral("dev"), m_boxDevice}) &&
        ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"), m_boxDevice,
            QStringLiteral("up")}) &&
        ip({QStringLiteral("-n"), ns, QStringLiteral("link"), QStringLiteral("set"),
            QStringLiteral("lo"), QStringLiteral("up")});
    if (!made) {
        destroy();
        return QStringLiteral("cannot make network namespace %1 with a veth pair (ip netns)").arg(ns);
    }
    return {};
}

// A test that died without its destructors (a crash, QTest's watchdog) leaves its namespace and
// the sshd inside it: those of processes that are gone are removed, with what runs in them.
void NetnsLink::sweepStale() const {
    QProcess list;
    list.start(kIp, {QStringLiteral("netns"), QStringLiteral("list")});
    if (!list.waitForFinished(20000)) return;
    const QStringList lines = QString::fromUtf8(list.readAllStandardOutput()).split(u'\n');
    for (const QString& line : lines) {
        const QString ns = line.section(u' ', 0, 0);
        if (!ns.startsWith(QStringLiteral("tblink-"))) continue;
        const qint64 owner = ns.mid(7).toLongLong();
        if (owner <= 0 || (owner != QCoreApplication::applicationPid() &&
                           QFile::exists(QStringLiteral("/proc/%1").arg(owner))))
            continue;
        QProcess pids;
        pids.start(kIp, {QStringLiteral("netns"), QStringLiteral("pids"), ns});
        if (pids.waitForFinished(20000)) {
            for (const QByteArray& pid : pids.readAllStandardOutput().split('\n'))
                if (pid.toLongLong() > 1) ::kill(pid_t(pid.toLongLong()), SIGKILL);
        }
        (void)ip({QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("tbl%1h").arg(owner)});
        (void)ip({QStringLiteral("netns"), QStringLiteral("del"), ns});
    }
}

bool NetnsLink::setLinkUp(bool up) {
    return ip({QStringLiteral("link"), QStringLiteral("set"), m_hostDevice,
               up ? QStringLiteral("up") : QStringLiteral("down")});
}

void NetnsLink::destroy() {
    if (!m_created) return;
    m_created = false;
    // Deleting the namespace deletes its veth end, and with it ours.
    (void)ip({QStringLiteral("link"), QStringLiteral("del"), m_hostDevice});
    (void)ip({QStringLiteral("netns"), QStringLiteral("del"), m_name});
}

}  // namespace tb::test
