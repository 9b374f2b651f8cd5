// Writers of small dataset files in the real on-disk formats, for the reader tests.

#include "dataset_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tb::testdata {
namespace {

void appendBigEndian(QByteArray& out, uint32_t value) {
    out.append(char(value >> 24)).append(char(value >> 16)).append(char(value >> 8));
    out.append(char(value));
}

}  // namespace

uint8_t mnistPixel(int64_t image, int64_t pixel) {
    return uint8_t((image * 31 + pixel * 7 + (pixel * pixel) % 13) % 256);
}

QByteArray idxImages(int64_t count, int rows, int cols, uint32_t magic) {
    QByteArray out;
    appendBigEndian(out, magic);
    appendBigEndian(out, uint32_t(count));
    appendBigEndian(out, uint32_t(rows));
    appendBigEndian(out, uint32_t(cols));
    for (int64_t i = 0; i < count; ++i) {
        for (int64_t p = 0; p < int64_t(rows) * cols; ++p) out.append(char(mnistPixel(i, p)));
    }
    return out;
}

QByteArray idxLabels(const std::vector<uint8_t>& labels, uint32_t magic) {
    QByteArray out;
    appendBigEndian(out, magic);
    appendBigEndian(out, uint32_t(labels.size()));
    for (uint8_t label : labels) out.append(char(label));
    return out;
}

uint8_t cifarPixel(int64_t record, int channel, int64_t pixel) {
    // Channels in clearly different ranges, so per-channel normalisation is observable.
    const int base[3] = {0, 100, 180};
    return uint8_t(base[channel] + (record * 3 + pixel * 5) % 70);
}

QByteArray cifarRecords(const std::vector<uint8_t>& labels, int64_t firstRecord) {
    QByteArray out;
    for (size_t i = 0; i < labels.size(); ++i) {
        out.append(char(labels[i]));
        for (int c = 0; c < 3; ++c) {
            for (int64_t p = 0; p < 1024; ++p) {
                out.append(char(cifarPixel(firstRecord + int64_t(i), c, p)));
            }
        }
    }
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

}  // namespace tb::testdata
