#pragma once
// fail() for a message built as a QString, most often translated: `failText(tr("no run %1")
// .arg(id))`. Result's errors stay UTF-8 std::string, so std-only layers can pass them on.

#include <QString>

#include "core/protocol/result.h"

namespace tb {

inline Error failText(const QString& message, int code = 0) {
    return fail(message.toStdString(), code);
}

}  // namespace tb
