// wipeSecret: explicit_bzero, which the compiler may not drop as a dead store.

#include "secret_bytes.h"

#include <string.h>

namespace tb {

void wipeSecret(QByteArray& bytes) {
    if (bytes.isDetached()) explicit_bzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

void wipeSecret(QString& text) {
    if (text.isDetached()) explicit_bzero(text.data(), size_t(text.size()) * sizeof(QChar));
    text.clear();
}

void wipeSecret(std::string& text) {
    explicit_bzero(text.data(), text.size());
    text.clear();
}

}  // namespace tb
