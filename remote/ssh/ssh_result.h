#pragma once
// Results of SSH operations: what failed, a message for the user, and what the caller needs next.

#include <QByteArray>
#include <QString>

namespace tb {

enum class SshFailure {
    None,
    HostKeyUnknown,       // ask the user about `fingerprint`, then acceptHostKey()
    HostKeyChanged,       // refused; only `trainbench hosts forget-key` undoes it
    KeyPassphraseNeeded,  // the key file is encrypted: ask, setKeyPassphrase(), connect again
    WrongPassword,
    AuthDenied,  // no method we could offer was accepted
    ConnectionRefused,
    HostUnreachable,
    Timeout,
    Cancelled,
    NotConnected,
    Protocol,  // anything else libssh reports
};

struct [[nodiscard]] SshResult {
    SshFailure failure = SshFailure::None;
    QString message;      // plain words naming host and port; never contains a secret
    QString fingerprint;  // SHA256:... of the server's host key, once known

    bool ok() const { return failure == SshFailure::None; }
};

struct [[nodiscard]] ExecResult {
    SshFailure failure = SshFailure::None;
    QString message;
    QByteArray standardOutput;
    QByteArray standardError;
    int exitStatus = -1;

    bool ok() const { return failure == SshFailure::None; }
};

}  // namespace tb
