// GpuSampleParser: CSV fields, tolerant of [N/A], stray spaces and commas inside the name.
#include "gpu_sample_parser.h"

#include <cmath>

namespace tb {
namespace {

constexpr int kNumericAfterName = 5;  // utilization, mem used, mem total, temperature, power

// Empty for [N/A], [Not Supported], [Unknown Error] and anything else that is not a number.
std::optional<double> number(QByteArrayView field) {
    const QByteArray text = field.trimmed().toByteArray();
    if (text.isEmpty() || text.startsWith('[') || text == "N/A") return std::nullopt;
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

QStringList nvidiaSmiQueryArguments() {
    return {QStringLiteral("--query-gpu=") + QString::fromLatin1(kGpuQueryFields),
            QStringLiteral("--format=csv,noheader,nounits"), QStringLiteral("-l"),
            QStringLiteral("1")};
}

std::optional<GpuSample> GpuSampleParser::parseLine(QByteArrayView line) {
    QList<QByteArrayView> fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == ',') {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    }
    // A GPU name could in principle hold a comma; the fixed columns around it cannot.
    if (fields.size() < 2 + kNumericAfterName) return std::nullopt;
    bool ok = false;
    const int index = fields.first().trimmed().toInt(&ok);
    if (!ok || index < 0) return std::nullopt;

    GpuSample s;
    s.index = index;
    const qsizetype firstNumeric = fields.size() - kNumericAfterName;
    QByteArray name;
    for (qsizetype i = 1; i < firstNumeric; ++i) {
        if (i > 1) name += ',';
        name += fields[i].toByteArray();
    }
    s.name = QString::fromUtf8(name.trimmed());
    // A line cut in half ends with an empty or missing power field and usually a short
    // field before it; the last field of a complete line is never empty.
    if (fields.last().trimmed().isEmpty()) return std::nullopt;
    s.utilizationPercent = number(fields[firstNumeric]);
    s.memoryUsedMiB = number(fields[firstNumeric + 1]);
    s.memoryTotalMiB = number(fields[firstNumeric + 2]);
    s.temperatureC = number(fields[firstNumeric + 3]);
    s.powerW = number(fields[firstNumeric + 4]);
    return s;
}

QList<GpuSample> GpuSampleParser::feed(QByteArrayView bytes) {
    QList<GpuSample> samples;
    m_pending.append(bytes.data(), bytes.size());
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_pending.indexOf('\n', start);
        if (newline < 0) break;
        QByteArrayView line(m_pending.constData() + start, newline - start);
        if (line.endsWith('\r')) line.chop(1);
        start = newline + 1;
        if (line.trimmed().isEmpty()) continue;
        if (auto sample = parseLine(line)) {
            samples.append(*sample);
        } else {
            ++m_rejected;
            m_lastRejected = line.toByteArray();
        }
    }
    m_pending.remove(0, start);
    return samples;
}

}  // namespace tb
