// Checkpoint rows: what the sidecar says and what --inspect found.
#include "checkpoint_table_model.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

#include "core/checkpoints/checkpoint_catalog.h"
#include "ui/style/column_title.h"
#include "ui/style/theme.h"

namespace tb {

CheckpointTableModel::CheckpointTableModel(CheckpointCatalog* catalog, QObject* parent)
    : QAbstractTableModel(parent), m_catalog(catalog) {
    connect(catalog, &CheckpointCatalog::entriesReset, this, [this] {
        beginResetModel();
        endResetModel();
    });
    connect(catalog, &CheckpointCatalog::entryChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
}

int CheckpointTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_catalog->entries().size());
}

int CheckpointTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const CheckpointEntry& entry = m_catalog->entries()[index.row()];
    if (role == PathRole) return entry.path;
    const bool corrupt = entry.check == CheckpointEntry::Check::Corrupt || !entry.complete;
    if (role == Qt::ForegroundRole && corrupt) return theme::color(theme::Tone::Error);
    if (role == Qt::ToolTipRole) {
        if (!entry.checkMessage.isEmpty()) return entry.checkMessage;
        return entry.paramSha256.isEmpty() ? entry.path
                                           : entry.path + "\nparam_sha256 " + entry.paramSha256;
    }
    if (role != Qt::DisplayRole) return {};
    auto metric = [&](const char* key) -> QVariant {
        return entry.metrics.contains(key)
                   ? QVariant(QString::number(entry.metrics.value(key), 'g', 4))
                   : QVariant();
    };
    switch (index.column()) {
        case Name:
            return entry.name;
        case Epoch:
            return entry.epoch;
        case Step:
            return entry.step;
        case Time:
            return entry.time > 0 ? QDateTime::fromMSecsSinceEpoch(qint64(entry.time * 1000))
                                        .toString("MM-dd HH:mm:ss")
                                  : QString();
        case ValLoss:
            return metric("val/loss");
        case ValAcc:
            return metric("val/acc");
        case Size:
            return QLocale().formattedDataSize(entry.bytes);
        case Check:
            if (!entry.complete) return tr("incomplete");
            if (!m_catalog->filesHere()) return tr("on %1").arg(m_catalog->remoteHost());
            switch (entry.check) {
                case CheckpointEntry::Check::NotChecked:
                    return tr("not checked");
                case CheckpointEntry::Check::Checking:
                    return tr("checking…");
                case CheckpointEntry::Check::Ok:
                    return tr("ok");
                case CheckpointEntry::Check::Corrupt:
                    return tr("corrupt");
            }
    }
    return {};
}

QVariant CheckpointTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    static const char* const names[] = {
        QT_TR_NOOP("Checkpoint"), QT_TR_NOOP("Epoch"),   QT_TR_NOOP("Step"), QT_TR_NOOP("Saved"),
        QT_TR_NOOP("Val loss"),   QT_TR_NOOP("Val acc"), QT_TR_NOOP("Size"), QT_TR_NOOP("Check")};
    return columnTitle(staticMetaObject, names, section, orientation, role);
}

}  // namespace tb
