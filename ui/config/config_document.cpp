// ConfigDocument: text, parse results and the shared undo history of one config.
#include "config_document.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <algorithm>

#include "core/services/message_translation.h"
#include "text_snapshot_command.h"

namespace tb {
namespace {

const char kSyntaxErrorPrefix[] = "YAML syntax error";

}  // namespace

ConfigDocument::ConfigDocument(QObject* parent) : QObject(parent) {
    connect(&m_undoStack, &QUndoStack::cleanChanged, this,
            [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    reparse();
}

QString ConfigDocument::baseDir() const {
    if (!m_filePath.isEmpty()) return QFileInfo(m_filePath).absolutePath();
    return m_fallbackBaseDir.isEmpty() ? QDir::currentPath() : m_fallbackBaseDir;
}

void ConfigDocument::setFallbackBaseDir(const QString& dir) {
    m_fallbackBaseDir = dir;
    if (m_filePath.isEmpty()) reparse();
}

QString ConfigDocument::invalidReason() const {
    return m_reason;
}

bool ConfigDocument::hasSyntaxError() const {
    for (const Diagnostic& d : m_parsed.diagnostics) {
        if (d.key.empty() && d.message.rfind(kSyntaxErrorPrefix, 0) == 0) return true;
    }
    return false;
}

QString ConfigDocument::value(const QString& key) const {
    const auto it = m_parsed.values.find(key.toStdString());
    return it == m_parsed.values.end() ? QString() : QString::fromStdString(it->second);
}

QString ConfigDocument::diagnosticFor(const QString& key) const {
    const std::string wanted = key.toStdString();
    for (const Diagnostic& d : m_parsed.diagnostics) {
        if (d.key == wanted) return translatedMessage(d.message);
    }
    return {};
}

QString ConfigDocument::writtenValue(const QString& key) const {
    const std::string wanted = key.toStdString();
    const auto at = std::find_if(m_parsed.diagnostics.begin(), m_parsed.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.key == wanted; });
    if (at == m_parsed.diagnostics.end() || at->line <= 0 || at->column <= 0) return {};
    const QString line = m_text.section(QLatin1Char('\n'), at->line - 1, at->line - 1);
    const qsizetype start = at->column - 1;
    // Only when the spot is this key's own value: "lr: 50", "{samples: 5".
    const QString leaf = key.section(QLatin1Char('.'), -1) + QLatin1Char(':');
    if (start > line.size() || !line.left(start).trimmed().endsWith(leaf)) return {};
    const QString rest = line.mid(start);
    const QChar close = rest.startsWith(QLatin1Char('[')) ? QLatin1Char(']') : QChar();
    qsizetype end = 0;
    while (end < rest.size()) {
        const QChar c = rest.at(end++);
        if (!close.isNull()) {
            if (c == close) break;
        } else if (c.isSpace() || c == QLatin1Char(',') || c == QLatin1Char('}')) {
            --end;
            break;
        }
    }
    return rest.left(end).trimmed();
}

void ConfigDocument::reset(const QString& text, const QString& filePath) {
    Q_EMIT aboutToChange();
    m_undoStack.clear();
    m_undoStack.setClean();
    setFilePath(filePath);
    applyText(text);
}

Result<void> ConfigDocument::load(const QString& path) {
    QFile file(path);
    // Binary mode on purpose: line endings and every other byte come back unchanged on save.
    if (!file.open(QIODevice::ReadOnly)) {
        return fail("Cannot open " + path.toStdString() + ": " + file.errorString().toStdString());
    }
    reset(QString::fromUtf8(file.readAll()), QFileInfo(path).absoluteFilePath());
    return {};
}

Result<void> ConfigDocument::save(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail("Cannot write " + path.toStdString() + ": " + file.errorString().toStdString() +
                    "; choose another folder with Save As.");
    }
    file.write(m_text.toUtf8());
    if (!file.commit()) {
        return fail("Saving " + path.toStdString() +
                    " failed: " + file.errorString().toStdString());
    }
    setFilePath(QFileInfo(path).absoluteFilePath());
    m_undoStack.setClean();
    reparse();  // relative data paths now resolve against the new folder
    return {};
}

void ConfigDocument::setText(const QString& text) {
    Q_EMIT aboutToChange();
    if (text == m_text) return;
    m_undoStack.push(new TextSnapshotCommand(this, m_text, text, tr("Edit text")));
}

Result<void> ConfigDocument::setValue(const QString& key, const QString& valueText) {
    Q_EMIT aboutToChange();
    Result<std::string> edited =
        setValueInText(m_text.toStdString(), key.toStdString(), valueText.toStdString());
    if (!edited) return edited.failure();
    const QString text = QString::fromStdString(*edited);
    if (text != m_text) {
        m_undoStack.push(new TextSnapshotCommand(this, m_text, text, tr("Set %1").arg(key)));
    }
    return {};
}

void ConfigDocument::applyText(const QString& text) {
    m_text = text;
    reparse();
    Q_EMIT textChanged();
}

void ConfigDocument::setDataPathsOn(DataPathsOn where) {
    if (where == m_dataPaths) return;
    m_dataPaths = where;
    reparse();
}

void ConfigDocument::reparse() {
    m_parsed = parseConfigText(m_text.toStdString(), m_filePath.toStdString(),
                               baseDir().toStdString(), m_dataPaths);
    Q_EMIT diagnosticsChanged();

    QString reason;
    if (!m_parsed.diagnostics.empty()) {
        const Diagnostic& first = m_parsed.diagnostics.front();
        reason = QStringLiteral("%1:%2: %3")
                     .arg(first.line)
                     .arg(first.column)
                     .arg(translatedMessage(first.message));
        const int more = int(m_parsed.diagnostics.size()) - 1;
        if (more > 0) reason += tr(" (and %n more problem(s))", nullptr, more);
    }
    const bool valid = m_parsed.diagnostics.empty();
    if (valid != m_valid || reason != m_reason) {
        m_valid = valid;
        m_reason = reason;
        Q_EMIT validityChanged(valid, reason);
    }
}

void ConfigDocument::setFilePath(const QString& path) {
    if (path == m_filePath) return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

}  // namespace tb
