// Fuzz target: an OpenSSH client config (~/.ssh/config) as `hosts add --ssh-config` reads it:
// the aliases, then each alias resolved. The reader takes a path, so the input is written to a
// file first.
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

#include <unistd.h>

#include <cstddef>
#include <cstdint>

#include "remote/ssh/ssh_config_hosts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // One file per process: parallel fuzzing jobs must not read each other's input.
    static const QString path =
        QDir::temp().filePath(QStringLiteral("fuzz_ssh_config.%1").arg(getpid()));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return 0;
    file.write(reinterpret_cast<const char*>(data), qint64(size));
    file.close();
    const QStringList aliases = tb::sshConfigHostAliases(path);
    for (const QString& alias : aliases.mid(0, 4)) (void)tb::resolveSshConfigHost(alias, path);
    (void)tb::resolveSshConfigHost(QStringLiteral("missing-alias"), path);
    return 0;
}
