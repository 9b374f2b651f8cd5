#pragma once
// Unknown keys of one config, reported up to a cap. A config can come back from a box: one with
// 200 000 unknown keys gave 200 000 diagnostics, each with a search for a suggestion.

#include <cstddef>
#include <string>
#include <string_view>

namespace tb {

class UnknownKeyCap {
public:
    static constexpr size_t kListed = 20;

    // True while fewer than kListed were listed: report message(path). Once false, the key
    // is only counted, with no suggestion search.
    bool listNext();
    size_t unlisted() const { return m_seen > kListed ? m_seen - kListed : 0; }
    // "and 199980 more unknown keys (not listed)"; report it once, where the first unlisted
    // key is, when unlisted() > 0.
    std::string summary() const;

private:
    size_t m_seen = 0;
};

}  // namespace tb
