// forgetHostKey: matching known_hosts entries as OpenSSH writes them, then an atomic rewrite.

#include "known_hosts_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QMessageAuthenticationCode>
#include <QSaveFile>

#include "core/runs/fail_text.h"

namespace tb {

namespace {

struct KnownHosts {
    Q_DECLARE_TR_FUNCTIONS(KnownHosts)
};

// OpenSSH names a host "host" on port 22 and "[host]:port" elsewhere.
QByteArray entryName(const QString& host, int port) {
    const QByteArray name = host.toLower().toUtf8();
    return port == 22 ? name : "[" + name + "]:" + QByteArray::number(port);
}

// "|1|<base64 salt>|<base64 HMAC-SHA1(salt, name)>"
bool hashedMatches(const QByteArray& pattern, const QByteArray& name) {
    const QList<QByteArray> parts = pattern.split('|');
    if (parts.size() != 4 || parts.at(1) != "1") return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2));
    const QByteArray hash = QByteArray::fromBase64(parts.at(3));
    return !salt.isEmpty() &&
           QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1) == hash;
}

bool lineNames(const QByteArray& line, const QByteArray& name) {
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith('#') || trimmed.startsWith('@')) return false;
    const qsizetype end = trimmed.indexOf(' ') < 0 ? trimmed.indexOf('\t') : trimmed.indexOf(' ');
    const QByteArray hosts = end < 0 ? trimmed : trimmed.left(end);
    if (hosts.startsWith('|')) return hashedMatches(hosts, name);
    for (const QByteArray& pattern : hosts.split(',')) {
        if (pattern.toLower() == name) return true;
    }
    return false;
}

}  // namespace

QString defaultKnownHostsFile() {
    return QDir::home().filePath(QStringLiteral(".ssh/known_hosts"));
}

Result<int> forgetHostKey(const QString& knownHostsFile, const QString& host, int port) {
    QFile file(knownHostsFile);
    if (!file.exists()) return 0;
    if (!file.open(QIODevice::ReadOnly))
        //: %1 is the known_hosts file, %2 the system's reason
        return failText(
            KnownHosts::tr("cannot read %1: %2").arg(knownHostsFile, file.errorString()));
    const QByteArray name = entryName(host, port);
    QByteArray kept;
    int removed = 0;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (lineNames(line, name)) {
            ++removed;
            continue;
        }
        kept += line + '\n';
    }
    kept.chop(1);  // split() gave one piece more than there were newlines
    if (removed == 0) return 0;
    QSaveFile out(knownHostsFile);
    if (!out.open(QIODevice::WriteOnly) || out.write(kept) != kept.size() || !out.commit())
        //: %1 is the known_hosts file, %2 the system's reason
        return failText(
            KnownHosts::tr("cannot rewrite %1: %2").arg(knownHostsFile, out.errorString()));
    return removed;
}

}  // namespace tb
