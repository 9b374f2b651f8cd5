#pragma once
// BoxToolchain: what the box offers for building the trainer (detect.sh's answer), the command
// that installs missing tools there, the check that they are new enough, and the cache key.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace tb {

struct BoxToolchain {
    QString home;
    int cpus = 1;
    int uid = -1;
    bool hasSudo = false;
    QString osId;            // "debian", "ubuntu", ... from /etc/os-release
    QString osName;          // "Ubuntu 22.04.3 LTS"
    QString packageManager;  // "apt-get", "dnf", ...; empty when none was found
    QString cmake;           // paths; empty when missing
    QString cxx;
    QString make;
    QString cmakeVersion;  // "3.18.4"; empty when unknown
    QString cxxVersion;    // "10.2.1"
    QString cxxKind;       // "gcc" or "clang"; empty when unknown
    QString pipPython;     // a python with pip, for the commands that fix an old tool
    QString conda;
    QString python;           // the python whose torch answered, if any
    QString pythonTorchNote;  // why python's torch was not used, when it was found
    QString torchVersion;     // the LibTorch chosen: python's when it has cmake files, else system
    QString torchCmakeDir;    // the folder holding TorchConfig.cmake; empty: no LibTorch
    QString torchAbi;         // "0" or "1": _GLIBCXX_USE_CXX11_ABI; empty when unknown
    QString torchSource;      // "python" or "system"

    QStringList missingTools() const;  // "cmake", "g++", "make"
};

BoxToolchain parseBoxToolchain(const QByteArray& detectOutput);

// The command that installs cmake, g++ and make on this box (with sudo when not root), or
// empty when its package manager is not one we know.
QString installToolsCommand(const BoxToolchain& box);
// The same as the job runs it: sudo never asks (-n), apt never prompts.
QString installToolsScript(const BoxToolchain& box);

// One message naming the host, what is missing, what was detected and the exact command.
QString missingToolsMessage(const BoxToolchain& box, const QString& where, const QString& hostName);

// The oldest tools the trainer builds with (C++17 with <charconv>, CMake's precompiled headers,
// LibTorch's C++ optimizer and generator API).
inline constexpr int kMinGccMajor = 9;
inline constexpr int kMinClangMajor = 10;
inline constexpr char kMinCmake[] = "3.16";
inline constexpr char kMinTorch[] = "1.7";

// Negative, zero or positive as version a is older than, as old as or newer than b, comparing
// the leading dotted numbers ("2.1.0+cu121" is 2.1.0; a missing part counts as 0).
int compareVersions(const QString& a, const QString& b);

// Empty when cmake, the compiler and LibTorch are known and new enough; otherwise one message
// naming the host and, for each tool that is too old, its version, its path and the command
// that fixes it on that box. Unknown versions pass: the build itself will say.
QString tooOldToolsMessage(const BoxToolchain& box, const QString& where, const QString& hostName);

// The cache folder's name: sha256 over the sources' hash and the LibTorch used (version,
// ABI flag, folder), shortened to 16 hex digits.
QString trainerCacheKey(const QString& sourcesHash, const BoxToolchain& box);

}  // namespace tb
