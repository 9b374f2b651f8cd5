// HostStore: hosts.json read and written atomically; fields a user may not have set are omitted.

#include "host_store.h"

#include "core/runs/fail_text.h"
#include "host_probe_report.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace tb {

namespace {

constexpr int kFormatVersion = 1;

// The hosts a user saved (hosts.json); HostStore's own name is taken by the class.
struct SavedHosts {
    Q_DECLARE_TR_FUNCTIONS(SavedHosts)
};

// Set once at start-up from --config-dir, before any thread reads it.
QString& configDirOverride() {
    static QString dir;
    return dir;
}

QJsonObject toJson(const RemoteHost& host) {
    QJsonObject object{{QStringLiteral("name"), host.name},
                       {QStringLiteral("host"), host.target.host},
                       {QStringLiteral("port"), host.target.port}};
    const auto putIfSet = [&object](const char* key, const QString& value) {
        if (!value.isEmpty()) object.insert(QLatin1String(key), value);
    };
    putIfSet("user", host.target.user);
    putIfSet("identityFile", host.target.identityFile);
    putIfSet("jump", host.target.jump);
    putIfSet("knownHostsFile", host.target.knownHostsFile);
    putIfSet("runsRoot", host.runsRoot);
    putIfSet("python", host.python);
    putIfSet("origin", host.origin);
    putIfSet("trainerPath", host.trainerPath);
    if (host.pricePerHour > 0) object.insert(QStringLiteral("pricePerHour"), host.pricePerHour);
    if (host.shutdownCommand != RemoteHost().shutdownCommand)
        putIfSet("shutdownCommand", host.shutdownCommand);
    if (host.slurm.enabled) object.insert(QStringLiteral("slurm"), slurmToJson(host.slurm));
    return object;
}

RemoteHost fromJson(const QJsonObject& object) {
    RemoteHost host;
    const auto text = [&object](const char* key) {
        return object.value(QLatin1String(key)).toString();
    };
    host.name = text("name");
    host.target.host = text("host");
    host.target.port = object.value(QStringLiteral("port")).toInt(22);
    host.target.user = text("user");
    host.target.identityFile = text("identityFile");
    host.target.jump = text("jump");
    host.target.knownHostsFile = text("knownHostsFile");
    host.runsRoot = text("runsRoot");
    host.python = text("python");
    host.origin = text("origin");
    host.trainerPath = text("trainerPath");
    host.pricePerHour = object.value(QStringLiteral("pricePerHour")).toDouble(0.0);
    if (const QString shutdown = text("shutdownCommand"); !shutdown.isEmpty())
        host.shutdownCommand = shutdown;
    if (const QJsonValue slurm = object.value(QStringLiteral("slurm")); slurm.isObject())
        host.slurm = slurmFromJson(slurm.toObject());
    return host;
}

const ProbedPython* bestPython(const HostReport& report) {
    const auto first = [&report](auto good) -> const ProbedPython* {
        for (const ProbedPython& python : report.pythons)
            if (!python.timedOut && !python.version.isEmpty() && good(python)) return &python;
        return nullptr;
    };
    if (auto* cuda = first([](const ProbedPython& p) { return p.torchCudaAvailable; })) return cuda;
    if (auto* torch = first([](const ProbedPython& p) { return !p.torchVersion.isEmpty(); }))
        return torch;
    return first([](const ProbedPython&) { return true; });
}

}  // namespace

bool fillFromProbe(RemoteHost& host, const HostReport& report) {
    bool changed = false;
    if (host.runsRoot.isEmpty()) {
        const ProbedDisk* data = report.dataDisk();
        host.runsRoot = data && data->role == DiskRole::Data
                            ? data->mount + QStringLiteral("/trainbench")
                            : QStringLiteral("~/trainbench");
        changed = true;
    }
    if (host.python.isEmpty()) {
        if (const ProbedPython* python = bestPython(report)) {
            host.python = python->path;
            changed = true;
        }
    }
    return changed;
}

HostStore::HostStore(QString configDir) : m_configDir(std::move(configDir)) {
}

void HostStore::setConfigDirOverride(const QString& dir) {
    configDirOverride() = dir;
}

QString HostStore::defaultConfigDir() {
    if (!configDirOverride().isEmpty()) return configDirOverride();
    const QString home = qEnvironmentVariable("TRAINBENCH_HOME");
    if (!home.isEmpty()) return home;
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QString HostStore::filePath() const {
    return QDir(m_configDir).filePath(QStringLiteral("hosts.json"));
}

Result<void> HostStore::checkName(const QString& name) {
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    if (!valid.match(name).hasMatch())
        return failText(SavedHosts::tr("host name '%1' must be 1-64 letters, digits, '.', '_' or "
                                       "'-' (starting with a letter or digit)")
                            .arg(name));
    return {};
}

Result<void> HostStore::load() {
    m_hosts.clear();
    QFile file(filePath());
    if (!file.exists()) return {};
    if (!file.open(QIODevice::ReadOnly))
        //: %1 is the hosts file, %2 the system's reason
        return failText(SavedHosts::tr("cannot read %1: %2").arg(filePath(), file.errorString()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (document.isNull() || !document.isObject())
        //: %1 is the hosts file, %2 the JSON parser's message, %3 a byte offset
        return failText(SavedHosts::tr("%1 is not a hosts file (%2 at offset %3); fix or delete it")
                            .arg(filePath(), error.errorString(), QString::number(error.offset)));
    for (const QJsonValue& value : document.object().value(QStringLiteral("hosts")).toArray()) {
        RemoteHost host = fromJson(value.toObject());
        if (host.name.isEmpty() || host.target.host.isEmpty()) continue;
        m_hosts.append(host);
    }
    return {};
}

Result<void> HostStore::save() const {
    if (!QDir().mkpath(m_configDir))
        return failText(SavedHosts::tr("cannot create the config folder %1").arg(m_configDir));
    QJsonArray array;
    for (const RemoteHost& host : m_hosts) array.append(toJson(host));
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("hosts"), array}};
    // QSaveFile: a crash mid-write must not lose every host.
    QSaveFile file(filePath());
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(root).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
        //: %1 is the hosts file, %2 the system's reason
        return failText(SavedHosts::tr("cannot write %1: %2").arg(filePath(), file.errorString()));
    return {};
}

const RemoteHost* HostStore::find(const QString& name) const {
    for (const RemoteHost& host : m_hosts) {
        if (host.name == name) return &host;
    }
    return nullptr;
}

Result<void> HostStore::add(const RemoteHost& host) {
    if (auto valid = checkName(host.name); !valid) return valid;
    if (host.target.host.isEmpty())
        return failText(SavedHosts::tr("host '%1' has no address").arg(host.name));
    if (find(host.name))
        return failText(SavedHosts::tr("a host named '%1' already exists; remove it first with "
                                       "trainbench hosts rm %1")
                            .arg(host.name));
    m_hosts.append(host);
    return {};
}

Result<void> HostStore::update(const RemoteHost& host) {
    for (RemoteHost& existing : m_hosts) {
        if (existing.name == host.name) {
            existing = host;
            return {};
        }
    }
    return failText(
        SavedHosts::tr("no host named '%1'; `trainbench hosts` lists them").arg(host.name));
}

Result<void> HostStore::remove(const QString& name) {
    const auto removed = m_hosts.removeIf([&name](const RemoteHost& h) { return h.name == name; });
    if (removed == 0)
        return failText(
            SavedHosts::tr("no host named '%1'; `trainbench hosts` lists them").arg(name));
    return {};
}

}  // namespace tb
