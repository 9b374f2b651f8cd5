// The measured side of bench_startup: the app's own start-up, reporting its first painted frame.
#pragma once

namespace tb {

// Starts like app/gui/main.cpp (QApplication, workspace, MainWindow, show) on runsRoot, and
// prints CLOCK_MONOTONIC nanoseconds of: main() entry, QApplication built, MainWindow built,
// show() returned, the first Paint event of the window or a child, and the end of that frame.
// Then exits at once (no teardown).
int runFirstPaintChild(int argc, char** argv, const char* runsRoot, long long mainNs);

long long monotonicNs();

}  // namespace tb
