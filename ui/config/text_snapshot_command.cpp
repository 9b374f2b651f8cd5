// One undoable config edit as a pair of text snapshots.
#include "text_snapshot_command.h"

#include "config_document.h"

namespace tb {

TextSnapshotCommand::TextSnapshotCommand(ConfigDocument* document, QString before, QString after,
                                         const QString& label)
    : QUndoCommand(label),
      m_document(document),
      m_before(std::move(before)),
      m_after(std::move(after)) {
}

void TextSnapshotCommand::undo() {
    m_document->applyText(m_before);
}

void TextSnapshotCommand::redo() {
    m_document->applyText(m_after);
}

}  // namespace tb
