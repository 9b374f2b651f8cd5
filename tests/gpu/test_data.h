// Reads the captured nvidia-smi and /proc outputs kept in tests/gpu/data, and writes the fake
// nvidia-smi scripts the GPU tests run instead of the real one.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>

inline QByteArray gpuTestData(const char* name) {
    QFile f(QStringLiteral(TB_GPU_TEST_DATA "/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// DIR/NAME, a /bin/sh script with `body`, executable; empty when it cannot be written.
inline QString writeFakeNvidiaSmi(const QDir& dir, const QString& name, const QByteArray& body) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(f.permissions() | QFile::ExeOwner | QFile::ExeUser);
    return path;
}
