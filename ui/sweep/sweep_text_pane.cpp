// The sweep editor and its problems list, wired together.
#include "sweep_text_pane.h"

#include <QTextDocument>

#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

namespace tb {

SweepTextPane makeSweepTextPane(QWidget* parent, const QString& readyText) {
    auto* editor = new YamlEditor(parent);
    editor->setObjectName(QStringLiteral("sweepEditor"));
    // The config editor leaves undo to a shared document; here the text is its own.
    editor->document()->setUndoRedoEnabled(true);
    QObject::connect(editor, &YamlEditor::undoRequested, editor, &QPlainTextEdit::undo);
    QObject::connect(editor, &YamlEditor::redoRequested, editor, &QPlainTextEdit::redo);
    auto* diagnostics = new DiagnosticsList(parent);
    diagnostics->setObjectName(QStringLiteral("sweepDiagnostics"));
    diagnostics->setShowFile(true);
    diagnostics->setReadyText(readyText);
    diagnostics->setMaximumHeight(120);
    QObject::connect(diagnostics, &DiagnosticsList::problemActivated, editor,
                     [editor](int line, int column) {
                         editor->goTo(line, column);
                         editor->setFocus();
                     });
    return {editor, diagnostics};
}

}  // namespace tb
