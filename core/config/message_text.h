#pragma once
// Messages of the std-only layers (config checks, sweep specs), made in English from patterns
// with %1..%9 placeholders. Each pattern is a QT_TRANSLATE_NOOP in a catalog header
// (config_text.h, sweep_text.h) that lupdate reads; the window finds the pattern a message was
// made from and shows it translated (core/services/message_translation.h). Std only.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

// Outside Qt the marker is the text itself; lupdate only reads it.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace tb {

// One pattern of a catalog: its English text, and the placeholders ("13": %1 and %3) whose
// arguments are themselves messages of a catalog (the rest are values: keys, paths, numbers).
struct MessagePattern {
    const char* text;
    const char* messageArgs;
};

// `pattern` with %N replaced by the Nth argument, in one pass (an argument holding "%1" stays
// as it is). A %N without an argument is kept; "%%" is not special. The window fills translated
// patterns with the same rule (core/services/message_translation.cpp).
std::string fillText(std::string_view pattern, const std::vector<std::string_view>& args);
std::string fillText(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace tb
