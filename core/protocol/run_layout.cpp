// Run-directory names: checkpoint stems, run ids and the clock they are stamped with.

#include "run_layout.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace tb {

std::string checkpointStem(int64_t epoch, int64_t step) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "ckpt-e%04lld-s%07lld", static_cast<long long>(epoch),
                  static_cast<long long>(step));
    return buf;
}

std::string makeRunId(double unixTime, const std::string& name) {
    constexpr size_t kMaxSlug = 40;
    // Anything outside [a-z0-9] becomes one dash, so ids stay safe in paths, URLs and shells.
    std::string slug;
    for (const char raw : name) {
        char c = raw;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            slug += c;
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    if (slug.size() > kMaxSlug) slug.resize(kMaxSlug);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "run";

    const std::time_t seconds = static_cast<std::time_t>(std::floor(unixTime));
    std::tm local{};
    localtime_r(&seconds, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return std::string(stamp) + "-" + slug;
}

double unixNow() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace tb
