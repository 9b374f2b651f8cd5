#pragma once
// Test trees for transfer tests: generated folders and their full contents for comparison.

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QStringList>

namespace tb::test {

// `files` files spread over folders of 100, sizes 0..maxBytes, contents from `seed`; returns
// the total size.
qint64 makeTree(const QString& root, int files, int maxBytes, quint32 seed);

// Random bytes from `seed`, written to `path`.
void makeFile(const QString& path, qint64 bytes, quint32 seed);

// Relative path → contents ("dir" for folders, "-> TARGET" for links), for QCOMPARE.
QMap<QString, QByteArray> readTree(const QString& root);

QString sha256Of(const QString& path);

// `bytes` written to `path`, its folders made first; false when it could not be.
bool writeFile(const QString& path, const QByteArray& bytes);

// `git ARGUMENTS` in `folder` with a test identity (for commits); its trimmed stdout, or a null
// array when it failed.
QByteArray runGit(const QString& folder, const QStringList& arguments);

}  // namespace tb::test
