// ColumnTitle: a table model's header text, looked up in its list of column names.
#pragma once

#include <QMetaObject>
#include <QVariant>

#include <span>

namespace tb {

// The translated name of column `section` for the horizontal header's display role, else
// nothing. `names` are QT_TR_NOOP strings in the context of `model` (its staticMetaObject),
// one per column in the order of the model's Column enum.
QVariant columnTitle(const QMetaObject& model, std::span<const char* const> names, int section,
                     Qt::Orientation orientation, int role);

}  // namespace tb
