// Tests TFRecord framing: CRC-32C and its mask, records built by hand, torn and damaged records.

#include <QTest>

#include <cstdint>
#include <string>

#include "core/protocol/tfrecord.h"

using namespace tb;
using namespace std::string_literals;

namespace {

std::string littleEndian(uint64_t value, int bytes) {
    std::string out;
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
    return out;
}

// The mask as the public TFRecord description writes it, kept apart from the library's.
uint32_t maskByFormula(uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xa282ead8u;
}

// A record framed byte by byte here; only crc32c comes from the library.
std::string handRecord(std::string_view data) {
    std::string out = littleEndian(data.size(), 8);
    out += littleEndian(maskByFormula(crc32c(out)), 4);
    out += data;
    out += littleEndian(maskByFormula(crc32c(data)), 4);
    return out;
}

// A header announcing `length` bytes, with a length checksum that holds.
std::string headerOnly(uint64_t length) {
    std::string out = littleEndian(length, 8);
    out += littleEndian(maskByFormula(crc32c(out)), 4);
    return out;
}

}  // namespace

class TestTfRecord : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void crc32cKnownValues() {
        QCOMPARE(crc32c("123456789"), 0xE3069283u);  // the CRC-32C check value
        QCOMPARE(crc32c(""), 0u);
        QCOMPARE(crc32c(std::string(32, '\0')), 0x8A9136AAu);  // RFC 3720, B.4
        QCOMPARE(crc32c(std::string(32, '\xFF')), 0x62A8AB43u);
    }

    void crc32cContinuesOverPieces() {
        const std::string whole = "The quick brown fox jumps over the lazy dog";
        for (size_t cut = 0; cut <= whole.size(); ++cut) {
            const std::string_view view(whole);
            QCOMPARE(crc32c(view.substr(cut), crc32c(view.substr(0, cut))), crc32c(whole));
        }
    }

    void maskMatchesTheFormula() {
        for (const uint32_t crc : {0u, 1u, 0x7FFFu, 0x8000u, 0xE3069283u, 0xFFFFFFFFu, 0x12345678u})
            QCOMPARE(maskCrc(crc), maskByFormula(crc));
        QCOMPARE(maskCrc(0), 0xa282ead8u);
        QCOMPARE(maskCrc(0x8000), 0xa282ead9u);  // bit 15 rotates down to bit 0
    }

    void handBuiltRecordReadsBack() {
        const std::string data = "an event's bytes\0with a zero"s;
        const std::string bytes = handRecord(data);
        QCOMPARE(bytes.size(), data.size() + 16);
        QCOMPARE(frameTfRecord(data), bytes);

        const TfRecordScan scan = scanTfRecords(bytes);
        QVERIFY(scan.error.empty());
        QCOMPARE(scan.skipped, 0);
        QCOMPARE(scan.consumed, bytes.size());
        QCOMPARE(scan.records.size(), size_t{1});
        QCOMPARE(std::string(scan.records[0]), data);
    }

    void emptyRecordAndEmptyInput() {
        const TfRecordScan empty = scanTfRecords("");
        QVERIFY(empty.records.empty());
        QCOMPARE(empty.consumed, size_t{0});
        QVERIFY(empty.error.empty());

        const std::string bytes = handRecord("");
        QCOMPARE(frameTfRecord(""), bytes);
        const TfRecordScan scan = scanTfRecords(bytes);
        QCOMPARE(scan.records.size(), size_t{1});
        QVERIFY(scan.records[0].empty());
        QCOMPARE(scan.consumed, size_t{16});
    }

    void severalRecordsInOrder() {
        const std::vector<std::string> data = {"first", "", std::string(1000, 'x'), "last"};
        std::string bytes;
        for (const std::string& one : data) bytes += handRecord(one);
        const TfRecordScan scan = scanTfRecords(bytes);
        QVERIFY(scan.error.empty());
        QCOMPARE(scan.consumed, bytes.size());
        QCOMPARE(scan.records.size(), data.size());
        for (size_t i = 0; i < data.size(); ++i) QCOMPARE(std::string(scan.records[i]), data[i]);
    }

    void tornLastRecordWaitsAtEveryCut() {
        const std::string first = handRecord("one record");
        const std::string second = handRecord("and another one");
        const std::string bytes = first + second;
        for (size_t cut = 0; cut <= bytes.size(); ++cut) {
            const TfRecordScan scan = scanTfRecords(std::string_view(bytes).substr(0, cut));
            const QByteArray where = QByteArray::number(qulonglong(cut));
            QVERIFY2(scan.error.empty(), where);
            QCOMPARE(scan.skipped, 0);
            const size_t whole = cut < first.size() ? 0 : cut < bytes.size() ? 1 : 2;
            QCOMPARE(scan.records.size(), whole);
            QCOMPARE(scan.consumed, whole == 0 ? 0 : whole == 1 ? first.size() : bytes.size());
            if (whole >= 1) QCOMPARE(std::string(scan.records[0]), std::string("one record"));
        }
    }

    void flippedDataByteSkipsOnlyThatRecord() {
        std::string bytes = handRecord("damaged here") + handRecord("still read");
        bytes[12 + 3] ^= 0x01;
        const TfRecordScan scan = scanTfRecords(bytes);
        QVERIFY(scan.error.empty());
        QCOMPARE(scan.skipped, 1);
        QCOMPARE(scan.consumed, bytes.size());
        QCOMPARE(scan.records.size(), size_t{1});
        QCOMPARE(std::string(scan.records[0]), std::string("still read"));
    }

    void flippedDataChecksumSkipsThatRecord() {
        std::string bytes = handRecord("abc") + handRecord("def");
        bytes[12 + 3 + 2] ^= 0x40;  // inside the first record's data checksum
        const TfRecordScan scan = scanTfRecords(bytes);
        QCOMPARE(scan.skipped, 1);
        QCOMPARE(scan.records.size(), size_t{1});
        QCOMPARE(std::string(scan.records[0]), std::string("def"));
    }

    void flippedLengthByteStopsTheScan() {
        const std::string first = handRecord("good");
        for (const size_t at : {size_t{0}, size_t{7}, size_t{8}, size_t{11}}) {
            std::string second = handRecord("length damaged");
            second[at] ^= 0x02;
            const std::string bytes = first + second + handRecord("never reached");
            const TfRecordScan scan = scanTfRecords(bytes);
            QVERIFY2(scan.error.find("checksum") != std::string::npos, scan.error.c_str());
            QVERIFY2(scan.error.find(std::to_string(first.size())) != std::string::npos,
                     scan.error.c_str());
            QCOMPARE(scan.consumed, first.size());
            QCOMPARE(scan.records.size(), size_t{1});
            QCOMPARE(std::string(scan.records[0]), std::string("good"));
        }
    }

    void lengthOverTheBoundIsAnErrorNotAWait() {
        // Only the header is there: a bound-passing length must not be taken as a torn record
        // waiting for 16 MiB more, nor overflow the size arithmetic.
        for (const uint64_t length :
             {kMaxTfRecordBytes + 1, uint64_t{1} << 40, ~uint64_t{0}, ~uint64_t{0} - 15}) {
            const std::string bytes = handRecord("fine") + headerOnly(length) + "abc";
            const TfRecordScan scan = scanTfRecords(bytes);
            QVERIFY2(!scan.error.empty(), QByteArray::number(qulonglong(length)));
            QVERIFY2(scan.error.find("bound") != std::string::npos, scan.error.c_str());
            QCOMPARE(scan.consumed, size_t{20});
            QCOMPARE(scan.records.size(), size_t{1});
        }
    }

    void lengthAtTheBoundIsATornRecord() {
        const std::string bytes = headerOnly(kMaxTfRecordBytes) + "partial";
        const TfRecordScan scan = scanTfRecords(bytes);
        QVERIFY(scan.error.empty());
        QCOMPARE(scan.consumed, size_t{0});
        QVERIFY(scan.records.empty());
    }
};

QTEST_APPLESS_MAIN(TestTfRecord)
#include "tst_tfrecord.moc"
