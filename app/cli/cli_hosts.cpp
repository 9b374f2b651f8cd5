// trainbench hosts: list, add from a pasted ssh line, remove, forget a host's key, and probe.

#include "cli_hosts.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

#include "cli_common.h"
#include "remote/host_probe.h"
#include "remote/host_probe_text.h"
#include "remote/host_store.h"
#include "remote/known_hosts_file.h"
#include "remote/password_vault.h"
#include "remote/secret_bytes.h"
#include "remote/ssh_command_line.h"
#include "remote/ssh_config_hosts.h"
#include "remote/ssh_session_thread.h"

namespace tb::cli {
namespace {

constexpr const char* kHostsUsage =
    "usage: trainbench hosts [--json]\n"
    "       trainbench hosts add NAME \"SSH-LINE\" [--key FILE] [--password-stdin] [--python "
    "PATH]\n"
    "                            [--remote-root DIR] [--price PER-HOUR] [--known-hosts FILE]\n"
    "       trainbench hosts add NAME --ssh-config ALIAS [...]   (a Host from ~/.ssh/config)\n"
    "       trainbench hosts ssh-config               (the Hosts ~/.ssh/config offers)\n"
    "       trainbench hosts rm NAME\n"
    "       trainbench hosts forget-key NAME\n"
    "       trainbench hosts probe NAME [--json] [--accept-new | --accept-key SHA256:...]\n"
    "                                   [--password-stdin]\n"
    "Hosts live in hosts.json in --config-dir DIR, else $TRAINBENCH_HOME, else the app's\n"
    "config folder, without passwords: --password-stdin keeps the password in the OS\n"
    "keychain, or where none runs, only for this command. An unknown host key is shown and\n"
    "asked about on a terminal; without one, --accept-new or --accept-key is needed.\n";

int usage(const QString& problem) {
    return usageError(problem, kHostsUsage);
}

QString address(const SshTarget& target) {
    const QString user = target.user.isEmpty() ? QString() : target.user + QLatin1Char('@');
    return QStringLiteral("%1%2:%3").arg(user, target.host).arg(target.port);
}

int list(const HostStore& store, bool json) {
    if (json) {
        QJsonArray array;
        for (const RemoteHost& host : store.hosts())
            array.append(QJsonObject{{QStringLiteral("name"), host.name},
                                     {QStringLiteral("host"), host.target.host},
                                     {QStringLiteral("port"), host.target.port},
                                     {QStringLiteral("user"), host.target.user},
                                     {QStringLiteral("identityFile"), host.target.identityFile},
                                     {QStringLiteral("remoteRoot"), host.runsRoot},
                                     {QStringLiteral("python"), host.python},
                                     {QStringLiteral("pricePerHour"), host.pricePerHour},
                                     {QStringLiteral("jump"), host.target.jump},
                                     {QStringLiteral("origin"), host.origin}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (store.hosts().isEmpty()) {
        printOut(QStringLiteral("no hosts in %1; add one with trainbench hosts add NAME "
                                "\"ssh -p PORT user@host\"\n")
                     .arg(store.filePath()));
        return 0;
    }
    for (const RemoteHost& host : store.hosts()) {
        QString line = QStringLiteral("%1  %2").arg(host.name, -16).arg(address(host.target), -40);
        if (!host.target.identityFile.isEmpty())
            line += QStringLiteral("  key ") + host.target.identityFile;
        if (!host.target.jump.isEmpty()) line += QStringLiteral("  via ") + host.target.jump;
        if (host.pricePerHour > 0) line += QStringLiteral("  %1/h").arg(host.pricePerHour);
        if (!host.origin.isEmpty()) line += QStringLiteral("  (from %1)").arg(host.origin);
        printOut(line.trimmed() + QLatin1Char('\n'));
    }
    return 0;
}

int listSshConfig() {
    const QString file = defaultSshConfigFile();
    const QStringList aliases = sshConfigHostAliases(file);
    if (aliases.isEmpty()) {
        printOut(QStringLiteral("no Host entries in %1\n").arg(file));
        return 0;
    }
    for (const QString& alias : aliases) {
        const auto target = resolveSshConfigHost(alias, file);
        QString line = QStringLiteral("%1  ").arg(alias, -16);
        line += target ? address(*target) : QString::fromStdString(target.error());
        if (target && !target->jump.isEmpty()) line += QStringLiteral("  via ") + target->jump;
        printOut(line + QLatin1Char('\n'));
    }
    printOut(QStringLiteral("add one with: trainbench hosts add NAME --ssh-config ALIAS\n"));
    return 0;
}

// Keeps the password in the vault: the keychain when one answers, else nowhere after exit.
void rememberPassword(const QString& hostName, const QString& password) {
    PasswordVault vault;
    QEventLoop loop;
    bool checked = false;
    QObject::connect(&vault, &PasswordVault::keychainChecked, &loop, [&] {
        checked = true;
        loop.quit();
    });
    vault.checkKeychain();
    if (!checked) loop.exec();
    if (!vault.persistent()) {
        printOut(
            QStringLiteral("no keychain service runs here, so the password was not stored; "
                           "give it again with --password-stdin when connecting\n"));
        return;
    }
    // The write is a keychain job; wait for it so the process does not exit first.
    QObject::connect(&vault, &PasswordVault::passwordStored, &loop, [&] {
        printOut(QStringLiteral("password kept in the keychain\n"));
        loop.quit();
    });
    QObject::connect(&vault, &PasswordVault::keychainError, &loop, [&](const QString& why) {
        printErr(why);
        loop.quit();
    });
    vault.remember(hostName, password);
    loop.exec();
}

// Forgets the password kept under the host's name, so that a removed host's password is not
// offered to whatever later takes the name.
void forgetPassword(const QString& hostName) {
    PasswordVault vault;
    QEventLoop loop;
    bool checked = false;
    QObject::connect(&vault, &PasswordVault::keychainChecked, &loop, [&] {
        checked = true;
        loop.quit();
    });
    vault.checkKeychain();
    if (!checked) loop.exec();
    if (!vault.persistent()) return;
    // The delete is a keychain job; wait for it so the process does not exit first.
    QObject::connect(&vault, &PasswordVault::passwordForgotten, &loop, [&] { loop.quit(); });
    QObject::connect(&vault, &PasswordVault::keychainError, &loop,
                     [](const QString& why) { printErr(why); });
    vault.forget(hostName);
    loop.exec();
}

// The target from --ssh-config ALIAS or the pasted line; an error says which is wrong.
Result<SshTarget> targetFrom(const QString& sshConfigAlias, const QString& line) {
    if (!sshConfigAlias.isEmpty()) return resolveSshConfigHost(sshConfigAlias);
    auto target = parseSshCommandLine(line);
    if (!target) return fail("cannot use the ssh line: " + target.error());
    return target;
}

int add(HostStore& store, const QStringList& args) {
    QStringList positional;
    RemoteHost host;
    QString key, alias;
    bool passwordStdin = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--key") && hasValue) {
            key = args.at(++i);
        } else if (arg == QLatin1String("--ssh-config") && hasValue) {
            alias = args.at(++i);
        } else if (arg == QLatin1String("--password-stdin")) {
            passwordStdin = true;
        } else if (arg == QLatin1String("--python") && hasValue) {
            host.python = args.at(++i);
        } else if (arg == QLatin1String("--remote-root") && hasValue) {
            host.runsRoot = args.at(++i);
        } else if (arg == QLatin1String("--known-hosts") && hasValue) {
            host.target.knownHostsFile = args.at(++i);
        } else if (arg == QLatin1String("--price") && hasValue) {
            bool ok = false;
            host.pricePerHour = args.at(++i).toDouble(&ok);
            if (!ok || host.pricePerHour < 0)
                return usage(QStringLiteral("--price needs a number, got '%1'").arg(args.at(i)));
        } else if (arg.startsWith(QLatin1String("--"))) {
            return usage(QStringLiteral("unknown or incomplete option '%1'").arg(arg));
        } else {
            positional.append(arg);
        }
    }
    if (positional.size() != (alias.isEmpty() ? 2 : 1))
        return usage(alias.isEmpty() ? QStringLiteral("hosts add needs NAME and \"SSH-LINE\"")
                                     : QStringLiteral("hosts add NAME --ssh-config ALIAS takes "
                                                      "no ssh line"));
    auto target = targetFrom(alias, positional.value(1));
    if (!target) {
        printErr(QString::fromStdString(target.error()));
        return 1;
    }
    const QString knownHosts = host.target.knownHostsFile;
    host.name = positional.at(0);
    host.target = *target;
    host.target.knownHostsFile = knownHosts;
    host.origin =
        alias.isEmpty() ? QStringLiteral("ssh line") : QStringLiteral("ssh config %1").arg(alias);
    if (!key.isEmpty()) host.target.identityFile = key;
    if (auto added = store.add(host); !added) {
        printErr(QString::fromStdString(added.error()));
        return 1;
    }
    if (auto saved = store.save(); !saved) {
        printErr(QString::fromStdString(saved.error()));
        return 1;
    }
    printOut(QStringLiteral("added %1 (%2)\n").arg(host.name, address(host.target)));
    if (passwordStdin) {
        QString password = readSecretLine(QStringLiteral("Password for %1: ").arg(host.name));
        rememberPassword(host.name, password);
        wipeSecret(password);
    }
    return 0;
}

// Runs the probe on a connected session and waits for its report.
ProbeResult runProbe(SshSessionThread& thread) {
    HostProbe probe(&thread);
    QEventLoop loop;
    std::optional<ProbeResult> outcome;
    QObject::connect(&probe, &HostProbe::finished, &loop, [&](const ProbeResult& result) {
        outcome = result;
        loop.quit();
    });
    probe.start();
    if (!outcome) loop.exec();
    return *outcome;
}

int probe(HostStore& store, RemoteHost host, const QStringList& options) {
    ConnectOptions connectOptions;
    auto rest = takeConnectOptions(options, connectOptions);
    if (!rest) return usage(QString::fromStdString(rest.error()));
    bool json = false;
    for (const QString& option : *rest) {
        if (option != QLatin1String("--json"))
            return usage(QStringLiteral("unexpected '%1'").arg(option));
        json = true;
    }
    SshSessionThread thread(host.target, host.name);
    const SshResult connected = connectForCli(thread, host, connectOptions);
    if (!connected.ok()) {
        printErr(connected.message);
        if (connected.failure == SshFailure::HostKeyUnknown)
            printErr(QStringLiteral("if the fingerprint is right: trainbench hosts probe %1 "
                                    "--accept-key %2")
                         .arg(host.name, connected.fingerprint));
        return 1;
    }
    const ProbeResult result = runProbe(thread);
    thread.disconnectFromHost();
    if (!result.ok()) {
        printErr(result.message);
        return 1;
    }
    // What the user left empty is decided now, once, and kept.
    if (fillFromProbe(host, result.report)) {
        if (auto updated = store.update(host); !updated || !store.save().ok())
            printErr(QStringLiteral("cannot keep the probed runs root and python in %1")
                         .arg(store.filePath()));
    }
    if (json) {
        QJsonObject object = result.report.toJson();
        object.insert(QStringLiteral("name"), host.name);
        object.insert(QStringLiteral("runsRoot"), host.runsRoot);
        object.insert(QStringLiteral("python"), host.python);
        printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        printOut(QStringLiteral("%1 (%2)\n").arg(host.name, address(host.target)) +
                 formatHostReport(result.report) +
                 QStringLiteral("runs root: %1\npython: %2\n").arg(host.runsRoot, host.python));
    }
    return 0;
}

}  // namespace

int hostsCommand(int argc, char** argv) {
    QStringList args;
    for (int i = 2; i < argc; ++i) args.append(QString::fromLocal8Bit(argv[i]));
    HostStore store(HostStore::defaultConfigDir());
    if (auto loaded = store.load(); !loaded) {
        printErr(QString::fromStdString(loaded.error()));
        return 1;
    }
    const QString action = args.value(0);
    if (action == QLatin1String("help") || action == QLatin1String("--help")) {
        printOut(QString::fromLatin1(kHostsUsage));
        return 0;
    }
    if (action.isEmpty() || action == QLatin1String("--json")) {
        if (args.size() > 1) return usage(QStringLiteral("unexpected '%1'").arg(args.at(1)));
        return list(store, action == QLatin1String("--json"));
    }
    if (action == QLatin1String("add")) return add(store, args.mid(1));
    if (action == QLatin1String("ssh-config")) return listSshConfig();
    const bool probing = action == QLatin1String("probe");
    if (!probing && action != QLatin1String("rm") && action != QLatin1String("forget-key"))
        return usage(QStringLiteral("unknown hosts action '%1'").arg(action));
    if (args.size() < 2 || (!probing && args.size() != 2))
        return usage(QStringLiteral("hosts %1 needs exactly one NAME").arg(action));

    const QString name = args.at(1);
    const RemoteHost* host = store.find(name);
    if (!host) {
        printErr(QStringLiteral("no host named '%1'; `trainbench hosts` lists them").arg(name));
        return 1;
    }
    if (probing) return probe(store, *host, args.mid(2));
    if (action == QLatin1String("forget-key")) {
        const QString file = host->target.knownHostsFile.isEmpty() ? defaultKnownHostsFile()
                                                                   : host->target.knownHostsFile;
        auto removed = forgetHostKey(file, host->target.host, host->target.port);
        if (!removed) {
            printErr(QString::fromStdString(removed.error()));
            return 1;
        }
        printOut(QStringLiteral("forgot %1 key line(s) for %2 in %3; the next connection shows "
                                "the new fingerprint and asks\n")
                     .arg(*removed)
                     .arg(address(host->target), file));
        return 0;
    }
    if (auto removed = store.remove(name); !removed || !store.save().ok()) {
        printErr(QStringLiteral("cannot remove %1 from %2").arg(name, store.filePath()));
        return 1;
    }
    forgetPassword(name);
    printOut(QStringLiteral("removed %1\n").arg(name));
    return 0;
}

}  // namespace tb::cli
