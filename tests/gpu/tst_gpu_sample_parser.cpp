// Tests for GpuSampleParser on captured nvidia-smi CSV outputs.
#include <QTest>

#include "core/gpu/gpu_sample_parser.h"
#include "test_data.h"

using tb::GpuSample;
using tb::GpuSampleParser;

class TestGpuSampleParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eightA100s() {
        const QByteArray text = gpuTestData("a100x8.csv");
        QVERIFY(!text.isEmpty());
        GpuSampleParser parser;
        const QList<GpuSample> s = parser.feed(text);
        QCOMPARE(s.size(), 8);
        for (int i = 0; i < 8; ++i) QCOMPARE(s[i].index, i);
        QCOMPARE(s[0].name, QString("NVIDIA A100-SXM4-80GB"));
        QCOMPARE(*s[0].utilizationPercent, 98.0);
        QCOMPARE(*s[0].memoryUsedMiB, 71234.0);
        QCOMPARE(*s[0].memoryTotalMiB, 81920.0);
        QCOMPARE(*s[0].temperatureC, 64.0);
        QCOMPARE(*s[0].powerW, 387.21);
        QCOMPARE(*s[4].utilizationPercent, 0.0);  // an idle GPU reads 0, not "missing"
        QCOMPARE(*s[7].powerW, 412.66);
        QCOMPARE(parser.rejectedLines(), 0);
    }

    void laptopWithoutPowerReading() {
        const auto s = GpuSampleParser::parseLine(gpuTestData("rtx4090_laptop.csv").trimmed());
        QVERIFY(s.has_value());
        QCOMPARE(s->name, QString("NVIDIA GeForce RTX 4090 Laptop GPU"));
        QCOMPARE(*s->memoryTotalMiB, 16376.0);
        QVERIFY(!s->powerW.has_value());
        QVERIFY(s->temperatureC.has_value());
    }

    void notSupportedAndStrayWhitespace() {
        GpuSampleParser parser;
        const QList<GpuSample> s = parser.feed(gpuTestData("mixed_whitespace.csv"));
        QCOMPARE(s.size(), 2);
        QVERIFY(!s[0].powerW.has_value());  // "[Not Supported]  \r"
        QCOMPARE(*s[0].utilizationPercent, 12.0);
        QCOMPARE(s[1].index, 1);
        QCOMPARE(s[1].name, QString("Tesla T4"));
        QVERIFY(!s[1].utilizationPercent.has_value());
        QCOMPARE(*s[1].memoryUsedMiB, 15.0);
        QCOMPARE(*s[1].powerW, 27.81);
    }

    void lineCutInHalfWaitsForTheRest() {
        const QByteArray text = gpuTestData("cut_in_half.csv");
        GpuSampleParser parser;
        QList<GpuSample> s = parser.feed(text);
        QCOMPARE(s.size(), 1);  // the second line has no '\n' yet
        QCOMPARE(parser.rejectedLines(), 0);
        s = parser.feed("34, 81920, 66, 391.05\n");
        QCOMPARE(s.size(), 1);
        QCOMPARE(s[0].index, 1);
        QCOMPARE(*s[0].memoryUsedMiB, 71234.0);
        QCOMPARE(*s[0].powerW, 391.05);
    }

    void truncatedLineIsRejectedNotMisread() {
        const QByteArray text = gpuTestData("cut_in_half.csv");
        const QByteArray cut = text.mid(text.indexOf('\n') + 1);
        QVERIFY(!GpuSampleParser::parseLine(cut).has_value());
        QVERIFY(!GpuSampleParser::parseLine("0, NVIDIA A100-SXM4-80GB, 98, 71234, 81920, 64,")
                     .has_value());
        GpuSampleParser parser;
        QVERIFY(parser.feed(cut + "\n").isEmpty());
        QCOMPARE(parser.rejectedLines(), 1);
    }

    void driverErrorIsNotASample() {
        GpuSampleParser parser;
        QVERIFY(parser.feed(gpuTestData("no_driver.txt")).isEmpty());
        QCOMPARE(parser.rejectedLines(), 1);
        QVERIFY(parser.lastRejectedLine().startsWith("NVIDIA-SMI has failed"));
    }

    void commaInsideName() {
        const auto s = GpuSampleParser::parseLine("2, Vendor GPU, Rev B, 5, 10, 20, 30, 40.5");
        QVERIFY(s.has_value());
        QCOMPARE(s->index, 2);
        QCOMPARE(s->name, QString("Vendor GPU, Rev B"));
        QCOMPARE(*s->utilizationPercent, 5.0);
        QCOMPARE(*s->powerW, 40.5);
    }

    void byteAtATime() {
        const QByteArray text = gpuTestData("a100x8.csv");
        GpuSampleParser parser;
        int count = 0;
        for (char c : text) count += int(parser.feed(QByteArrayView(&c, 1)).size());
        QCOMPARE(count, 8);
    }
};

QTEST_GUILESS_MAIN(TestGpuSampleParser)
#include "tst_gpu_sample_parser.moc"
