#pragma once
// translatedMessage: a message of the std-only layers (config checks, sweep specs) in the
// user's language. It finds the catalog pattern the English text was made from
// (core/config/config_text.h, core/sweep/sweep_text.h), translates that pattern and puts the
// arguments back, each translated the same way (a range inside "must be %1, got %2"). A text no
// pattern made, or one without a translation, comes back as it is.

#include <QString>
#include <string>

namespace tb {

QString translatedMessage(const QString& english);
QString translatedMessage(const std::string& english);

}  // namespace tb
