#pragma once
// FakeKeychain: a private D-Bus session bus with fake_kwalletd on it, for keychain tests.

#include <QProcess>
#include <QString>

#include <memory>

namespace tb::test {

// start() points this process (and the children it starts) at the private bus and tells
// QtKeychain that KWallet answers there. Call it before anything touches D-Bus.
class FakeKeychain {
public:
    ~FakeKeychain();
    // Empty on success, else why it cannot run here (the test skips with it).
    QString start(const QString& fakeWalletProgram);

private:
    std::unique_ptr<QProcess> m_bus;
    std::unique_ptr<QProcess> m_wallet;
};

}  // namespace tb::test
