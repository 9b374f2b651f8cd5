#pragma once
// SecretBytes and wipeSecret: passwords overwritten in memory before their buffers are freed.

#include <QByteArray>
#include <QString>

#include <string>

namespace tb {

// Overwrites the characters with zeros where this object owns them alone (a shared Qt buffer
// would be copied first, so it is left to its other owners), then empties it.
void wipeSecret(QByteArray& bytes);
void wipeSecret(QString& text);
void wipeSecret(std::string& text);

// A password's bytes (UTF-8, as libssh wants them), wiped when it goes out of scope.
class SecretBytes {
public:
    explicit SecretBytes(const QString& text) : m_bytes(text.toUtf8()) {}
    ~SecretBytes() { wipeSecret(m_bytes); }
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    const char* constData() const { return m_bytes.constData(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }

private:
    QByteArray m_bytes;
};

}  // namespace tb
