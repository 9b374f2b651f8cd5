#pragma once
// The config editor: form and YAML text side by side over one ConfigDocument, problems
// below, and the file and undo actions the main window puts in its menus.

#include <QTimer>
#include <QWidget>
#include <functional>

#include "config_document.h"
#include "recent_files.h"

class QAction;
class QMenu;

namespace tb {

class ConfigForm;
class DiagnosticsList;
class YamlEditor;

class ConfigEditor : public QWidget {
    Q_OBJECT

public:
    enum class UnsavedChoice { Save, Discard, Cancel };
    using UnsavedPrompt = std::function<UnsavedChoice(const QString& fileName)>;

    // `templatesDir` holds the *.yaml templates offered by New (the workspace configs folder).
    explicit ConfigEditor(const QString& templatesDir, QWidget* parent = nullptr);

    bool openFile(const QString& path);  // false when refused, cancelled or unreadable
    // openFile for a file dropped on the editor or the window: a failure is shown to the user.
    bool openDropped(const QString& path);
    // A .yaml/.yml file dropped anywhere on `area` opens here (the editor itself is one).
    void acceptConfigDrops(QWidget* area);
    bool newFromTemplate(const QString& templatePath);
    bool save();  // Save As when the config has no file yet
    bool saveAs(const QString& path);
    QString filePath() const { return m_document.filePath(); }
    QString text();  // includes typing not yet handed to the document
    bool isValid() const { return m_document.isValid(); }
    QString invalidReason() const { return m_document.invalidReason(); }
    bool isModified() const { return m_document.isModified() || m_textPending; }
    QString lastError() const { return m_lastError; }

    // True when there is nothing unsaved, or the user saved or chose to discard it.
    bool confirmDiscard();
    // Tests and scripted use replace the question box.
    void setUnsavedPrompt(UnsavedPrompt prompt) { m_unsavedPrompt = std::move(prompt); }

    QList<QAction*> fileActions() const;  // New (menu), Open, Save, Save As, Recent (menu)
    QList<QAction*> editActions() const;  // Undo, Redo
    void undo();
    void redo();

    ConfigDocument* document() { return &m_document; }
    ConfigForm* form() const { return m_form; }
    YamlEditor* yamlEditor() const { return m_yaml; }
    DiagnosticsList* diagnosticsList() const { return m_problems; }

Q_SIGNALS:
    void validityChanged(bool valid, const QString& reason);
    void filePathChanged(const QString& path);
    void modifiedChanged(bool modified);

private:
    void createActions();
    void fillTemplatesMenu();
    void fillRecentMenu();
    void flushTypedText();
    void showDocumentText();
    void showDiagnostics();
    void updateUndoActions();
    void openWithDialog();
    bool saveAsWithDialog();
    bool reportIfFailed(bool ok);

    ConfigDocument m_document;
    QString m_templatesDir;
    RecentFiles m_recent;
    ConfigForm* m_form = nullptr;
    YamlEditor* m_yaml = nullptr;
    DiagnosticsList* m_problems = nullptr;
    QTimer m_typingPause;
    bool m_textPending = false;
    QString m_lastError;
    UnsavedPrompt m_unsavedPrompt;

    QMenu* m_newMenu = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_newAction = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_recentAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
};

}  // namespace tb
