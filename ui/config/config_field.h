#pragma once
// One schema key in the config form: the input widget its type calls for, its doc as
// tooltip, and a red mark with the message when the text has a problem with the key.

#include <QString>
#include <QWidget>

#include "core/config/schema.h"

namespace tb {

// The key's one-line doc from the schema, in the user's language.
QString keyDoc(const KeyDef& def);

class ConfigField : public QWidget {
    Q_OBJECT

public:
    explicit ConfigField(const KeyDef& def, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    // The widget a user types into (object name = key path, for tests and accessibility).
    QWidget* input() const { return m_input; }
    // Shows a value from the document; emits nothing, so document updates never loop back.
    void setValueText(const QString& valueText);
    // "" clears the mark.
    void setDiagnostic(const QString& message);
    QString diagnostic() const { return m_diagnostic; }

Q_SIGNALS:
    // The user changed the value; `valueText` is YAML scalar or flow text.
    void edited(const QString& key, const QString& valueText);
    void browseRequested(const QString& key);

private:
    void createInput(const KeyDef& def);
    void emitIfChanged(const QString& shownText, const QString& valueText);

    QString m_key;
    QString m_doc;
    QString m_diagnostic;
    QString m_shown;  // last value shown or sent, so an unchanged focus-out sends nothing
    QWidget* m_input = nullptr;
};

}  // namespace tb
