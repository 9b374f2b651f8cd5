// SshSession authentication, in a fixed order: agent, key file, password, keyboard-interactive.

#include "ssh_session.h"
#include "ssh_session_handles.h"

#include "secret_bytes.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <cstdlib>

namespace tb {

namespace {

SshResult failure(SshFailure kind, const QString& message) {
    return SshResult{kind, message, {}};
}

}  // namespace

SshResult SshSession::authenticate() {
    ssh_session s = m_handles->session.get();
    // "none" both logs in where no auth is needed and makes the server list its methods.
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS) return {};
    if (rc == SSH_AUTH_ERROR)
        return failure(SshFailure::Protocol,
                       QCoreApplication::translate("SshSession", "Login to %1 failed: %2")
                           .arg(where(), libsshError()));
    const int methods = ssh_userauth_list(s, nullptr);
    QStringList tried;
    const auto cancelledResult = [] {
        return failure(SshFailure::Cancelled,
                       QCoreApplication::translate("SshSession", "cancelled"));
    };

    if ((methods & SSH_AUTH_METHOD_PUBLICKEY) && m_options.useAgent &&
        std::getenv("SSH_AUTH_SOCK") != nullptr) {
        tried << QStringLiteral("ssh-agent");
        if (ssh_userauth_agent(s, nullptr) == SSH_AUTH_SUCCESS) return {};
        if (cancelled()) return cancelledResult();
    }

    bool passphraseNeeded = false;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (!m_target.identityFile.isEmpty()) {
            //: one of the login methods tried; %1 is a key file
            tried << QCoreApplication::translate("SshSession", "key %1").arg(m_target.identityFile);
            SshResult byKey = authenticateWithKeyFile(passphraseNeeded);
            // A missing file is a typo to report as such, not a reason to try a password.
            if (byKey.ok() || !byKey.message.isEmpty()) return byKey;
        } else {
            // Default identities (~/.ssh/id_*), as OpenSSH tries them; the agent was above.
            //: one of the login methods tried: the keys in ~/.ssh
            tried << QCoreApplication::translate("SshSession", "default keys");
            const SecretBytes passphrase(m_passphrase);
            if (ssh_userauth_publickey_auto(
                    s, nullptr, m_passphrase.isEmpty() ? nullptr : passphrase.constData()) ==
                SSH_AUTH_SUCCESS)
                return {};
        }
        if (cancelled()) return cancelledResult();
    }

    bool passwordRejected = false;
    if (!m_password.isEmpty() && (methods & SSH_AUTH_METHOD_PASSWORD)) {
        //: a login method
        tried << QCoreApplication::translate("SshSession", "password");
        const SecretBytes password(m_password);
        rc = ssh_userauth_password(s, nullptr, password.constData());
        if (rc == SSH_AUTH_SUCCESS) return {};
        passwordRejected = rc == SSH_AUTH_DENIED || rc == SSH_AUTH_PARTIAL;
        if (cancelled()) return cancelledResult();
    }
    if (!m_password.isEmpty() && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
        tried << QStringLiteral("keyboard-interactive");
        if (answerKeyboardInteractive()) return {};
        passwordRejected = true;
    }

    if (passwordRejected)
        return failure(
            SshFailure::WrongPassword,
            QCoreApplication::translate("SshSession",
                                        "Wrong password for %1. Check it in the provider's console "
                                        "(AutoDL shows it next to the ssh command).")
                .arg(where()));
    if (passphraseNeeded)
        return failure(
            SshFailure::KeyPassphraseNeeded,
            m_passphrase.isEmpty()
                ? QCoreApplication::translate("SshSession",
                                              "The key %1 for %2 is protected by a passphrase; "
                                              "enter it to log in.")
                      .arg(m_target.identityFile, where())
                : QCoreApplication::translate("SshSession",
                                              "The passphrase for the key %1 is wrong, or the file "
                                              "is not a private key (logging in to %2).")
                      .arg(m_target.identityFile, where()));
    QStringList offered;
    //: a login method the server allows
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        offered << QCoreApplication::translate("SshSession", "keys");
    //: a login method
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        offered << QCoreApplication::translate("SshSession", "password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE) offered << QStringLiteral("keyboard-interactive");
    //: no login method at all
    const QString nothing = QCoreApplication::translate("SshSession", "nothing");
    //: %1 is the host, %2 the login methods tried, %3 those the server allows
    return failure(SshFailure::AuthDenied,
                   QCoreApplication::translate(
                       "SshSession",
                       "%1 did not accept any way to log in (tried: %2; the server allows: %3). "
                       "Give a password or a key file the server knows.")
                       .arg(where(), tried.isEmpty() ? nothing : tried.join(QLatin1String(", ")),
                            offered.isEmpty() ? nothing : offered.join(QLatin1String(", "))));
}

SshResult SshSession::authenticateWithKeyFile(bool& passphraseNeeded) {
    const QByteArray path = QFile::encodeName(m_target.identityFile);
    if (!QFile::exists(m_target.identityFile))
        return failure(
            SshFailure::AuthDenied,
            QCoreApplication::translate("SshSession",
                                        "The key file %1 for %2 does not exist; check the path "
                                        "given with -i or --key.")
                .arg(m_target.identityFile, where()));
    const SecretBytes passphrase(m_passphrase);
    ssh_key rawKey = nullptr;
    const int rc = ssh_pki_import_privkey_file(
        path.constData(), m_passphrase.isEmpty() ? nullptr : passphrase.constData(), nullptr,
        nullptr, &rawKey);
    if (rc != SSH_OK) {
        // An encrypted key without a passphrase fails to import; the caller asks and retries
        // instead of us blocking this thread on a prompt.
        passphraseNeeded = true;
        return failure(SshFailure::KeyPassphraseNeeded, {});
    }
    const ssh::KeyPtr key(rawKey);
    const int auth = ssh_userauth_publickey(m_handles->session.get(), nullptr, key.get());
    if (auth == SSH_AUTH_SUCCESS) return {};
    if (auth == SSH_AUTH_ERROR)
        return failure(SshFailure::Protocol,
                       QCoreApplication::translate("SshSession", "Login to %1 failed: %2")
                           .arg(where(), libsshError()));
    return failure(SshFailure::AuthDenied, {});
}

// Servers with PAM ask for the password through keyboard-interactive; we answer prompts that
// echo off (password prompts) with the password and give up on anything else, such as a
// one-time code, which needs a person.
bool SshSession::answerKeyboardInteractive() {
    ssh_session s = m_handles->session.get();
    const SecretBytes password(m_password);
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int rounds = 0; rc == SSH_AUTH_INFO && rounds < 8 && !cancelled(); ++rounds) {
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            ssh_userauth_kbdint_getprompt(s, static_cast<unsigned int>(i), &echo);
            if (echo) return false;
            if (ssh_userauth_kbdint_setanswer(s, static_cast<unsigned int>(i),
                                              password.constData()) < 0)
                return false;
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc == SSH_AUTH_SUCCESS;
}

}  // namespace tb
