#pragma once
// A config being edited: YAML text, its file, the parsed values and diagnostics, and one
// undo history shared by every view (form and text). No widgets.

#include <QObject>
#include <QString>
#include <QUndoStack>

#include "core/config/config_file.h"

namespace tb {

class ConfigDocument : public QObject {
    Q_OBJECT

public:
    explicit ConfigDocument(QObject* parent = nullptr);

    QString text() const { return m_text; }
    QString filePath() const { return m_filePath; }
    // Relative data paths resolve against this: the file's folder, or a chosen folder for
    // a config not saved yet.
    QString baseDir() const;
    void setFallbackBaseDir(const QString& dir);
    // Where the run will read data.path: checked here, or left to the SSH host's trainer.
    void setDataPathsOn(DataPathsOn where);
    DataPathsOn dataPathsOn() const { return m_dataPaths; }

    bool isModified() const { return !m_undoStack.isClean(); }
    bool isValid() const { return m_parsed.diagnostics.empty(); }
    // The first problem as "LINE:COL: message" (and how many more), or "" when valid.
    QString invalidReason() const;
    const std::vector<Diagnostic>& diagnostics() const { return m_parsed.diagnostics; }
    // The text is not YAML at all, so no key can be read or set.
    bool hasSyntaxError() const;
    // Resolved value text of a schema key (the default when the text leaves it out).
    QString value(const QString& key) const;
    // The message of the first diagnostic about `key`, or "".
    QString diagnosticFor(const QString& key) const;
    // The value as written in the text where that diagnostic points ("50" for an lr out of
    // range), or "" when it points elsewhere (another key, one list element).
    QString writtenValue(const QString& key) const;

    QUndoStack* undoStack() { return &m_undoStack; }

    // Starts a new history with this text (opening a file, New from a template).
    void reset(const QString& text, const QString& filePath);
    [[nodiscard]] Result<void> load(const QString& path);
    // Writes the text byte for byte; the saved state becomes the clean state.
    [[nodiscard]] Result<void> save(const QString& path);

    // An edit of the whole text (typing); one undo step.
    void setText(const QString& text);
    // Changes one key's value in the text and nothing else; one undo step.
    [[nodiscard]] Result<void> setValue(const QString& key, const QString& valueText);

    // Used by the undo commands only: replaces the text without recording history.
    void applyText(const QString& text);

Q_SIGNALS:
    // Emitted before any change, so a view holding unsent typing can hand it in first.
    void aboutToChange();
    void textChanged();
    void diagnosticsChanged();
    void validityChanged(bool valid, const QString& reason);
    void modifiedChanged(bool modified);
    void filePathChanged(const QString& path);

private:
    void reparse();
    void setFilePath(const QString& path);

    QString m_text;
    QString m_filePath;
    QString m_fallbackBaseDir;
    LoadedConfig m_parsed;
    DataPathsOn m_dataPaths = DataPathsOn::ThisMachine;
    bool m_valid = true;
    QString m_reason;
    QUndoStack m_undoStack;
};

}  // namespace tb
