#pragma once
// Where the app keeps its runs and configs, and the first-start demo workspace.

#include <QString>

namespace tb {

// --runs-root value, else $TRAINBENCH_RUNS, else <platform app data>/runs.
QString resolveRunsRoot(const QString& commandLineValue);

// <runs root>/configs: the user's configs. Seeded with the shipped configs (demo.yaml first)
// when absent. Returns the configs folder.
QString seedWorkspace(const QString& runsRoot);

}  // namespace tb
