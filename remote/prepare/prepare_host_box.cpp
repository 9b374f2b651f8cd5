// Parsing detect.sh's key=value lines, install commands per package manager, the version
// check and its fixes, the cache key.

#include "prepare_host_box.h"

#include <QCoreApplication>
#include <QHash>

#include "remote/transfer/file_hash.h"

namespace tb {

namespace {

// What a user reads about the box's tools; the commands inside stay as the box runs them.
struct ToolchainCheck {
    Q_DECLARE_TR_FUNCTIONS(ToolchainCheck)
};

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

struct Candidate {
    QString version;
    QString kind;  // compilers only
    QString path;
};

// "VERSION PATH" or "VERSION KIND PATH" lines of one key, in detect.sh's order.
QList<Candidate> candidates(const QByteArray& text, const QByteArray& key, bool withKind) {
    QList<Candidate> out;
    for (const QByteArray& line : text.split('\n')) {
        if (!line.startsWith(key + '=')) continue;
        const QStringList parts =
            QString::fromUtf8(line.mid(key.size() + 1)).trimmed().split(QLatin1Char(' '));
        const int fields = withKind ? 3 : 2;
        if (parts.size() < fields) continue;
        Candidate c;
        c.version = parts[0] == QLatin1String("?") ? QString() : parts[0];
        if (withKind) c.kind = parts[1];
        c.path = parts.mid(fields - 1).join(QLatin1Char(' '));
        out.append(c);
    }
    return out;
}

bool compilerNewEnough(const QString& kind, const QString& version) {
    const int major = version.section(QLatin1Char('.'), 0, 0).toInt();
    return kind == QLatin1String("clang") ? major >= kMinClangMajor : major >= kMinGccMajor;
}

// The first candidate new enough, else the first one (so a message can name its version).
template <typename NewEnough>
const Candidate* choose(const QList<Candidate>& list, NewEnough newEnough) {
    for (const Candidate& c : list)
        if (!c.version.isEmpty() && newEnough(c)) return &c;
    return list.isEmpty() ? nullptr : &list.first();
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
    box.pipPython = v.value(QStringLiteral("pip_python"));
    box.conda = v.value(QStringLiteral("conda"));
    const auto cmakes = candidates(detectOutput, "cmake_candidate", false);
    if (const Candidate* c = choose(cmakes, [](const Candidate& c) {
            return compareVersions(c.version, QLatin1String(kMinCmake)) >= 0;
        })) {
        box.cmake = c->path;
        box.cmakeVersion = c->version;
    }
    const auto compilers = candidates(detectOutput, "cxx_candidate", true);
    if (const Candidate* c = choose(
            compilers, [](const Candidate& c) { return compilerNewEnough(c.kind, c.version); })) {
        box.cxx = c->path;
        box.cxxVersion = c->version;
        box.cxxKind = c->kind;
    }
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
            //: %1 is a python program, %2 its torch version
            ToolchainCheck::tr("%1's torch %2 ships no CMake files (TorchConfig.cmake)")
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
    //: stands for the box's operating system when it did not say which
    const QString os = box.osName.isEmpty() ? ToolchainCheck::tr("an unknown Linux") : box.osName;
    const QString tools = box.missingTools().join(QStringLiteral(", "));
    const QString command = installToolsCommand(box);
    if (command.isEmpty())
        //: %1 is the host, %2 its operating system, %3 the missing tools ("cmake, g++")
        return ToolchainCheck::tr(
                   "%1 (%2) has no %3, needed to build the trainer there. No known "
                   "package manager was found: install cmake, a C++ compiler "
                   "(g++) and make by hand, then prepare again.")
            .arg(where, os, tools);
    if (box.uid != 0 && !box.hasSudo)
        //: %1 is the host, %2 its operating system, %3 the missing tools ("cmake, g++"), %4 the
        //: command that installs them
        return ToolchainCheck::tr(
                   "%1 (%2) has no %3, needed to build the trainer there. You are "
                   "not root and sudo is missing: ask the box's administrator to "
                   "run: %4")
            .arg(where, os, tools, installLine(box.packageManager));
    if (box.uid == 0)
        //: %1 is the host, %2 its operating system, %3 the missing tools ("cmake, g++"), %4 the
        //: command that installs them, %5 the host's name in Trainbench
        return ToolchainCheck::tr(
                   "%1 (%2) has no %3, needed to build the trainer there. Install "
                   "them with: %4 (you are root), or let Trainbench run it: "
                   "trainbench prepare %5 --install-tools")
            .arg(where, os, tools, command, hostName);
    //: %1 is the host, %2 its operating system, %3 the missing tools ("cmake, g++"), %4 the
    //: command that installs them, %5 the host's name in Trainbench
    return ToolchainCheck::tr(
               "%1 (%2) has no %3, needed to build the trainer there. Install them "
               "with: %4 (through sudo), or let Trainbench run it: trainbench "
               "prepare %5 --install-tools")
        .arg(where, os, tools, command, hostName);
}

QString trainerCacheKey(const QString& sourcesHash, const BoxToolchain& box) {
    const QString parts =
        QStringList{sourcesHash, box.torchVersion, box.torchAbi, box.torchCmakeDir}.join(
            QLatin1Char('\n'));
    return FileHash::hexOf(parts.toUtf8()).left(16);
}

}  // namespace tb

namespace tb {

int compareVersions(const QString& a, const QString& b) {
    // Only the leading "1.2.3": "2.1.0+cu121" and "2.6.0a0+git" are 2.1.0 and 2.6.0.
    const auto numbers = [](const QString& text) {
        QList<int> out;
        for (const QString& part : text.split(QLatin1Char('.'))) {
            qsizetype digits = 0;
            while (digits < part.size() && part[digits].isDigit()) ++digits;
            if (digits == 0) break;
            out.append(part.left(digits).toInt());
            if (digits < part.size()) break;
        }
        return out;
    };
    const QList<int> x = numbers(a), y = numbers(b);
    for (qsizetype i = 0; i < qMax(x.size(), y.size()); ++i) {
        const int p = i < x.size() ? x[i] : 0, q = i < y.size() ? y[i] : 0;
        if (p != q) return p < q ? -1 : 1;
    }
    return 0;
}

namespace {

QString asRoot(const BoxToolchain& box, const QString& command) {
    return box.uid == 0 ? command : QStringLiteral("sudo ") + command;
}

QString cmakeFix(const BoxToolchain& box) {
    const QString wanted = QStringLiteral("'cmake>=%1'").arg(QLatin1String(kMinCmake));
    if (!box.conda.isEmpty()) return QStringLiteral("%1 install -y %2").arg(box.conda, wanted);
    if (!box.pipPython.isEmpty()) {
        // A system python installs for this user only, into ~/.local/bin, where the next
        // prepare looks even though PATH lacks it.
        const bool system = box.pipPython.startsWith(QLatin1String("/usr/"));
        return QStringLiteral("%1 -m pip install %2%3")
            .arg(box.pipPython, system && box.uid != 0 ? QStringLiteral("--user ") : QString(),
                 wanted);
    }
    if (box.packageManager == QLatin1String("apt-get"))
        //: %1 is a command that installs pip, %2 the CMake version wanted ('cmake>=3.16')
        return ToolchainCheck::tr("%1 (apt's cmake is too old), then python3 -m pip install %2")
            .arg(asRoot(box, QStringLiteral("apt-get install -y python3-pip")), wanted);
    return ToolchainCheck::tr("install CMake %1 or newer from https://cmake.org/download/")
        .arg(QLatin1String(kMinCmake));
}

QString compilerFix(const BoxToolchain& box) {
    const QString gcc = QString::number(kMinGccMajor);
    if (box.packageManager == QLatin1String("apt-get"))
        //: %1 is the install command, %2 the GCC major version
        return ToolchainCheck::tr(
                   "%1 (Ubuntu 18.04 needs ppa:ubuntu-toolchain-r/test first); "
                   "Prepare host then uses g++-%2 by itself")
            .arg(asRoot(box, QStringLiteral("apt-get install -y g++-") + gcc), gcc);
    if (box.packageManager == QLatin1String("dnf") || box.packageManager == QLatin1String("yum"))
        //: %1 is the install command
        return ToolchainCheck::tr("%1, then point the host's C++ compiler at its g++")
            .arg(asRoot(box, box.packageManager + QStringLiteral(" install -y gcc-toolset-") +
                                 QString::number(kMinGccMajor + 2) + QStringLiteral("-gcc-c++")));
    return ToolchainCheck::tr("install GCC %1 or newer").arg(gcc);
}

QString torchFix(const BoxToolchain& box) {
    const QString python = box.python.isEmpty() ? box.pipPython : box.python;
    const QString wanted = QStringLiteral("'torch>=%1'").arg(QLatin1String(kMinTorch));
    if (python.isEmpty())
        return ToolchainCheck::tr("install torch %1 or newer").arg(QLatin1String(kMinTorch));
    //: %1 is a python program, %2 the torch version wanted ('torch>=1.7')
    return ToolchainCheck::tr("%1 -m pip install %2 (or set the host's python to one that has it)")
        .arg(python, wanted);
}

}  // namespace

QString tooOldToolsMessage(const BoxToolchain& box, const QString& where, const QString& hostName) {
    QStringList problems;
    if (!box.cmakeVersion.isEmpty() &&
        compareVersions(box.cmakeVersion, QLatin1String(kMinCmake)) < 0)
        problems.append(
            //: %1 is a version, %2 the program's path, %3 the oldest version that works, %4 a fix
            ToolchainCheck::tr("CMake %1 (%2) is older than %3; fix: %4")
                .arg(box.cmakeVersion, box.cmake, QLatin1String(kMinCmake), cmakeFix(box)));
    if (!box.cxxVersion.isEmpty() && !compilerNewEnough(box.cxxKind, box.cxxVersion)) {
        const bool clang = box.cxxKind == QLatin1String("clang");
        //: %1 is GCC or Clang, %2 its version, %3 its path, %4 the oldest major version that
        //: works, %5 a fix
        problems.append(ToolchainCheck::tr("%1 %2 (%3) is older than %1 %4; fix: %5")
                            .arg(clang ? QStringLiteral("Clang") : QStringLiteral("GCC"),
                                 box.cxxVersion, box.cxx,
                                 QString::number(clang ? kMinClangMajor : kMinGccMajor),
                                 compilerFix(box)));
    }
    if (!box.torchVersion.isEmpty() &&
        compareVersions(box.torchVersion, QLatin1String(kMinTorch)) < 0)
        problems.append(
            //: %1 is a version, %2 its folder, %3 the oldest version that works, %4 a fix
            ToolchainCheck::tr("LibTorch %1 (%2) is older than %3; fix: %4")
                .arg(box.torchVersion, box.torchCmakeDir, QLatin1String(kMinTorch), torchFix(box)));
    if (problems.isEmpty()) return {};
    //: stands for the box's operating system when it did not say which
    const QString os = box.osName.isEmpty() ? ToolchainCheck::tr("an unknown Linux") : box.osName;
    //: between the problems listed as %3 of "cannot build the trainer yet. %3. Nothing was ..."
    const QString between = ToolchainCheck::tr(". ");
    //: %1 is the host, %2 its operating system, %3 the problems, %4 the host's name in
    //: Trainbench
    return ToolchainCheck::tr(
               "%1 (%2) cannot build the trainer yet. %3. Nothing was uploaded; "
               "run the fix on the box, then prepare again: trainbench prepare %4")
        .arg(where, os, problems.join(between), hostName);
}

}  // namespace tb
