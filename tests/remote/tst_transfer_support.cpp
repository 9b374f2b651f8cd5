// TransferTestCase: connects with the fixture's key, trusting the fixture's host key.

#include "tst_transfer_support.h"

#include <QTest>

namespace tb::test {

TransferRequest upload(const QString& local, const QString& remote) {
    TransferRequest request;
    request.direction = TransferDirection::Upload;
    request.localPath = local;
    request.remotePath = remote;
    return request;
}

TransferRequest download(const QString& remote, const QString& local) {
    TransferRequest request = upload(local, remote);
    request.direction = TransferDirection::Download;
    return request;
}

TransferResult TransferTestCase::run(const TransferRequest& request, bool cancelOnFirstBytes) {
    TransferWaitOptions options;
    options.progress = [&](const TransferProgress& progress) {
        if (cancelOnFirstBytes && progress.bytesDone > 0) m_thread->cancel();
    };
    return awaitTransfer(*m_thread, request, options);
}

void TransferTestCase::init() {
    if (!m_skipReason.isEmpty())
        QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
    m_thread =
        std::make_unique<SshSessionThread>(keyTarget(m_sshd, path(QStringLiteral("known_hosts"))),
                                           QStringLiteral("local"), testOptions());
    SessionResults results(m_thread->session());
    const SshResult connected = accept(*m_thread, results, m_sshd.hostKeyFingerprint());
    QVERIFY2(connected.ok(), qPrintable(connected.message));
}

void TransferTestCase::cleanup() {
    m_thread.reset();
}

}  // namespace tb::test
