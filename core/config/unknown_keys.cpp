// Unknown keys reported up to a cap; see unknown_keys.h.
#include "unknown_keys.h"

namespace tb {

bool UnknownKeyCap::listNext() {
    ++m_seen;
    return m_seen <= kListed;
}

std::string UnknownKeyCap::summary() const {
    const size_t rest = unlisted();
    return "and " + std::to_string(rest) + " more unknown key" + (rest == 1 ? "" : "s") +
           " (not listed)";
}

}  // namespace tb
