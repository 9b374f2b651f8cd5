// fillText: see message_text.h.
#include "message_text.h"

namespace tb {

std::string fillText(std::string_view pattern, const std::vector<std::string_view>& values) {
    std::string out;
    out.reserve(pattern.size() + 32);
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (pattern[i] == '%' && next >= '1' && next <= '9' &&
            static_cast<size_t>(next - '1') < values.size()) {
            out += values[static_cast<size_t>(next - '1')];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

std::string fillText(std::string_view pattern, std::initializer_list<std::string_view> args) {
    return fillText(pattern, std::vector<std::string_view>(args));
}

}  // namespace tb
