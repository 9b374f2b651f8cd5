// ConfigField: one key's input widget, chosen by the key's schema type.
#include "config_field.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleValidator>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <climits>

#include "ui/style/tone.h"

namespace tb {
namespace {

// Text a user typed into a string field, as a YAML scalar that reads back as the same text.
QString yamlScalar(const QString& text) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_./~][A-Za-z0-9_./~:-]*$"));
    static const QRegularExpression special(QStringLiteral("^(true|false|yes|no|on|off|null|y|n)$"),
                                            QRegularExpression::CaseInsensitiveOption);
    if (plain.match(text).hasMatch() && !special.match(text).hasMatch() &&
        !text.endsWith(QLatin1Char(':'))) {
        return text;
    }
    QString escaped = text;
    escaped.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    escaped.replace(QLatin1String("\""), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// "32, 64" is what people type; the YAML needs the brackets.
QString flowList(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1Char('['))) return trimmed;
    return QLatin1Char('[') + trimmed + QLatin1Char(']');
}

QString rangeText(const KeyDef& def) {
    if (def.min > def.max) return {};
    const QString low = QString::number(def.min, 'g', 10);
    if (def.max == std::numeric_limits<double>::infinity()) {
        return QStringLiteral(" (%1 %2)").arg(def.minExclusive ? ">" : "≥", low);
    }
    const QString high = QString::number(def.max, 'g', 10);
    //: The range of a config value in its tooltip, e.g. " (above 0 to 10)"
    if (def.minExclusive) return ConfigField::tr(" (above %1 to %2)").arg(low, high);
    return ConfigField::tr(" (%1 to %2)").arg(low, high);
}

}  // namespace

QString keyDoc(const KeyDef& def) {
    return QCoreApplication::translate("ConfigSchema", def.doc.c_str());
}

ConfigField::ConfigField(const KeyDef& def, QWidget* parent)
    : QWidget(parent),
      m_key(QString::fromStdString(def.path)),
      m_doc(keyDoc(def) + rangeText(def)) {
    createInput(def);
    m_input->setObjectName(m_key);
    m_input->setToolTip(m_doc);
    setValueText(QString::fromStdString(def.defaultValue));
}

void ConfigField::createInput(const KeyDef& def) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    const bool intFits = def.max <= double(INT_MAX);
    if (def.type == KeyType::Int && intFits) {
        auto* spin = new QSpinBox(this);
        spin->setRange(int(def.min), int(def.max));
        spin->setKeyboardTracking(false);  // one edit per committed number, not per digit
        connect(spin, &QSpinBox::valueChanged, this, [this](int value) {
            emitIfChanged(QString::number(value), QString::number(value));
        });
        m_input = spin;
    } else if (def.type == KeyType::Choice) {
        auto* combo = new QComboBox(this);
        for (const std::string& choice : def.choices)
            combo->addItem(QString::fromStdString(choice));
        connect(combo, &QComboBox::activated, this,
                [this, combo](int) { emitIfChanged(combo->currentText(), combo->currentText()); });
        m_input = combo;
    } else if (def.type == KeyType::Bool) {
        auto* check = new QCheckBox(this);
        connect(check, &QCheckBox::clicked, this, [this](bool on) {
            const QString text = on ? QStringLiteral("true") : QStringLiteral("false");
            emitIfChanged(text, text);
        });
        m_input = check;
    } else {
        // Floats are typed as text: a spin box cannot show 1e-5 and 0.9 with one precision.
        auto* line = new QLineEdit(this);
        if (def.type == KeyType::Float) {
            auto* validator = new QDoubleValidator(line);
            validator->setNotation(QDoubleValidator::ScientificNotation);
            validator->setLocale(QLocale::c());
            line->setValidator(validator);
        } else if (def.type == KeyType::Int) {
            line->setValidator(new QRegularExpressionValidator(
                QRegularExpression(QStringLiteral("[0-9]+")), line));
        } else if (def.type == KeyType::IntList) {
            line->setPlaceholderText(QStringLiteral("[32, 64]"));
        }
        const KeyType type = def.type;
        connect(line, &QLineEdit::editingFinished, this, [this, line, type] {
            const QString text = line->text().trimmed();
            if (type == KeyType::IntList) return emitIfChanged(text, flowList(text));
            if (type == KeyType::String || type == KeyType::Path) {
                return emitIfChanged(text, yamlScalar(text));
            }
            emitIfChanged(text, text);
        });
        m_input = line;
    }
    layout->addWidget(m_input, 1);
    if (def.type == KeyType::Path) {
        auto* browse = new QPushButton(tr("Browse…"), this);
        browse->setObjectName(m_key + QStringLiteral(".browse"));
        connect(browse, &QPushButton::clicked, this, [this] { Q_EMIT browseRequested(m_key); });
        layout->addWidget(browse);
    }
}

void ConfigField::setValueText(const QString& valueText) {
    const QSignalBlocker blocker(m_input);
    if (auto* spin = qobject_cast<QSpinBox*>(m_input)) {
        spin->setValue(valueText.toInt());
    } else if (auto* combo = qobject_cast<QComboBox*>(m_input)) {
        combo->setCurrentIndex(combo->findText(valueText));
    } else if (auto* check = qobject_cast<QCheckBox*>(m_input)) {
        check->setChecked(valueText == QLatin1String("true"));
    } else if (auto* line = qobject_cast<QLineEdit*>(m_input)) {
        if (line->text() != valueText) line->setText(valueText);
    }
    m_shown = valueText;
}

void ConfigField::setDiagnostic(const QString& message) {
    if (message == m_diagnostic) return;
    m_diagnostic = message;
    m_input->setProperty("diagnostic", message);
    m_input->setToolTip(message.isEmpty() ? m_doc : message + QStringLiteral("\n\n") + m_doc);
    if (message.isEmpty())
        theme::clearToneStyle(m_input);
    else
        theme::setToneStyle(m_input, theme::Tone::Error,
                            QStringLiteral("border: 2px solid %1; border-radius: 3px;"));
}

void ConfigField::emitIfChanged(const QString& shownText, const QString& valueText) {
    if (shownText == m_shown) return;
    m_shown = shownText;
    Q_EMIT edited(m_key, valueText);
}

}  // namespace tb
