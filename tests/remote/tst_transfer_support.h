#pragma once
// TransferTestCase: a session connected to the local sshd before each transfer test.

#include "remote/ssh/ssh_session_thread.h"
#include "remote/transfer/transfer_session.h"
#include "ssh_test_support.h"

#include <QTemporaryDir>

#include <memory>

namespace tb::test {

TransferRequest upload(const QString& local, const QString& remote);
TransferRequest download(const QString& remote, const QString& local);

class TransferTestCase : public SshdTestCase {
    Q_OBJECT

protected:
    QString path(const QString& name) const { return m_home.filePath(name); }
    // Waits for the transfer; with cancelOnFirstBytes it is cancelled once data flows.
    TransferResult run(const TransferRequest& request, bool cancelOnFirstBytes = false);

    QTemporaryDir m_home;
    std::unique_ptr<SshSessionThread> m_thread;

private Q_SLOTS:
    // Replace the base's init(), so they repeat its skip.
    void init();
    void cleanup();
};

}  // namespace tb::test
