#pragma once
// Writers of small dataset files in the real on-disk formats, for the reader tests.

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

namespace tb::testdata {

constexpr uint32_t kIdxImageMagic = 2051;
constexpr uint32_t kIdxLabelMagic = 2049;

// Pixel p of image i is mnistPixel(i, p); rows x cols images.
uint8_t mnistPixel(int64_t image, int64_t pixel);
QByteArray idxImages(int64_t count, int rows, int cols, uint32_t magic = kIdxImageMagic);
QByteArray idxLabels(const std::vector<uint8_t>& labels, uint32_t magic = kIdxLabelMagic);

// CIFAR-10 binary records; channel c of record i has value cifarPixel(i, c, pixel).
uint8_t cifarPixel(int64_t record, int channel, int64_t pixel);
QByteArray cifarRecords(const std::vector<uint8_t>& labels, int64_t firstRecord = 0);

// Writes `bytes` to `path`, creating parent folders; QVERIFY-friendly.
bool writeFile(const QString& path, const QByteArray& bytes);

}  // namespace tb::testdata
