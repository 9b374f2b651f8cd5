// Reads the captured nvidia-smi and /proc outputs kept in tests/gpu/data.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

inline QByteArray gpuTestData(const char* name) {
    QFile f(QStringLiteral(TB_GPU_TEST_DATA "/") + QString::fromLatin1(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
