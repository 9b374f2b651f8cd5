// Metric families: grouping keys by suffix, ordering, and the colour/dash conventions.
#include "metric_family.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace tb {

namespace {
int familyRank(const QString& family) {
    static const QStringList known = {"loss",      "acc", "accuracy", "lr", "samples_per_sec",
                                      "throughput"};
    const int i = int(known.indexOf(family));
    return i < 0 ? int(known.size()) : i;
}

int splitRank(const QString& split) {
    static const QStringList known = {"train", "", "val", "valid", "validation", "test"};
    const int i = int(known.indexOf(split));
    return i < 0 ? int(known.size()) : i;
}
}  // namespace

QString familyOf(const QString& key) {
    const qsizetype slash = key.lastIndexOf('/');
    return slash < 0 ? key : key.mid(slash + 1);
}

QString splitOf(const QString& key) {
    const qsizetype slash = key.lastIndexOf('/');
    return slash < 0 ? QString() : key.left(slash);
}

bool isAxisKey(const QString& key) {
    return key == "step" || key == "epoch" || key == "time";
}

QStringList orderedFamilies(const QStringList& keys) {
    QStringList families;
    QSet<QString> seen;
    for (const QString& key : keys) {
        if (isAxisKey(key)) continue;
        const QString family = familyOf(key);
        if (!seen.contains(family)) seen.insert(family), families.append(family);
    }
    std::stable_sort(families.begin(), families.end(), [](const QString& a, const QString& b) {
        const int ra = familyRank(a), rb = familyRank(b);
        return ra != rb ? ra < rb : a < b;
    });
    return families;
}

QStringList keysOfFamily(const QStringList& keys, const QString& family) {
    QStringList out;
    for (const QString& key : keys)
        if (!isAxisKey(key) && familyOf(key) == family && !out.contains(key)) out.append(key);
    std::stable_sort(out.begin(), out.end(), [](const QString& a, const QString& b) {
        const int ra = splitRank(splitOf(a)), rb = splitRank(splitOf(b));
        return ra != rb ? ra < rb : a < b;
    });
    return out;
}

QString familyTitle(const QString& family) {
    if (family == "acc") return QCoreApplication::translate("tb::MetricFamily", "accuracy");
    if (family == "lr") return QCoreApplication::translate("tb::MetricFamily", "learning rate");
    if (family == "samples_per_sec")
        return QCoreApplication::translate("tb::MetricFamily", "throughput (samples/s)");
    if (family == "loss") return QCoreApplication::translate("tb::MetricFamily", "loss");
    return family;
}

QString splitTitle(const QString& split) {
    if (split == "train") return QCoreApplication::translate("tb::MetricFamily", "train");
    if (split == "val") return QCoreApplication::translate("tb::MetricFamily", "val");
    if (split == "test") return QCoreApplication::translate("tb::MetricFamily", "test");
    return split;
}

// Tableau 10: distinguishable for most colour-vision deficiencies, readable on white.
QColor runColour(int index) {
    static const QRgb palette[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                   0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
    const int n = int(std::size(palette));
    return QColor::fromRgb(palette[((index % n) + n) % n]);
}

Qt::PenStyle splitPenStyle(const QString& split) {
    if (split.isEmpty() || split == "train") return Qt::SolidLine;
    if (split == "val" || split == "valid" || split == "validation") return Qt::DashLine;
    if (split == "test") return Qt::DotLine;
    return Qt::DashDotLine;
}

}  // namespace tb
