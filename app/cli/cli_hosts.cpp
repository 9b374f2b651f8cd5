// trainbench hosts: list, add from a pasted ssh line, remove, forget a host's key, and probe.

#include "cli_hosts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#include "cli_command_specs.h"
#include "cli_common.h"
#include "core/runs/await_result.h"
#include "core/runs/fail_text.h"
#include "remote/hosts/host_probe.h"
#include "remote/hosts/host_probe_text.h"
#include "remote/hosts/host_store.h"
#include "remote/hosts/slurm_options.h"
#include "remote/ssh/known_hosts_file.h"
#include "remote/ssh/password_vault.h"
#include "remote/ssh/secret_bytes.h"
#include "remote/ssh/ssh_command_line.h"
#include "remote/ssh/ssh_config_hosts.h"
#include "remote/ssh/ssh_session_thread.h"

namespace tb::cli {
namespace {

QString address(const SshTarget& target) {
    const QString user = target.user.isEmpty() ? QString() : target.user + QLatin1Char('@');
    return QStringLiteral("%1%2:%3").arg(user, target.host).arg(target.port);
}

int list(const HostStore& store, bool json) {
    if (json) {
        QJsonArray array;
        for (const RemoteHost& host : store.hosts())
            array.append(QJsonObject{
                {QStringLiteral("name"), host.name},
                {QStringLiteral("host"), host.target.host},
                {QStringLiteral("port"), host.target.port},
                {QStringLiteral("user"), host.target.user},
                {QStringLiteral("identityFile"), host.target.identityFile},
                {QStringLiteral("remoteRoot"), host.runsRoot},
                {QStringLiteral("python"), host.python},
                {QStringLiteral("pricePerHour"), host.pricePerHour},
                {QStringLiteral("jump"), host.target.jump},
                {QStringLiteral("origin"), host.origin},
                {QStringLiteral("slurm"),
                 host.slurm.enabled ? QJsonValue(slurmToJson(host.slurm)) : QJsonValue()}});
        printOut(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (store.hosts().isEmpty()) {
        //: %1 is the hosts.json file
        printOut(Text::tr("no hosts in %1; add one with trainbench hosts add NAME "
                          "\"ssh -p PORT user@host\"")
                     .arg(store.filePath()) +
                 QLatin1Char('\n'));
        return 0;
    }
    for (const RemoteHost& host : store.hosts()) {
        QString line = QStringLiteral("%1  %2").arg(host.name, -16).arg(address(host.target), -40);
        if (!host.target.identityFile.isEmpty())
            line += QStringLiteral("  key ") + host.target.identityFile;
        if (!host.target.jump.isEmpty()) line += QStringLiteral("  via ") + host.target.jump;
        if (host.pricePerHour > 0) line += QStringLiteral("  %1/h").arg(host.pricePerHour);
        if (host.slurm.enabled) line += QStringLiteral("  Slurm: ") + host.slurm.summary();
        if (!host.origin.isEmpty()) line += QStringLiteral("  (from %1)").arg(host.origin);
        printOut(line.trimmed() + QLatin1Char('\n'));
    }
    return 0;
}

int listSshConfig() {
    const QString file = defaultSshConfigFile();
    const QStringList aliases = sshConfigHostAliases(file);
    if (aliases.isEmpty()) {
        //: %1 is the ssh config file, such as ~/.ssh/config
        printOut(Text::tr("no Host entries in %1").arg(file) + QLatin1Char('\n'));
        return 0;
    }
    for (const QString& alias : aliases) {
        const auto target = resolveSshConfigHost(alias, file);
        QString line = QStringLiteral("%1  ").arg(alias, -16);
        line += target ? address(*target) : QString::fromStdString(target.error());
        if (target && !target->jump.isEmpty()) line += QStringLiteral("  via ") + target->jump;
        printOut(line + QLatin1Char('\n'));
    }
    printOut(Text::tr("add one with: trainbench hosts add NAME --ssh-config ALIAS") +
             QLatin1Char('\n'));
    return 0;
}

// Keeps the password in the vault: the keychain when one answers, else nowhere after exit.
void rememberPassword(const QString& hostName, const QString& password) {
    PasswordVault vault;
    if (!keychainAnswers(vault)) {
        printOut(Text::tr("no keychain service runs here, so the password was not stored; "
                          "give it again with --password-stdin when connecting") +
                 QLatin1Char('\n'));
        return;
    }
    // The write is a keychain job; wait for it so the process does not exit first.
    const auto stored = awaitResult<void>(
        [&](auto done) {
            QObject::connect(&vault, &PasswordVault::passwordStored, [done] { done({}); });
            QObject::connect(&vault, &PasswordVault::keychainError,
                             [done](const QString& why) { done(fail(why.toStdString())); });
            vault.remember(hostName, password);
        },
        "the keychain", kNoTimeout);
    if (stored)
        printOut(Text::tr("password kept in the keychain") + QLatin1Char('\n'));
    else
        printErr(QString::fromStdString(stored.error()));
}

// Forgets the password kept under the host's name, so that a removed host's password is not
// offered to whatever later takes the name.
void forgetPassword(const QString& hostName) {
    PasswordVault vault;
    if (!keychainAnswers(vault)) return;
    // A failed delete is said, and still ends in passwordForgotten.
    QObject::connect(&vault, &PasswordVault::keychainError,
                     [](const QString& why) { printErr(why); });
    // The delete is a keychain job; wait for it so the process does not exit first.
    (void)awaitResult<void>(
        [&](auto done) {
            QObject::connect(&vault, &PasswordVault::passwordForgotten, [done] { done({}); });
            vault.forget(hostName);
        },
        "the keychain", kNoTimeout);
}

// The target from --ssh-config ALIAS or the pasted line; an error says which is wrong.
Result<SshTarget> targetFrom(const QString& sshConfigAlias, const QString& line) {
    if (!sshConfigAlias.isEmpty()) return resolveSshConfigHost(sshConfigAlias);
    auto target = parseSshCommandLine(line);
    if (!target)
        //: %1 says what is wrong with the pasted ssh command line
        return failText(
            Text::tr("cannot use the ssh line: %1").arg(QString::fromStdString(target.error())));
    return target;
}

int add(HostStore& store, const ParsedArgs& args) {
    const CommandSpec& spec = commandSpec(QStringLiteral("hosts add"));
    const QStringList& positional = args.positional;
    RemoteHost host;
    const QString key = args.value(QStringLiteral("key"));
    const QString alias = args.value(QStringLiteral("ssh-config"));
    const bool passwordStdin = args.has(QStringLiteral("password-stdin"));
    host.python = args.value(QStringLiteral("python"));
    host.runsRoot = args.value(QStringLiteral("remote-root"));
    host.target.knownHostsFile = args.value(QStringLiteral("known-hosts"));
    if (args.has(QStringLiteral("price"))) {
        bool ok = false;
        const QString price = args.value(QStringLiteral("price"));
        host.pricePerHour = price.toDouble(&ok);
        if (!ok || host.pricePerHour < 0)
            return usageError(spec, Text::tr("--price needs a number, got '%1'").arg(price));
    }
    if (args.has(QStringLiteral("slurm"))) {
        auto slurm = parseSlurmOptions(args.value(QStringLiteral("slurm")));
        if (!slurm) return usageError(spec, QString::fromStdString("--slurm: " + slurm.error()));
        host.slurm = *slurm;
    }
    if (positional.size() != (alias.isEmpty() ? 2 : 1))
        return usageError(spec, alias.isEmpty()
                                    ? Text::tr("hosts add needs NAME and \"SSH-LINE\"")
                                    : Text::tr("hosts add NAME --ssh-config ALIAS takes "
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
    //: %1 is the host's name, %2 its address user@host:port
    printOut(Text::tr("added %1 (%2)").arg(host.name, address(host.target)) + QLatin1Char('\n'));
    if (passwordStdin) {
        QString password = readSecretLine(Text::tr("Password for %1: ").arg(host.name));
        rememberPassword(host.name, password);
        wipeSecret(password);
    }
    return 0;
}

// Runs the probe on a connected session and waits for its report.
ProbeResult runProbe(SshSessionThread& thread) {
    HostProbe probe(&thread);
    const auto outcome = awaitResult<ProbeResult>(
        [&](auto done) {
            QObject::connect(&probe, &HostProbe::finished, done);
            probe.start();
        },
        "the probe", kNoTimeout);
    if (!outcome) return {SshFailure::Cancelled, QString::fromStdString(outcome.error()), {}};
    return *outcome;
}

int probe(HostStore& store, RemoteHost host, const CommandSpec& spec, const ParsedArgs& args) {
    const auto connectOptions = cli::connectOptions(args);
    if (!connectOptions) return usageError(spec, QString::fromStdString(connectOptions.error()));
    const bool json = args.has(QStringLiteral("json"));
    SshSessionThread thread(host.target, host.name);
    const SshResult connected = connectForCli(thread, host, *connectOptions);
    if (!connected.ok()) {
        printErr(connected.message);
        if (connected.failure == SshFailure::HostKeyUnknown)
            //: %1 is the host's name, %2 the key's fingerprint SHA256:...
            printErr(Text::tr("if the fingerprint is right: trainbench hosts probe %1 "
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
            //: %1 is the hosts.json file
            printErr(Text::tr("cannot keep the probed runs root and python in %1")
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
                 //: %1 is a folder on the host, %2 the python program found there
                 Text::tr("runs root: %1\npython: %2").arg(host.runsRoot, host.python) +
                 QLatin1Char('\n'));
    }
    return 0;
}

// A hosts action (or the list) with what the parser took for it.
int runAction(const CommandSpec& spec, const ParsedArgs& args) {
    HostStore store(HostStore::defaultConfigDir());
    if (auto loaded = store.load(); !loaded) {
        printErr(QString::fromStdString(loaded.error()));
        return 1;
    }
    if (spec.name == QLatin1String("hosts")) {
        if (!args.positional.isEmpty())
            return usageError(spec, Text::tr("unexpected '%1'").arg(args.positional.front()));
        return list(store, args.has(QStringLiteral("json")));
    }
    if (spec.name == QLatin1String("hosts add")) return add(store, args);
    if (spec.name == QLatin1String("hosts ssh-config")) return listSshConfig();
    const QString action = spec.name.section(QLatin1Char(' '), -1);  // probe, rm, forget-key
    if (args.positional.size() != 1)
        //: %1 is the action: probe, rm or forget-key
        return usageError(spec, Text::tr("hosts %1 needs exactly one NAME").arg(action));
    const QString name = args.positional.front();
    const RemoteHost* host = store.find(name);
    if (!host) {
        printErr(Text::tr("no host named '%1'; `trainbench hosts` lists them").arg(name));
        return 1;
    }
    if (action == QLatin1String("probe")) return probe(store, *host, spec, args);
    if (action == QLatin1String("forget-key")) {
        const QString file = host->target.knownHostsFile.isEmpty() ? defaultKnownHostsFile()
                                                                   : host->target.knownHostsFile;
        auto removed = forgetHostKey(file, host->target.host, host->target.port);
        if (!removed) {
            printErr(QString::fromStdString(removed.error()));
            return 1;
        }
        //: %1 is a number of lines, %2 the host's address user@host:port, %3 the known_hosts file
        printOut(Text::tr("forgot %1 key line(s) for %2 in %3; the next connection shows "
                          "the new fingerprint and asks")
                     .arg(QString::number(*removed), address(host->target), file) +
                 QLatin1Char('\n'));
        return 0;
    }
    if (auto removed = store.remove(name); !removed || !store.save().ok()) {
        //: %1 is the host's name, %2 the hosts.json file
        printErr(Text::tr("cannot remove %1 from %2").arg(name, store.filePath()));
        return 1;
    }
    forgetPassword(name);
    printOut(Text::tr("removed %1").arg(name) + QLatin1Char('\n'));
    return 0;
}

int parseAndRun(const CommandSpec& spec, const QStringList& args) {
    ParsedArgs parsed;
    if (const auto settled = parseCommand(spec, args, parsed)) return *settled;
    return runAction(spec, parsed);
}

}  // namespace

int hostsCommand(const QStringList& words) {
    const CommandSpec& hosts = commandSpec(QStringLiteral("hosts"));
    const QString action = words.value(0);
    if (action.isEmpty() || action.startsWith(QLatin1Char('-')) || action == QLatin1String("help"))
        return parseAndRun(hosts, words);
    const CommandSpec* spec = findCommandSpec(QStringLiteral("hosts ") + action);
    if (!spec) return usageError(hosts, Text::tr("unknown hosts action '%1'").arg(action));
    return parseAndRun(*spec, words.mid(1));
}

int probeCommand(const QStringList& words) {
    return parseAndRun(commandSpec(QStringLiteral("probe")), words);
}

}  // namespace tb::cli
