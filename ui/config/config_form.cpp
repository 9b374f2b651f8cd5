// ConfigForm: builds the fields from configSchema() and keeps them in step with the document.
#include "config_form.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include "config_document.h"
#include "config_field.h"
#include "core/config/schema.h"
#include "core/services/message_translation.h"
#include "ui/style/tone.h"

namespace tb {
namespace {

QString sectionOf(const QString& key) {
    const int dot = key.indexOf(QLatin1Char('.'));
    return dot < 0 ? QString() : key.left(dot);
}

QString sectionTitle(const QString& section) {
    // The schema's sections; one added later shows its own name until it is listed here.
    static const QHash<QString, const char*> titles = {
        {QString(), QT_TRANSLATE_NOOP("ConfigForm", "General")},
        {QStringLiteral("data"), QT_TRANSLATE_NOOP("ConfigForm", "Data")},
        {QStringLiteral("model"), QT_TRANSLATE_NOOP("ConfigForm", "Model")},
        {QStringLiteral("optim"), QT_TRANSLATE_NOOP("ConfigForm", "Optim")},
        {QStringLiteral("schedule"), QT_TRANSLATE_NOOP("ConfigForm", "Schedule")},
        {QStringLiteral("train"), QT_TRANSLATE_NOOP("ConfigForm", "Train")},
    };
    if (const char* title = titles.value(section))
        return QCoreApplication::translate("ConfigForm", title);
    return section.left(1).toUpper() + section.mid(1);
}

}  // namespace

ConfigForm::ConfigForm(ConfigDocument* document, QWidget* parent)
    : QWidget(parent), m_document(document) {
    build();
    connect(m_document, &ConfigDocument::textChanged, this, &ConfigForm::syncFromDocument);
    connect(m_document, &ConfigDocument::diagnosticsChanged, this, &ConfigForm::syncFromDocument);
    syncFromDocument();
}

void ConfigForm::build() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("formNotice"));
    m_notice->setWordWrap(true);
    theme::setToneStyle(m_notice, theme::Tone::Error,
                        QStringLiteral("QLabel { background: %2; color: %3; "
                                       "padding: 6px; border-radius: 3px; }"));
    m_notice->hide();
    layout->addWidget(m_notice);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_fieldsArea = new QWidget(m_scroll);
    auto* sections = new QVBoxLayout(m_fieldsArea);
    QHash<QString, QFormLayout*> groups;
    QList<QLabel*> labels;
    for (const KeyDef& def : configSchema()) {
        const QString key = QString::fromStdString(def.path);
        const QString section = sectionOf(key);
        QFormLayout*& group = groups[section];
        if (!group) {
            auto* box = new QGroupBox(sectionTitle(section), m_fieldsArea);
            group = new QFormLayout(box);
            group->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
            sections->addWidget(box);
        }
        auto* field = new ConfigField(def, m_fieldsArea);
        auto* label = new QLabel(section.isEmpty() ? key : key.mid(section.size() + 1));
        label->setToolTip(keyDoc(def));
        label->setBuddy(field->input());
        labels << label;
        group->addRow(label, field);
        m_fields.insert(key, field);
        connect(field, &ConfigField::edited, this, &ConfigForm::applyEdit);
        connect(field, &ConfigField::browseRequested, this, &ConfigForm::browseForPath);
    }
    sections->addStretch(1);
    // One label width for every group, so the fields line up down the whole form.
    int labelWidth = 0;
    for (QLabel* label : std::as_const(labels)) {
        labelWidth = std::max(labelWidth, label->sizeHint().width());
    }
    for (QLabel* label : std::as_const(labels)) label->setMinimumWidth(labelWidth);
    m_scroll->setWidget(m_fieldsArea);
    // Never sideways: the form keeps the width its fields need, and the splitter beside it
    // cannot squeeze it below that.
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setMinimumWidth(m_fieldsArea->minimumSizeHint().width() +
                              m_scroll->verticalScrollBar()->sizeHint().width());
    layout->addWidget(m_scroll, 1);
}

void ConfigForm::revealField(const QString& key) {
    if (ConfigField* target = m_fields.value(key)) m_scroll->ensureWidgetVisible(target);
}

void ConfigForm::syncFromDocument() {
    // Without a YAML tree no value can be read or set; the form waits for the text to parse.
    const bool broken = m_document->hasSyntaxError();
    m_fieldsArea->setEnabled(!broken);
    if (broken) {
        showNotice(
            tr("The YAML text has a syntax error (see the problems list); "
               "fix it there to edit with the form again."));
    } else if (m_notice->property("syntax").toBool()) {
        showNotice({});
    }
    m_notice->setProperty("syntax", broken);
    for (ConfigField* field : std::as_const(m_fields)) {
        const QString problem = m_document->diagnosticFor(field->key());
        field->setDiagnostic(problem);
        if (broken) continue;
        if (problem.isEmpty()) {
            field->setValueText(m_document->value(field->key()));
        } else if (const QString written = m_document->writtenValue(field->key());
                   !written.isEmpty()) {
            // The resolved value of a rejected key is its default; show what was written.
            field->setValueText(written);
        }
    }
}

void ConfigForm::applyEdit(const QString& key, const QString& valueText) {
    const Result<void> result = m_document->setValue(key, valueText);
    if (!result) {
        showNotice(tr("Could not set %1: %2").arg(key, translatedMessage(result.error())));
    } else if (!m_notice->property("syntax").toBool()) {
        showNotice({});
    }
}

void ConfigForm::browseForPath(const QString& key) {
    const QString current = m_document->value(key);
    const QString start = current.isEmpty() ? m_document->baseDir() : current;
    // CSV data is one file; the image datasets are folders of files.
    const QString chosen =
        m_document->value(QStringLiteral("data.kind")) == QLatin1String("csv")
            ? QFileDialog::getOpenFileName(this, tr("Choose the CSV file"), start,
                                           tr("CSV files (*.csv);;All files (*)"))
            : QFileDialog::getExistingDirectory(this, tr("Choose the dataset folder"), start);
    if (chosen.isEmpty()) return;
    ConfigField* pathField = m_fields.value(key);
    pathField->setValueText(chosen);
    // Single quotes: a Windows path's backslashes are not escapes there.
    applyEdit(key, QLatin1Char('\'') + QString(chosen).replace("'", "''") + QLatin1Char('\''));
}

void ConfigForm::showNotice(const QString& text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

}  // namespace tb
