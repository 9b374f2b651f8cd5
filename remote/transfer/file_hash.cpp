// FileHash over EVP: the one-shot digest API, fed in chunks.

#include "file_hash.h"

#include <QFile>

#include <openssl/evp.h>

namespace tb {

struct FileHash::State {
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    ~State() { EVP_MD_CTX_free(context); }
};

FileHash::FileHash() : m_state(std::make_unique<State>()) {
    EVP_DigestInit_ex(m_state->context, EVP_sha256(), nullptr);
}

FileHash::~FileHash() = default;

QString FileHash::hexOf(const QByteArray& bytes) {
    FileHash hash;
    hash.add(bytes);
    return hash.hex();
}

QString FileHash::hexOfFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return QString();
    FileHash hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 n = 0;
    while ((n = file.read(buffer.data(), buffer.size())) > 0) hash.add(buffer.constData(), n);
    return n < 0 ? QString() : hash.hex();
}

void FileHash::add(const char* data, qint64 size) {
    EVP_DigestUpdate(m_state->context, data, static_cast<size_t>(size));
}

bool FileHash::addFilePrefix(const QString& path, qint64 bytes) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return bytes == 0;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    while (bytes > 0) {
        const qint64 n = file.read(buffer.data(), qMin<qint64>(bytes, buffer.size()));
        if (n <= 0) return false;
        add(buffer.constData(), n);
        bytes -= n;
    }
    return true;
}

QString FileHash::hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_state->context, digest, &length);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex());
}

}  // namespace tb
