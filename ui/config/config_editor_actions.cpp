// ConfigEditor's actions: New from a template, Open, Save, Save As, Recent, Undo, Redo.
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

#include "config_editor.h"

namespace tb {

void ConfigEditor::createActions() {
    m_newMenu = new QMenu(tr("&New Config"), this);
    connect(m_newMenu, &QMenu::aboutToShow, this, &ConfigEditor::fillTemplatesMenu);
    fillTemplatesMenu();
    m_newAction = m_newMenu->menuAction();

    m_openAction = new QAction(tr("&Open Config…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &ConfigEditor::openWithDialog);

    m_saveAction = new QAction(tr("&Save Config"), this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, [this] { reportIfFailed(save()); });

    m_saveAsAction = new QAction(tr("Save Config &As…"), this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &ConfigEditor::saveAsWithDialog);

    m_recentMenu = new QMenu(tr("Open &Recent"), this);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ConfigEditor::fillRecentMenu);
    m_recentAction = m_recentMenu->menuAction();

    m_undoAction = new QAction(tr("&Undo"), this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, this, &ConfigEditor::undo);
    m_redoAction = new QAction(tr("&Redo"), this);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(QKeySequence::Redo)});
    connect(m_redoAction, &QAction::triggered, this, &ConfigEditor::redo);
    // Undo keys act on this editor only, never on another dock's history.
    m_undoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_redoAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QUndoStack* history = m_document.undoStack();
    connect(history, &QUndoStack::canUndoChanged, this, &ConfigEditor::updateUndoActions);
    connect(history, &QUndoStack::canRedoChanged, this, &ConfigEditor::updateUndoActions);
    updateUndoActions();

    addActions({m_openAction, m_saveAction, m_saveAsAction, m_undoAction, m_redoAction});
}

QList<QAction*> ConfigEditor::fileActions() const {
    return {m_newAction, m_openAction, m_saveAction, m_saveAsAction, m_recentAction};
}

QList<QAction*> ConfigEditor::editActions() const {
    return {m_undoAction, m_redoAction};
}

void ConfigEditor::fillTemplatesMenu() {
    m_newMenu->clear();
    const QDir dir(m_templatesDir);
    const QStringList names = dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QString path = dir.filePath(name);
        QAction* action = m_newMenu->addAction(QFileInfo(name).completeBaseName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this,
                [this, path] { reportIfFailed(newFromTemplate(path)); });
    }
    if (names.isEmpty()) {
        m_newMenu->addAction(tr("No templates in %1").arg(QDir::toNativeSeparators(m_templatesDir)))
            ->setEnabled(false);
    }
}

void ConfigEditor::fillRecentMenu() {
    m_recentMenu->clear();
    for (const QString& path : m_recent.paths()) {
        QAction* action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this,
                [this, path] { reportIfFailed(openFile(path)); });
    }
    if (m_recentMenu->isEmpty())
        m_recentMenu->addAction(tr("No recent configs"))->setEnabled(false);
}

void ConfigEditor::updateUndoActions() {
    // Typing not yet handed to the document can be undone too.
    m_undoAction->setEnabled(m_document.undoStack()->canUndo() || m_textPending);
    m_redoAction->setEnabled(m_document.undoStack()->canRedo() && !m_textPending);
}

void ConfigEditor::openWithDialog() {
    const QString start =
        m_document.filePath().isEmpty() ? m_templatesDir : QFileInfo(filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Config"), start,
                                                      tr("YAML configs (*.yaml *.yml)"));
    if (!path.isEmpty()) reportIfFailed(openFile(path));
}

bool ConfigEditor::saveAsWithDialog() {
    const QString start = m_document.filePath().isEmpty() ? m_templatesDir : filePath();
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Config As"), start,
                                                      tr("YAML configs (*.yaml *.yml)"));
    return !path.isEmpty() && reportIfFailed(saveAs(path));
}

}  // namespace tb
