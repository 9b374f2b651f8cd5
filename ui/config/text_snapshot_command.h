#pragma once
// One undoable config edit: the whole text before and after, so form and text edits
// share one undo history.

#include <QString>
#include <QUndoCommand>

namespace tb {

class ConfigDocument;

class TextSnapshotCommand : public QUndoCommand {
public:
    TextSnapshotCommand(ConfigDocument* document, QString before, QString after,
                        const QString& label);

    void undo() override;
    void redo() override;

private:
    ConfigDocument* m_document;
    QString m_before;
    QString m_after;
};

}  // namespace tb
