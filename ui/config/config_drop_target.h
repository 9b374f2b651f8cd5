// ConfigDropTarget: a .yaml/.yml file dropped anywhere on an area (the config dock, the window)
// opens in the config editor instead of landing as a URL in the text under the cursor.
#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QMimeData;
class QWidget;

namespace tb {

class ConfigEditor;

class ConfigDropTarget : public QObject {
    Q_OBJECT
public:
    // Watches drags over `area` and every widget inside it (the YAML text and the form's line
    // edits take drops themselves, so the filter sits on the application).
    ConfigDropTarget(ConfigEditor* editor, QWidget* area);

    // The one local YAML file a drag carries; empty for anything else (text, images, several
    // files, remote URLs), which then behaves as before.
    static QString configPath(const QMimeData* mime);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<ConfigEditor> m_editor;
    QPointer<QWidget> m_area;
};

}  // namespace tb
