// The connecting half of cli_common.h: terminal prompts, trust answers, --config-dir.
#include "cli_common.h"
#include "terminal_echo.h"

#include <QDir>

#include <cstdio>
#include <functional>
#include <optional>

#include <unistd.h>

#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/host_store.h"
#include "remote/ssh/password_vault.h"
#include "remote/ssh/secret_bytes.h"
#include "remote/ssh/ssh_session_thread.h"

namespace tb::cli {
namespace {

// Runs start (a connect or accept) and waits for the session's answer to it.
SshResult awaitConnect(SshSessionThread& thread, const std::function<void()>& start) {
    QObject listening;  // the connection below ends with the wait
    const auto answer = awaitResult<SshResult>(
        [&](auto done) {
            QObject::connect(thread.session(), &SshSession::connectFinished, &listening, done);
            start();
        },
        "connecting", kNoTimeout);
    if (!answer) return {SshFailure::Cancelled, QString::fromStdString(answer.error()), {}};
    return *answer;
}

bool askYesNo(const QString& question) {
    std::fprintf(stderr, "%s", question.toLocal8Bit().constData());
    std::fflush(stderr);
    char line[64] = {};
    if (!std::fgets(line, sizeof line, stdin)) return false;
    const QString answer = QString::fromLocal8Bit(line).trimmed().toLower();
    return answer == QLatin1String("y") || answer == QLatin1String("yes");
}

// The password the keychain holds for this host; empty where there is no keychain.
QString keychainPassword(const QString& hostName) {
    PasswordVault vault;
    if (!keychainAnswers(vault)) return {};
    const auto found = awaitResult<QString>(
        [&](auto done) {
            QObject::connect(&vault, &PasswordVault::passwordFound,
                             [done](const QString&, const QString& password) { done(password); });
            QObject::connect(&vault, &PasswordVault::passwordMissing, [done] { done(QString()); });
            vault.lookUp(hostName);
        },
        "the keychain", kNoTimeout);
    return found ? *found : QString();
}

// What to answer an unknown host key; empty: refuse (result.message then says why).
QString trustedFingerprint(SshResult& result, const ConnectOptions& options) {
    if (!options.acceptKey.isEmpty()) return options.acceptKey;
    if (options.acceptNew) return result.fingerprint;
    if (!stdinIsTerminal()) {
        //: %1 is the host key's fingerprint SHA256:...
        const QString nobody = Text::tr(
            "Nobody can confirm it here (stdin is not a terminal): "
            "pass --accept-new to trust a new key, or --accept-key %1 "
            "after checking it with the provider.");
        result.message += QLatin1Char(' ') + nobody.arg(result.fingerprint);
        return {};
    }
    //: askYesNo takes only y or yes (in Latin letters) as yes: keep [y/N]
    if (askYesNo(result.message + QLatin1Char('\n') +
                 Text::tr("Trust this key and connect? [y/N] ")))
        return result.fingerprint;
    //: %1 is the host key's fingerprint SHA256:...
    result.message =
        Text::tr("Not connected: the host key %1 was not trusted.").arg(result.fingerprint);
    return {};
}

}  // namespace

bool keychainAnswers(PasswordVault& vault) {
    const auto persistent = awaitResult<bool>(
        [&](auto done) {
            QObject::connect(&vault, &PasswordVault::keychainChecked, done);
            vault.checkKeychain();
        },
        "the keychain check", kNoTimeout);
    return persistent && *persistent;
}

bool stdinIsTerminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

QString readSecretLine(const QString& prompt) {
    const bool terminal = stdinIsTerminal();
    std::optional<EchoOffGuard> echoOff;
    if (terminal) {
        // Echo goes off before the prompt shows, so nothing typed after it is ever echoed.
        echoOff.emplace();
        std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
        std::fflush(stderr);
    }
    QByteArray line;
    line.reserve(256);  // typed passwords fit: no reallocation leaves a copy behind
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
        line.append(char(c));
    if (line.endsWith('\r')) line.chop(1);
    if (terminal) std::fputc('\n', stderr);
    const QString secret = QString::fromLocal8Bit(line);
    wipeSecret(line);
    return secret;
}

Result<ConnectOptions> connectOptions(const ParsedArgs& parsed) {
    ConnectOptions options;
    options.acceptNew = parsed.has(QStringLiteral("accept-new"));
    options.passwordStdin = parsed.has(QStringLiteral("password-stdin"));
    options.acceptKey = parsed.value(QStringLiteral("accept-key"));
    if (parsed.has(QStringLiteral("accept-key")) &&
        !options.acceptKey.startsWith(QLatin1String("SHA256:")))
        return failText(Text::tr("--accept-key needs the fingerprint, SHA256:..."), kExitUsage);
    return options;
}

Result<void> takeConfigDirOption(int& argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        QString dir;
        int taken = 1;
        if (arg.startsWith(QLatin1String("--config-dir="))) {
            dir = arg.mid(13);
        } else if (arg == QLatin1String("--config-dir")) {
            if (i + 1 >= argc) return failText(Text::tr("--config-dir needs a folder"), kExitUsage);
            dir = QString::fromLocal8Bit(argv[i + 1]);
            taken = 2;
        } else {
            continue;
        }
        if (dir.isEmpty()) return failText(Text::tr("--config-dir needs a folder"), kExitUsage);
        HostStore::setConfigDirOverride(QDir(dir).absolutePath());
        for (int j = i; j + taken <= argc; ++j) argv[j] = argv[j + taken];
        argc -= taken;
        --i;
    }
    return {};
}

namespace {

SshResult connectWithPassword(SshSessionThread& thread, const RemoteHost& host,
                              const ConnectOptions& options, QString& password);

}  // namespace

SshResult connectForCli(SshSessionThread& thread, const RemoteHost& host,
                        const ConnectOptions& options) {
    QString password;
    SshResult result = connectWithPassword(thread, host, options, password);
    wipeSecret(password);
    return result;
}

namespace {

SshResult connectWithPassword(SshSessionThread& thread, const RemoteHost& host,
                              const ConnectOptions& options, QString& password) {
    password = options.passwordStdin ? readSecretLine(Text::tr("Password for %1: ").arg(host.name))
                                     : keychainPassword(host.name);
    if (!password.isEmpty()) thread.setPassword(password);
    SshResult result = awaitConnect(thread, [&] { thread.connectToHost(); });
    // A host behind a jump host may show two unknown keys: the jump host's, then its own.
    QStringList answeredKeys;
    int prompts = 0;
    while (!result.ok() && prompts < 3) {
        if (result.failure == SshFailure::HostKeyUnknown &&
            !answeredKeys.contains(result.fingerprint) && answeredKeys.size() < 2) {
            answeredKeys.append(result.fingerprint);
            const QString accepted = trustedFingerprint(result, options);
            if (accepted.isEmpty()) return result;
            result = awaitConnect(thread, [&] { thread.acceptHostKey(accepted); });
            continue;
        }
        const bool canAsk = stdinIsTerminal() && !options.passwordStdin;
        if (result.failure == SshFailure::KeyPassphraseNeeded && canAsk) {
            ++prompts;
            thread.setKeyPassphrase(readSecretLine(
                //: %1 is the key file, such as ~/.ssh/id_ed25519
                Text::tr("Passphrase for the key %1: ").arg(host.target.identityFile)));
        } else if ((result.failure == SshFailure::WrongPassword ||
                    result.failure == SshFailure::AuthDenied) &&
                   canAsk) {
            ++prompts;
            std::fprintf(stderr, "%s\n", result.message.toLocal8Bit().constData());
            password = readSecretLine(Text::tr("Password for %1: ").arg(host.name));
            if (password.isEmpty()) return result;
            thread.setPassword(password);
        } else {
            return result;
        }
        result = awaitConnect(thread, [&] { thread.connectToHost(); });
    }
    return result;
}

}  // namespace

Result<RemoteHost> findStoredHost(const QString& name) {
    HostStore store(HostStore::defaultConfigDir());
    if (auto loaded = store.load(); !loaded) return loaded.failure();
    const RemoteHost* host = store.find(name);
    if (!host)
        return failText(Text::tr("no host named '%1'; `trainbench hosts` lists them").arg(name));
    return *host;
}

}  // namespace tb::cli
