#pragma once
// Puts ShutdownWatch into the window: the Run-on option arms new runs, the runs and hosts
// tables show cost and countdowns, the run menu arms and cancels, the status bar shows the
// countdown with its Cancel button.

class QStatusBar;

namespace tb {

class HostsController;
class HostsPanel;
class RunCatalog;
class RunController;
class RunTargetBox;
class RunsPanel;
class ShutdownBanner;
class ShutdownWatch;

struct ShutdownUiParts {
    HostsController* hosts = nullptr;
    HostsPanel* hostsPanel = nullptr;
    RunsPanel* runsPanel = nullptr;
    RunCatalog* catalog = nullptr;
    RunTargetBox* targetBox = nullptr;
    RunController* controller = nullptr;
    QStatusBar* statusBar = nullptr;
};

// Returns the banner it placed in the status bar.
ShutdownBanner* connectShutdownWatch(ShutdownWatch* watch, const ShutdownUiParts& parts);

}  // namespace tb
