// ConfigEditor: arranges form, text and problems, and wires them to one ConfigDocument.
#include "config_editor.h"

#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QVBoxLayout>

#include "config_drop_target.h"
#include "config_form.h"
#include "core/services/message_translation.h"
#include "diagnostics_list.h"
#include "yaml_editor.h"

namespace tb {
namespace {

// Typing is handed to the document (one undo step, one re-parse) after this pause.
constexpr int kTypingPauseMs = 300;

// The text widget only knows '\n'; a file written with "\r\n" keeps them.
QString toEditorText(const QString& text) {
    return text.contains(QLatin1Char('\r')) ? QString(text).replace(QLatin1String("\r\n"), "\n")
                                            : text;
}

}  // namespace

ConfigEditor::ConfigEditor(const QString& templatesDir, QWidget* parent)
    : QWidget(parent),
      m_templatesDir(templatesDir),
      m_recent(QStringLiteral("config/recentFiles")) {
    m_document.setFallbackBaseDir(templatesDir);
    m_form = new ConfigForm(&m_document, this);
    m_yaml = new YamlEditor(this);
    m_problems = new DiagnosticsList(this);

    auto* sides = new QSplitter(Qt::Horizontal);
    sides->addWidget(m_form);
    sides->addWidget(m_yaml);
    sides->setStretchFactor(0, 2);
    sides->setStretchFactor(1, 3);
    auto* problemsPane = new QWidget;
    auto* problemsLayout = new QVBoxLayout(problemsPane);
    problemsLayout->setContentsMargins(0, 4, 0, 0);
    problemsLayout->addWidget(new QLabel(tr("Problems")));
    problemsLayout->addWidget(m_problems);
    auto* stack = new QSplitter(Qt::Vertical);
    stack->addWidget(sides);
    stack->addWidget(problemsPane);
    stack->setStretchFactor(0, 4);
    stack->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack);

    m_typingPause.setSingleShot(true);
    m_typingPause.setInterval(kTypingPauseMs);
    connect(&m_typingPause, &QTimer::timeout, this, &ConfigEditor::flushTypedText);
    acceptConfigDrops(this);
    connect(m_yaml, &YamlEditor::userEdited, this, [this] {
        m_textPending = true;
        m_typingPause.start();
        updateUndoActions();
    });
    connect(m_yaml, &YamlEditor::undoRequested, this, &ConfigEditor::undo);
    connect(m_yaml, &YamlEditor::redoRequested, this, &ConfigEditor::redo);
    connect(m_problems, &DiagnosticsList::problemActivated, this,
            [this](int line, int column, const QString& key) {
                m_form->revealField(key);
                m_yaml->goTo(line, column);
            });

    // Any change from elsewhere (form, undo, open) takes the typing in first, so none is lost.
    connect(&m_document, &ConfigDocument::aboutToChange, this, &ConfigEditor::flushTypedText);
    connect(&m_document, &ConfigDocument::textChanged, this, &ConfigEditor::showDocumentText);
    connect(&m_document, &ConfigDocument::diagnosticsChanged, this, &ConfigEditor::showDiagnostics);
    connect(&m_document, &ConfigDocument::validityChanged, this, &ConfigEditor::validityChanged);
    connect(&m_document, &ConfigDocument::filePathChanged, this, &ConfigEditor::filePathChanged);
    connect(&m_document, &ConfigDocument::modifiedChanged, this, &ConfigEditor::modifiedChanged);
    createActions();
    showDocumentText();
    showDiagnostics();
}

QString ConfigEditor::text() {
    flushTypedText();
    return m_document.text();
}

bool ConfigEditor::openFile(const QString& path) {
    if (!confirmDiscard()) return false;
    const Result<void> loaded = m_document.load(path);
    m_lastError = loaded ? QString() : QString::fromStdString(loaded.error());
    if (!loaded) {
        if (!QFileInfo::exists(path)) m_recent.remove(path);
        return false;
    }
    m_recent.add(path);
    return true;
}

bool ConfigEditor::openDropped(const QString& path) {
    return reportIfFailed(openFile(path));
}

void ConfigEditor::acceptConfigDrops(QWidget* area) {
    new ConfigDropTarget(this, area);
}

bool ConfigEditor::newFromTemplate(const QString& templatePath) {
    if (!confirmDiscard()) return false;
    QFile file(templatePath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_lastError = tr("Cannot read the template %1: %2").arg(templatePath, file.errorString());
        return false;
    }
    m_document.reset(QString::fromUtf8(file.readAll()), QString());
    m_document.undoStack()->resetClean();  // a new config is unsaved until it has a file
    m_lastError.clear();
    return true;
}

bool ConfigEditor::save() {
    if (m_document.filePath().isEmpty()) return saveAsWithDialog();
    return saveAs(m_document.filePath());
}

bool ConfigEditor::saveAs(const QString& path) {
    flushTypedText();
    const Result<void> saved = m_document.save(path);
    m_lastError = saved ? QString() : QString::fromStdString(saved.error());
    if (saved) m_recent.add(path);
    return saved.ok();
}

bool ConfigEditor::confirmDiscard() {
    flushTypedText();
    if (!m_document.isModified()) return true;
    const QString name = m_document.filePath().isEmpty()
                             ? tr("the new config")
                             : QFileInfo(m_document.filePath()).fileName();
    UnsavedChoice choice = UnsavedChoice::Cancel;
    if (m_unsavedPrompt) {
        choice = m_unsavedPrompt(name);
    } else {
        const auto answer = QMessageBox::question(
            this, tr("Unsaved changes"), tr("Save the changes to %1 first?").arg(name),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        choice = answer == QMessageBox::Save      ? UnsavedChoice::Save
                 : answer == QMessageBox::Discard ? UnsavedChoice::Discard
                                                  : UnsavedChoice::Cancel;
    }
    if (choice == UnsavedChoice::Save) return reportIfFailed(save());
    return choice == UnsavedChoice::Discard;
}

void ConfigEditor::undo() {
    flushTypedText();
    m_document.undoStack()->undo();
}

void ConfigEditor::redo() {
    flushTypedText();
    m_document.undoStack()->redo();
}

void ConfigEditor::flushTypedText() {
    if (!m_textPending) return;
    m_textPending = false;  // first: setText announces a change, which calls back here
    m_typingPause.stop();
    QString typed = m_yaml->toPlainText();
    if (m_document.text().contains(QLatin1String("\r\n"))) {
        typed.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    }
    m_document.setText(typed);
    updateUndoActions();
}

void ConfigEditor::showDocumentText() {
    m_yaml->showText(toEditorText(m_document.text()));
}

void ConfigEditor::showDiagnostics() {
    const std::vector<Diagnostic>& diagnostics = m_document.diagnostics();
    m_problems->setDiagnostics(diagnostics);
    QVector<TextProblem> problems;
    for (const Diagnostic& d : diagnostics) {
        problems.append({d.line, d.column, translatedMessage(d.message)});
    }
    m_yaml->setProblems(problems);
}

bool ConfigEditor::reportIfFailed(bool ok) {
    if (!ok && !m_lastError.isEmpty()) {
        QMessageBox::warning(this, tr("Config editor"), m_lastError);
    }
    return ok;
}

}  // namespace tb
