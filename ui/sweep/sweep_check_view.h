// SweepCheckView: what both sweep dialogs do with their live check of the sweep's text.
#pragma once

#include <QString>

#include <functional>
#include <vector>

class QDialog;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTimer;

namespace tb {

struct Diagnostic;
struct SweepTextPane;

// `pause` runs `check` once typing has paused; restart it on every edit.
void setUpTypingPause(QTimer* pause, const std::function<void()>& check);

// OK (reading `okText`, named `okName`) and Cancel. OK runs `confirm`, which checks at once (a
// typing pause may still be pending) and says whether the dialog may close.
QDialogButtonBox* makeCheckedButtons(QDialog* dialog, const QString& okText, const QString& okName,
                                     const std::function<bool()>& confirm);

// The text's problems: listed under it, and marked on their lines.
void showSweepProblems(const SweepTextPane& pane, const std::vector<Diagnostic>& problems);

// The check's outcome. A problem: in the error tone on the status line and as OK's tooltip, OK
// disabled. None: `ready` on the status line in the plain tone, OK enabled.
void showCheckOutcome(QLabel* status, QPushButton* ok, const QString& problem,
                      const QString& ready);

}  // namespace tb
