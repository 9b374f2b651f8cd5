#pragma once
// FileHash: the one SHA-256 of the Qt side (transfers, checkpoints, prepare's cache key), through
// OpenSSL's libcrypto (libssh's own crypto library), which uses the CPU's SHA instructions:
// about 15x the portable implementations, so hashing a checkpoint while it streams costs little.

#include <QByteArray>
#include <QString>

#include <memory>

namespace tb {

class FileHash {
public:
    FileHash();
    ~FileHash();

    // Lowercase hex of one buffer, or of a whole local file (empty when it cannot be read).
    static QString hexOf(const QByteArray& bytes);
    static QString hexOfFile(const QString& path);

    void add(const char* data, qint64 size);
    void add(const QByteArray& bytes) { add(bytes.constData(), bytes.size()); }
    // Adds the first `bytes` of a local file (a .part being resumed); false if it is shorter.
    bool addFilePrefix(const QString& path, qint64 bytes);
    QString hex();  // lowercase; finishes the hash

private:
    struct State;
    std::unique_ptr<State> m_state;
};

}  // namespace tb
