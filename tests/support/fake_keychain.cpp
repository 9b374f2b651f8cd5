// FakeKeychain: starts dbus-daemon and fake_kwalletd and waits for each to say it is ready.

#include "fake_keychain.h"

#include <QDeadlineTimer>
#include <QStandardPaths>

namespace tb::test {

namespace {

// The first line `process` prints, waited for up to 15 s; empty when none came.
QByteArray firstLine(QProcess& process) {
    QByteArray out;
    QDeadlineTimer deadline(15000);
    while (!out.contains('\n') && process.state() != QProcess::NotRunning &&
           !deadline.hasExpired()) {
        process.waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        out += process.readAllStandardOutput();
    }
    return out.left(out.indexOf('\n')).trimmed();
}

void stopProcess(std::unique_ptr<QProcess>& process) {
    if (!process) return;
    process->terminate();
    if (!process->waitForFinished(5000)) {
        process->kill();
        process->waitForFinished(5000);
    }
    process.reset();
}

}  // namespace

FakeKeychain::~FakeKeychain() {
    stopProcess(m_wallet);
    stopProcess(m_bus);
}

QString FakeKeychain::start(const QString& fakeWalletProgram) {
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty()) return QStringLiteral("dbus-daemon is not installed");
    m_bus = std::make_unique<QProcess>();
    m_bus->start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                          QStringLiteral("--print-address=1")});
    const QByteArray address = firstLine(*m_bus);
    if (address.isEmpty()) return QStringLiteral("dbus-daemon printed no address");
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    // QtKeychain picks KWallet 5 on a Plasma 5 desktop.
    qputenv("XDG_CURRENT_DESKTOP", "KDE");
    qputenv("KDE_SESSION_VERSION", "5");
    m_wallet = std::make_unique<QProcess>();
    m_wallet->start(fakeWalletProgram, {});
    if (firstLine(*m_wallet) != "ready")
        return QStringLiteral("fake_kwalletd did not start: ") +
               QString::fromLocal8Bit(m_wallet->readAllStandardError());
    return {};
}

}  // namespace tb::test
