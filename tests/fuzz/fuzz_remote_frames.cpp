// Fuzz target: the frames a box answers scans, listings and follow streams with.
#include <QByteArray>

#include <cstddef>
#include <cstdint>

#include "remote/runs/remote_run_frames.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    (void)tb::parseRemoteFrames(bytes);
    return 0;
}
