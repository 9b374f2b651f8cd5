// Unknown keys reported up to a cap; see unknown_keys.h.
#include "unknown_keys.h"

#include "config_text.h"
#include "message_text.h"

namespace tb {

bool UnknownKeyCap::listNext() {
    ++m_seen;
    return m_seen <= kListed;
}

std::string UnknownKeyCap::summary() const {
    const size_t rest = unlisted();
    return fillText(rest == 1 ? config_text::kOneMoreUnknownKey : config_text::kMoreUnknownKeys,
                    {std::to_string(rest)});
}

}  // namespace tb
