#pragma once
// str(): a QString as the UTF-8 std::string that the std-only layers (config, protocol, sweep)
// take; one spelling for the Qt-side files that hand them paths and text.

#include <QString>

#include <string>

namespace tb {

inline std::string str(const QString& text) {
    return text.toStdString();
}

}  // namespace tb
