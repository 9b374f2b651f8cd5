// Test trees: deterministic from a seed, so a failure can be reproduced.

#include "tst_transfer_tree.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <cstring>

#include <unistd.h>

namespace tb::test {

namespace {

QByteArray randomBytes(QRandomGenerator& random, qint64 size) {
    QByteArray bytes(size, Qt::Uninitialized);
    qint64 i = 0;
    for (; i + 4 <= size; i += 4) {
        const quint32 word = random.generate();
        memcpy(bytes.data() + i, &word, 4);
    }
    for (; i < size; ++i) bytes[i] = static_cast<char>(random.bounded(256));
    return bytes;
}

}  // namespace

qint64 makeTree(const QString& root, int files, int maxBytes, quint32 seed) {
    QRandomGenerator random(seed);
    qint64 total = 0;
    for (int i = 0; i < files; ++i) {
        const QString folder =
            QStringLiteral("%1/d%2").arg(root).arg(i / 100, 3, 10, QLatin1Char('0'));
        if (i % 100 == 0) QDir().mkpath(folder);
        QFile file(QStringLiteral("%1/f%2.bin").arg(folder).arg(i));
        if (!file.open(QIODevice::WriteOnly)) return -1;
        const qint64 size = random.bounded(maxBytes + 1);
        file.write(randomBytes(random, size));
        total += size;
    }
    return total;
}

void makeFile(const QString& path, qint64 bytes, quint32 seed) {
    QRandomGenerator random(seed);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return;
    constexpr qint64 kChunk = 1 << 20;
    for (qint64 left = bytes; left > 0; left -= kChunk)
        file.write(randomBytes(random, qMin(left, kChunk)));
}

QMap<QString, QByteArray> readTree(const QString& root) {
    QMap<QString, QByteArray> tree;
    const QDir base(root);
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        const QString name = base.relativeFilePath(info.filePath());
        if (info.isSymLink()) {
            char target[4096];
            const ssize_t n =
                ::readlink(QFile::encodeName(info.filePath()).constData(), target, sizeof target);
            tree.insert(name, "-> " + QByteArray(target, n > 0 ? static_cast<int>(n) : 0));
        } else if (info.isDir()) {
            tree.insert(name, "dir");
        } else {
            QFile file(info.filePath());
            tree.insert(name, file.open(QIODevice::ReadOnly) ? file.readAll() : "unreadable");
        }
    }
    return tree;
}

QString sha256Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray runGit(const QString& folder, const QStringList& arguments) {
    QProcess git;
    git.setWorkingDirectory(folder);
    git.start(QStringLiteral("git"),
              QStringList{QStringLiteral("-c"), QStringLiteral("user.name=t"), QStringLiteral("-c"),
                          QStringLiteral("user.email=t@t")} +
                  arguments);
    if (!git.waitForFinished(60000) || git.exitCode() != 0) return {};
    const QByteArray out = git.readAllStandardOutput().trimmed();
    return out.isNull() ? QByteArray("") : out;
}

}  // namespace tb::test
