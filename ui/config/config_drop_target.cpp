// ConfigDropTarget: the drop is accepted at once and the file opened just after it, so that the
// unsaved-changes question never runs inside the platform's drag-and-drop handling.
#include "config_drop_target.h"

#include <QCoreApplication>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QTimer>
#include <QUrl>
#include <QWidget>

#include "config_editor.h"

namespace tb {

ConfigDropTarget::ConfigDropTarget(ConfigEditor* editor, QWidget* area)
    : QObject(area), m_editor(editor), m_area(area) {
    area->setAcceptDrops(true);  // widgets inside that refuse drops hand them up to the area
    QCoreApplication::instance()->installEventFilter(this);
}

QString ConfigDropTarget::configPath(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
    const QUrl url = mime->urls().first();
    if (!url.isLocalFile()) return {};
    const QString path = url.toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("yaml") && suffix != QLatin1String("yml")) return {};
    return path;
}

bool ConfigDropTarget::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop) return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || !m_area || !m_editor || (widget != m_area && !m_area->isAncestorOf(widget)))
        return false;
    auto* drop = static_cast<QDropEvent*>(event);  // DragEnter and DragMove derive from it
    const QString path = configPath(drop->mimeData());
    if (path.isEmpty()) return false;
    drop->setDropAction(Qt::CopyAction);
    drop->accept();
    if (type == QEvent::Drop) {
        QTimer::singleShot(0, m_editor, [editor = m_editor, path] {
            if (editor) editor->openDropped(path);
        });
    }
    return true;  // the text under the cursor never sees it
}

}  // namespace tb
