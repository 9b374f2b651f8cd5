// Metric families: which keys share a chart (train/loss & val/loss), their order and styles.
#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

#include <Qt>

namespace tb {

// "train/loss" -> "loss", "lr" -> "lr": keys that differ only in their split share a chart.
QString familyOf(const QString& key);
// "train/loss" -> "train"; "" when the key has no split.
QString splitOf(const QString& key);
// Keys that are x axes or bookkeeping, never plotted as curves.
bool isAxisKey(const QString& key);
// The families of these keys, the usual ones first (loss, accuracy, lr, throughput).
QStringList orderedFamilies(const QStringList& keys);
// The keys of one family, train before val before test.
QStringList keysOfFamily(const QStringList& keys, const QString& family);
QString familyTitle(const QString& family);
// What a legend calls a split ("train", "val", "test" translated; others as they are).
QString splitTitle(const QString& split);

QColor runColour(int index);
Qt::PenStyle splitPenStyle(const QString& split);

}  // namespace tb
