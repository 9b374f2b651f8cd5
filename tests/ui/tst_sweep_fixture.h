#pragma once
// What the sweep window tests do as a person would: type a sweep, open Run Sweep… by its
// shortcut and run it on a target, pick from a trial's context menu in the comparison table.

#include <QString>

#include <functional>

#include "ui/sweep/sweep_dialog.h"

namespace tb {
class MainWindow;
struct RunInfo;
class SweepComparePanel;
class YamlEditor;
}  // namespace tb

namespace tb::test {

// A grid of six script trials over {lr} and {kind}; kWriteLr records val/loss = lr.
extern const char* const kGrid;
extern const char* const kWriteLr;

// Puts the text in the editor as typed: everything selected, then the keys.
void typeSweep(YamlEditor* editor, const QString& text);

// Run → Run Sweep… by its shortcut; null (and a failed check) when no dialog opens.
SweepDialog* openSweepDialog(MainWindow& window);

// Fills the dialog, chooses `target` ("local" or a host), lets `adjust` change the rest and
// presses Run; the started sweep's id, "" (and a failed check) if none started.
QString runSweep(MainWindow& window, SweepDialog::Base base, const QString& command,
                 const QString& sweep, int cpuSlots, const QString& target = "local",
                 const std::function<void(SweepDialog&)>& adjust = {});

// Add Trials… on the Sweep dock (showing the sweep), the text typed, Add pressed; the new runs'
// ids, empty (and a failed check) if none were added.
QStringList addTrials(MainWindow& window, const QString& sweep);

// Cancel sweep… from trial 1's menu in the comparison table, and Yes to its question.
bool cancelSweepFromMenu(MainWindow& window, SweepComparePanel* panel);

// The run forked from `parentRun`; null until the catalog lists one.
const RunInfo* forkOf(MainWindow& window, const QString& parentRun);

// The .pt file name in `checkpointsDir` whose sidecar has the highest `metric`; "" if none has it.
QString highestSidecar(const QString& checkpointsDir, const QString& metric);

// Right-click on the comparison table's row of `trial` (1-based) and pick `action` in its menu.
bool chooseFromTrialMenu(SweepComparePanel* panel, int trial, const char* action);

}  // namespace tb::test
