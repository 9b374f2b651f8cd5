// Embedded trainer sources: found, hashed for the box's cache key, copied out for the upload.

#include "prepare_host_sources.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include "core/runs/fail_text.h"
#include "remote/transfer/file_hash.h"

// The resource lives in the static tb_remote; Q_INIT_RESOURCE must stand outside a namespace.
static void initTrainerSources() {
    Q_INIT_RESOURCE(trainer_sources);
}

namespace tb {

namespace {

struct TrainerSources {
    Q_DECLARE_TR_FUNCTIONS(TrainerSources)
};

QStringList filesUnder(const QString& root) {
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

}  // namespace

QString embeddedTrainerSources() {
    initTrainerSources();
    return QStringLiteral(":/trainer-src");
}

QString boxDetectScript() {
    initTrainerSources();
    QFile file(QStringLiteral(":/trainer-prepare/detect.sh"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

Result<QString> hashTree(const QString& root) {
    const QStringList files = filesUnder(root);
    if (files.isEmpty())
        return failText(TrainerSources::tr("no trainer sources under %1").arg(root));
    FileHash hash;
    for (const QString& name : files) {
        QFile file(root + QLatin1Char('/') + name);
        if (!file.open(QIODevice::ReadOnly))
            return failText(TrainerSources::tr("cannot read %1").arg(file.fileName()));
        const QByteArray bytes = file.readAll();
        // Length-prefixed, so that no two different trees hash the same stream.
        hash.add(name.toUtf8() + '\0' + QByteArray::number(bytes.size()) + '\0');
        hash.add(bytes);
    }
    return hash.hex();
}

Result<void> copyTree(const QString& root, const QString& dir) {
    for (const QString& name : filesUnder(root)) {
        const QString target = dir + QLatin1Char('/') + name;
        if (!QDir().mkpath(QFileInfo(target).path()))
            return failText(TrainerSources::tr("cannot create %1").arg(QFileInfo(target).path()));
        QFile::remove(target);
        if (!QFile::copy(root + QLatin1Char('/') + name, target))
            return failText(TrainerSources::tr("cannot write %1").arg(target));
        QFile::setPermissions(
            target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return {};
}

}  // namespace tb
