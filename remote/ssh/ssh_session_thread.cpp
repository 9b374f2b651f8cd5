// SshSessionThread: queued calls into the session's thread, stamped with the cancel generation.

#include "ssh_session_thread.h"

namespace tb {

SshSessionThread::SshSessionThread(SshTarget target, QString hostName, SshSessionOptions options,
                                   QObject* parent)
    : QObject(parent), m_session(new SshSession(std::move(target), std::move(hostName), options)) {
    m_thread.setObjectName(QStringLiteral("ssh"));
    m_session->moveToThread(&m_thread);
    m_thread.start();
}

SshSessionThread::~SshSessionThread() {
    m_session->requestCancel();
    m_thread.quit();
    m_thread.wait();
    // The thread has stopped, so no other thread can be inside the session now.
    delete m_session;
}

template <typename Call>
void SshSessionThread::post(Call&& call) {
    QMetaObject::invokeMethod(m_session, std::forward<Call>(call), Qt::QueuedConnection);
}

void SshSessionThread::setPassword(const QString& password) {
    post([session = m_session, password] { session->setPassword(password); });
}

void SshSessionThread::setKeyPassphrase(const QString& passphrase) {
    post([session = m_session, passphrase] { session->setKeyPassphrase(passphrase); });
}

void SshSessionThread::connectToHost(bool again) {
    post([session = m_session, generation = m_session->cancelGeneration(), again] {
        session->connectToHost(generation, again);
    });
}

void SshSessionThread::acceptHostKey(const QString& fingerprint) {
    post([session = m_session, fingerprint, generation = m_session->cancelGeneration()] {
        session->acceptHostKey(fingerprint, generation);
    });
}

quint64 SshSessionThread::exec(const RemoteCommand& command) {
    const quint64 id = m_nextRequestId++;
    post([session = m_session, id, command, generation = m_session->cancelGeneration()] {
        session->exec(id, command, generation);
    });
    return id;
}

quint64 SshSessionThread::transfer(const TransferRequest& request, TransferEngine engine) {
    const quint64 id = m_nextRequestId++;
    post([session = m_session, id, request, engine, generation = m_session->cancelGeneration()] {
        session->transfer(id, request, engine, generation);
    });
    return id;
}

void SshSessionThread::disconnectFromHost() {
    post([session = m_session] { session->disconnectFromHost(); });
}

void SshSessionThread::checkAlive() {
    post([session = m_session, generation = m_session->cancelGeneration()] {
        session->checkAlive(generation);
    });
}

quint64 SshSessionThread::openStream(const RemoteCommand& command, StreamStderr stderrUse) {
    const quint64 id = m_nextRequestId++;
    post([session = m_session, id, command, stderrUse] {
        session->openStream(id, command, stderrUse);
    });
    return id;
}

void SshSessionThread::closeStream(quint64 streamId) {
    post([session = m_session, streamId] { session->closeStream(streamId); });
}

}  // namespace tb
