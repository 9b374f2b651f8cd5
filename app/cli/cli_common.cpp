// Pieces shared by the trainbench commands.
#include "cli_common.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <functional>
#include <optional>

#include <termios.h>
#include <unistd.h>

#include "remote/host_store.h"
#include "remote/password_vault.h"
#include "remote/ssh_session_thread.h"
#include "runs/run_catalog.h"
#include "runs/workspace.h"

namespace tb::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int) {
    g_interrupted = 1;
}

// Runs start (a connect or accept) and waits for the session's answer to it.
SshResult awaitConnect(SshSessionThread& thread, const std::function<void()>& start) {
    QEventLoop loop;
    std::optional<SshResult> result;
    const auto connection = QObject::connect(thread.session(), &SshSession::connectFinished,
                                             &loop, [&](const SshResult& answer) {
                                                 result = answer;
                                                 loop.quit();
                                             });
    start();
    if (!result) loop.exec();
    QObject::disconnect(connection);
    return *result;
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
    QEventLoop loop;
    QString password;
    bool done = false;
    const auto finish = [&] {
        done = true;
        loop.quit();
    };
    QObject::connect(&vault, &PasswordVault::keychainChecked, &loop, [&](bool persistent) {
        if (persistent)
            vault.lookUp(hostName);
        else
            finish();
    });
    QObject::connect(&vault, &PasswordVault::passwordFound, &loop,
                     [&](const QString&, const QString& found) {
                         password = found;
                         finish();
                     });
    QObject::connect(&vault, &PasswordVault::passwordMissing, &loop, finish);
    vault.checkKeychain();
    if (!done) loop.exec();
    return password;
}

// What to answer an unknown host key; empty: refuse (result.message then says why).
QString trustedFingerprint(SshResult& result, const ConnectOptions& options) {
    if (!options.acceptKey.isEmpty()) return options.acceptKey;
    if (options.acceptNew) return result.fingerprint;
    if (!stdinIsTerminal()) {
        result.message += QStringLiteral(
            " Nobody can confirm it here (stdin is not a terminal): pass --accept-new to trust "
            "a new key, or --accept-key %1 after checking it with the provider.")
                              .arg(result.fingerprint);
        return {};
    }
    if (askYesNo(result.message + QStringLiteral("\nTrust this key and connect? [y/N] ")))
        return result.fingerprint;
    result.message = QStringLiteral("Not connected: the host key %1 was not trusted.")
                         .arg(result.fingerprint);
    return {};
}

}  // namespace

bool stdinIsTerminal() {
    return ::isatty(STDIN_FILENO) == 1;
}

QString readSecretLine(const QString& prompt) {
    const bool terminal = stdinIsTerminal();
    termios saved{};
    if (terminal) {
        std::fprintf(stderr, "%s", prompt.toLocal8Bit().constData());
        std::fflush(stderr);
        ::tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    QByteArray line;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin))
        line.append(char(c));
    if (line.endsWith('\r')) line.chop(1);
    if (terminal) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputc('\n', stderr);
    }
    return QString::fromLocal8Bit(line);
}

Result<QStringList> takeConnectOptions(const QStringList& args, ConnectOptions& options) {
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        if (arg == QLatin1String("--accept-new")) {
            options.acceptNew = true;
        } else if (arg == QLatin1String("--password-stdin")) {
            options.passwordStdin = true;
        } else if (arg == QLatin1String("--accept-key")) {
            if (i + 1 >= args.size() || !args.at(i + 1).startsWith(QLatin1String("SHA256:")))
                return fail("--accept-key needs the fingerprint, SHA256:...", kExitUsage);
            options.acceptKey = args.at(++i);
        } else {
            rest.append(arg);
        }
    }
    return rest;
}

Result<void> takeConfigDirOption(int& argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        QString dir;
        int taken = 1;
        if (arg.startsWith(QLatin1String("--config-dir="))) {
            dir = arg.mid(13);
        } else if (arg == QLatin1String("--config-dir")) {
            if (i + 1 >= argc) return fail("--config-dir needs a folder", kExitUsage);
            dir = QString::fromLocal8Bit(argv[i + 1]);
            taken = 2;
        } else {
            continue;
        }
        if (dir.isEmpty()) return fail("--config-dir needs a folder", kExitUsage);
        HostStore::setConfigDirOverride(QDir(dir).absolutePath());
        for (int j = i; j + taken <= argc; ++j) argv[j] = argv[j + taken];
        argc -= taken;
        --i;
    }
    return {};
}

SshResult connectForCli(SshSessionThread& thread, const RemoteHost& host,
                        const ConnectOptions& options) {
    QString password = options.passwordStdin
                           ? readSecretLine(QStringLiteral("Password for %1: ").arg(host.name))
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
                QStringLiteral("Passphrase for the key %1: ").arg(host.target.identityFile)));
        } else if ((result.failure == SshFailure::WrongPassword ||
                    result.failure == SshFailure::AuthDenied) &&
                   canAsk) {
            ++prompts;
            std::fprintf(stderr, "%s\n", result.message.toLocal8Bit().constData());
            password = readSecretLine(QStringLiteral("Password for %1: ").arg(host.name));
            if (password.isEmpty()) return result;
            thread.setPassword(password);
        } else {
            return result;
        }
        result = awaitConnect(thread, [&] { thread.connectToHost(); });
    }
    return result;
}

Result<CliOptions> parseOptions(int argc, char** argv) {
    CliOptions options;
    QString runsRoot;
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        // Both "--set k=v" and "--set=k=v" spellings.
        auto value = [&](const QString& flag, QString& out) {
            if (arg.startsWith(flag + QLatin1Char('='))) {
                out = arg.mid(flag.size() + 1);
                return true;
            }
            if (arg != flag) return false;
            if (i + 1 >= argc) return false;
            out = QString::fromLocal8Bit(argv[++i]);
            return true;
        };
        QString text;
        if (arg == QLatin1String("--detach")) {
            options.detach = true;
        } else if (arg == QLatin1String("--json")) {
            options.json = true;
        } else if (arg == QLatin1String("--from-end")) {
            options.fromEnd = true;
        } else if (arg == QLatin1String("--kill")) {
            options.kill = true;
        } else if (value(QStringLiteral("--set"), text)) {
            options.sets.append(text);
        } else if (value(QStringLiteral("--runs-root"), text)) {
            runsRoot = text;
        } else if (arg.startsWith(QLatin1String("--"))) {
            return fail("unknown or incomplete option '" + arg.toStdString() + "'", kExitUsage);
        } else {
            options.positional.append(arg);
        }
    }
    options.runsRoot = resolveRunsRoot(runsRoot);
    return options;
}

Result<QString> findRunId(const QString& runsRoot, const QString& idOrPrefix) {
    RunCatalog catalog(runsRoot);
    catalog.refresh();
    if (catalog.find(idOrPrefix)) return idOrPrefix;
    QStringList matches;
    for (const RunInfo& run : catalog.runs()) {
        if (run.id.startsWith(idOrPrefix)) matches.append(run.id);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.isEmpty()) {
        return fail("no run matches '" + idOrPrefix.toStdString() + "' in " +
                    runsRoot.toStdString() + "; `trainbench runs` lists them");
    }
    return fail("'" + idOrPrefix.toStdString() + "' matches " + std::to_string(matches.size()) +
                " runs (" + matches.mid(0, 4).join(QLatin1String(", ")).toStdString() +
                (matches.size() > 4 ? ", ..." : "") + "); give more of the id");
}

QString binDir() {
    const QString fromEnvironment = qEnvironmentVariable("TRAINBENCH_BIN_DIR");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return QCoreApplication::applicationDirPath();
}

int exitStatusOf(const RunInfo& run) {
    switch (run.state) {
        case RunState::Finished:
            return 0;
        case RunState::Stopped:
            return 143;
        default:
            return 1;
    }
}

QString formatDuration(qint64 seconds) {
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString tail = QStringLiteral("%1:%2")
                             .arg(minutes, hours ? 2 : 1, 10, QLatin1Char('0'))
                             .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return hours ? QString::number(hours) + QLatin1Char(':') + tail : tail;
}

QString formatNumber(double value) {
    return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'g', 4);
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text) {
    std::fprintf(stderr, "trainbench: %s\n", text.toLocal8Bit().constData());
}

bool interrupted() {
    return g_interrupted != 0;
}

void watchInterrupt() {
    std::signal(SIGINT, onInterrupt);
}

}  // namespace tb::cli
