#pragma once
// The sweep YAML as both sweep dialogs show it: an editor with its own undo and, under it, the
// problems list whose rows take the cursor to their line.

#include <QString>

class QWidget;

namespace tb {

class DiagnosticsList;
class YamlEditor;

struct SweepTextPane {
    YamlEditor* editor;
    DiagnosticsList* diagnostics;
};

// Both made as children of `parent`; `readyText` is what the list says without problems.
SweepTextPane makeSweepTextPane(QWidget* parent, const QString& readyText);

}  // namespace tb
