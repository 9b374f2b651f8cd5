#pragma once
// The config as a form generated from the schema: a group per section, one field per key.
// Edits go to ConfigDocument::setValue; document changes come back into the fields.

#include <QHash>
#include <QWidget>

class QLabel;
class QScrollArea;

namespace tb {

class ConfigDocument;
class ConfigField;

class ConfigForm : public QWidget {
    Q_OBJECT

public:
    explicit ConfigForm(ConfigDocument* document, QWidget* parent = nullptr);

    ConfigField* field(const QString& key) const { return m_fields.value(key); }
    // Scrolls the key's field into view (a problem about it was picked elsewhere).
    void revealField(const QString& key);

private:
    void build();
    void syncFromDocument();
    void applyEdit(const QString& key, const QString& valueText);
    void browseForPath(const QString& key);
    void showNotice(const QString& text);

    ConfigDocument* m_document;
    QHash<QString, ConfigField*> m_fields;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_fieldsArea = nullptr;
    QLabel* m_notice = nullptr;
};

}  // namespace tb
