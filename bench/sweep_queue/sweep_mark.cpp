// bench_sweep_mark: one trial of bench_sweep_queue. Appends "SLOT NANOSECONDS" (CLOCK_MONOTONIC,
// TB_SWEEP_SLOT from the scheduler) to FILE in one write and ends at once: the trial starts and
// ends at the same moment, so the gaps between marks on one slot are the scheduler's own.
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (argc != 2) return 2;
    const char* slot = std::getenv("TB_SWEEP_SLOT");
    char line[64];
    const int size = std::snprintf(line, sizeof line, "%s %lld\n", slot ? slot : "-",
                                   static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
    const int fd = open(argv[1], O_WRONLY | O_APPEND | O_CREAT, 0644);
    if (fd < 0 || write(fd, line, size) != size) return 1;
    return 0;
}
