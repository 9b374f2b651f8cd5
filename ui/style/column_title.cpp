// ColumnTitle: one header lookup for the table models that name their columns in a list.
#include "column_title.h"

namespace tb {

QVariant columnTitle(const QMetaObject& model, std::span<const char* const> names, int section,
                     Qt::Orientation orientation, int role) {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    if (section < 0 || section >= int(names.size())) return {};
    return model.tr(names[section], nullptr);
}

}  // namespace tb
