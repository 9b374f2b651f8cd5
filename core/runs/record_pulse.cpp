// RecordPulse: only lines that spell a non-finite value are searched for its key, and only the
// newest records' "time" fields are read, so a 64 KiB tail costs little every second.
#include "record_pulse.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <vector>

namespace tb {
namespace {

// Records whose times give the median gap: enough to ignore an evaluation pause or two.
constexpr int kGapRecords = 64;

bool spellsNonFinite(QByteArrayView line) {
    return line.contains("null") || line.contains("NaN") || line.contains("Infinity");
}

// Keys of `line` whose value is null (how the trainer writes NaN and infinity), NaN or
// ±Infinity (what Python's json.dumps writes); step, epoch and time are not metrics.
void collectNonFiniteKeys(QByteArrayView line, QStringList& keys) {
    static const QRegularExpression pattern(
        QStringLiteral(R"re("((?:[^"\\]|\\.)+)"\s*:\s*(?:null|-?NaN|[-+]?Infinity)\b)re"));
    const QString text = QString::fromUtf8(line);
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        const QString key = it.next().captured(1);
        if (key == QLatin1String("step") || key == QLatin1String("epoch") ||
            key == QLatin1String("time") || keys.contains(key))
            continue;
        keys.append(key);
    }
}

double recordTime(QByteArrayView line) {
    const qsizetype at = line.indexOf("\"time\"");
    if (at < 0) return std::nan("");
    qsizetype i = at + 6;
    while (i < line.size() && (line[i] == ' ' || line[i] == ':')) ++i;
    qsizetype end = i;
    while (end < line.size() &&
           (std::isdigit(static_cast<unsigned char>(line[end])) || line[end] == '.' ||
            line[end] == 'e' || line[end] == 'E' || line[end] == '-' || line[end] == '+'))
        ++end;
    bool ok = false;
    const double value = line.sliced(i, end - i).toByteArray().toDouble(&ok);
    return ok && std::isfinite(value) ? value : std::nan("");
}

}  // namespace

void applyRecordPulse(QByteArrayView lines, RunInfo& info) {
    std::vector<double> times;  // newest first
    qsizetype lineEnd = lines.size() - 1;
    while (lineEnd > 0) {
        const qsizetype lineStart = lines.lastIndexOf('\n', lineEnd - 1) + 1;
        const QByteArrayView line = lines.sliced(lineStart, lineEnd - lineStart);
        if (spellsNonFinite(line)) collectNonFiniteKeys(line, info.nonFiniteKeys);
        if (int(times.size()) < kGapRecords) {
            const double time = recordTime(line);
            if (!std::isnan(time)) times.push_back(time);
        }
        lineEnd = lineStart - 1;
    }
    if (times.empty()) return;
    info.lastRecordTime = times.front();
    std::vector<double> gaps;
    for (std::size_t i = 1; i < times.size(); ++i) {
        if (times[i - 1] > times[i]) gaps.push_back(times[i - 1] - times[i]);
    }
    if (gaps.empty()) return;
    std::nth_element(gaps.begin(), gaps.begin() + std::ptrdiff_t(gaps.size() / 2), gaps.end());
    info.medianRecordGap = gaps[gaps.size() / 2];
}

}  // namespace tb
