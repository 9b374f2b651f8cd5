// Parsing detect.sh's key=value lines, install commands per package manager, the cache key.

#include "remote/prepare_host_box.h"

#include <QCryptographicHash>
#include <QHash>

namespace tb {

namespace {

QHash<QString, QString> keyValues(const QByteArray& text) {
    QHash<QString, QString> values;
    for (const QByteArray& line : text.split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0) continue;
        values.insert(QString::fromUtf8(line.left(eq)),
                      QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    return values;
}

// The package install line for a package manager we know; empty otherwise.
QString installLine(const QString& manager) {
    if (manager == QLatin1String("apt-get"))
        return QStringLiteral("apt-get update && apt-get install -y cmake g++ make");
    if (manager == QLatin1String("dnf") || manager == QLatin1String("yum"))
        return manager + QStringLiteral(" install -y cmake gcc-c++ make");
    if (manager == QLatin1String("zypper"))
        return QStringLiteral("zypper install -y cmake gcc-c++ make");
    if (manager == QLatin1String("pacman"))
        return QStringLiteral("pacman -S --noconfirm cmake gcc make");
    if (manager == QLatin1String("apk")) return QStringLiteral("apk add cmake g++ make");
    return {};
}

QString withSudo(const QString& line, const QString& sudo) {
    QString text = line;
    text.replace(QStringLiteral(" && "), QStringLiteral(" && ") + sudo);
    return sudo + text;
}

}  // namespace

QStringList BoxToolchain::missingTools() const {
    QStringList missing;
    if (cmake.isEmpty()) missing.append(QStringLiteral("cmake"));
    if (cxx.isEmpty()) missing.append(QStringLiteral("g++"));
    if (make.isEmpty()) missing.append(QStringLiteral("make"));
    return missing;
}

BoxToolchain parseBoxToolchain(const QByteArray& detectOutput) {
    const QHash<QString, QString> v = keyValues(detectOutput);
    BoxToolchain box;
    box.home = v.value(QStringLiteral("home"));
    box.cpus = qMax(1, v.value(QStringLiteral("nproc")).toInt());
    bool ok = false;
    box.uid = v.value(QStringLiteral("uid")).toInt(&ok);
    if (!ok) box.uid = -1;
    box.hasSudo = v.value(QStringLiteral("sudo")) == QLatin1String("yes");
    box.osId = v.value(QStringLiteral("os_id"));
    box.osName = v.value(QStringLiteral("os_name"));
    box.packageManager = v.value(QStringLiteral("package_manager"));
    box.cmake = v.value(QStringLiteral("cmake"));
    box.cxx = v.value(QStringLiteral("cxx"));
    box.make = v.value(QStringLiteral("make"));
    box.python = v.value(QStringLiteral("python_with_torch"));
    const QString pythonCmake = v.value(QStringLiteral("python_torch_cmake"));
    if (!pythonCmake.isEmpty()) {
        box.torchSource = QStringLiteral("python");
        box.torchCmakeDir = pythonCmake;
        box.torchVersion = v.value(QStringLiteral("python_torch_version"));
        box.torchAbi = v.value(QStringLiteral("python_torch_abi"));
        return box;
    }
    if (!box.python.isEmpty())
        box.pythonTorchNote =
            QStringLiteral("%1's torch %2 ships no CMake files (TorchConfig.cmake)")
                .arg(box.python, v.value(QStringLiteral("python_torch_version")));
    box.torchCmakeDir = v.value(QStringLiteral("system_torch_cmake"));
    if (!box.torchCmakeDir.isEmpty()) {
        box.torchSource = QStringLiteral("system");
        box.torchVersion = v.value(QStringLiteral("system_torch_version"));
        box.torchAbi = v.value(QStringLiteral("system_torch_abi"));
    }
    return box;
}

QString installToolsCommand(const BoxToolchain& box) {
    const QString line = installLine(box.packageManager);
    if (line.isEmpty() || box.uid == 0) return line;
    return withSudo(line, QStringLiteral("sudo "));
}

QString installToolsScript(const BoxToolchain& box) {
    QString line = installLine(box.packageManager);
    if (line.isEmpty()) return {};
    if (box.packageManager == QLatin1String("apt-get"))
        line = QStringLiteral("export DEBIAN_FRONTEND=noninteractive; ") +
               (box.uid == 0 ? line : withSudo(line, QStringLiteral("sudo -n -E ")));
    else if (box.uid != 0)
        line = withSudo(line, QStringLiteral("sudo -n "));
    return line;
}

QString missingToolsMessage(const BoxToolchain& box, const QString& where,
                            const QString& hostName) {
    const QString os = box.osName.isEmpty() ? QStringLiteral("an unknown Linux") : box.osName;
    QString text = QStringLiteral("%1 (%2) has no %3, needed to build the trainer there.")
                       .arg(where, os, box.missingTools().join(QStringLiteral(", ")));
    const QString command = installToolsCommand(box);
    if (command.isEmpty())
        return text + QStringLiteral(
                          " No known package manager was found: install cmake, a "
                          "C++ compiler (g++) and make by hand, then prepare again.");
    if (box.uid != 0 && !box.hasSudo)
        return text + QStringLiteral(
                          " You are not root and sudo is missing: ask the box's "
                          "administrator to run: %1")
                          .arg(installLine(box.packageManager));
    text += QStringLiteral(" Install them with: %1").arg(command);
    text += box.uid == 0 ? QStringLiteral(" (you are root)") : QStringLiteral(" (through sudo)");
    text += QStringLiteral(", or let Trainbench run it: trainbench prepare %1 --install-tools")
                .arg(hostName);
    return text;
}

QString trainerCacheKey(const QString& sourcesHash, const BoxToolchain& box) {
    const QString parts =
        QStringList{sourcesHash, box.torchVersion, box.torchAbi, box.torchCmakeDir}.join(
            QLatin1Char('\n'));
    const QByteArray hash = QCryptographicHash::hash(parts.toUtf8(), QCryptographicHash::Sha256);
    return QString::fromLatin1(hash.toHex().left(16));
}

}  // namespace tb
