// trainbench hosts: list, add from a pasted ssh line, remove, forget a host's key, and probe.

#include "cli_hosts.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

#include "cli_common.h"
#include "remote/host_probe_session.h"
#include "remote/host_probe_text.h"
#include "remote/host_store.h"
#include "remote/known_hosts_file.h"
#include "remote/ssh_command_line.h"

namespace tb::cli {
namespace {

constexpr const char* kHostsUsage =
    "usage: trainbench hosts [--json]\n"
    "       trainbench hosts add NAME \"SSH-LINE\" [--key FILE] [--python PATH]\n"
    "                            [--remote-root DIR] [--price PER-HOUR] [--known-hosts FILE]\n"
    "       trainbench hosts rm NAME\n"
    "       trainbench hosts forget-key NAME\n"
    "       trainbench hosts probe NAME [--json] [--accept-key SHA256:...]\n"
    "Hosts live in $TRAINBENCH_HOME/hosts.json (else the app's config folder), without\n"
    "passwords.\n";

int usage(const QString& problem) {
    printErr(problem);
    std::fputs(kHostsUsage, stderr);
    return kExitUsage;
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
                                     {QStringLiteral("pricePerHour"), host.pricePerHour}});
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
        if (host.pricePerHour > 0) line += QStringLiteral("  %1/h").arg(host.pricePerHour);
        printOut(line.trimmed() + QLatin1Char('\n'));
    }
    return 0;
}

int add(HostStore& store, const QStringList& args) {
    QStringList positional;
    RemoteHost host;
    QString key;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (arg == QLatin1String("--key") && hasValue) {
            key = args.at(++i);
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
    if (positional.size() != 2)
        return usage(QStringLiteral("hosts add needs NAME and \"SSH-LINE\""));
    auto target = parseSshCommandLine(positional.at(1));
    if (!target) {
        printErr(QStringLiteral("cannot use the ssh line: %1")
                     .arg(QString::fromStdString(target.error())));
        return 1;
    }
    const QString knownHosts = host.target.knownHostsFile;
    host.name = positional.at(0);
    host.target = *target;
    host.target.knownHostsFile = knownHosts;
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
    return 0;
}

int probe(const RemoteHost& host, const QStringList& options) {
    bool json = false;
    HostProbeOptions probeOptions;
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (options.at(i) == QLatin1String("--json"))
            json = true;
        else if (options.at(i) == QLatin1String("--accept-key") && i + 1 < options.size())
            probeOptions.acceptedFingerprint = options.at(++i);
        else
            return usage(QStringLiteral("unexpected '%1'").arg(options.at(i)));
    }
    const ProbeResult result = probeHost(host.target, host.name, probeOptions);
    if (!result.ok()) {
        printErr(result.message);
        if (result.failure == SshFailure::HostKeyUnknown)
            printErr(QStringLiteral("if the fingerprint is right: trainbench hosts probe %1 "
                                    "--accept-key SHA256:...")
                         .arg(host.name));
        return 1;
    }
    if (json) {
        QJsonObject object = result.report.toJson();
        object.insert(QStringLiteral("name"), host.name);
        printOut(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
    } else {
        printOut(QStringLiteral("%1 (%2)\n").arg(host.name, address(host.target)) +
                 formatHostReport(result.report));
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
    if (probing) return probe(*host, args.mid(2));
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
    printOut(QStringLiteral("removed %1\n").arg(name));
    return 0;
}

}  // namespace tb::cli
