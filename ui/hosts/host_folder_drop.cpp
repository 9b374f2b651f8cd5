// HostFolderDrop: accepts a drag only over a host that can take it, so the cursor says so.
#include "host_folder_drop.h"

#include <QAbstractItemView>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace tb {

HostFolderDrop::HostFolderDrop(QAbstractItemView* view, int nameRole,
                               std::function<bool(const QString&)> takesUploads)
    : QObject(view), m_view(view), m_nameRole(nameRole), m_takesUploads(std::move(takesUploads)) {
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
}

QString HostFolderDrop::draggedFolder(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    const QList<QUrl> urls = mime->urls();
    if (urls.size() != 1 || !urls.first().isLocalFile()) return {};
    const QFileInfo folder(urls.first().toLocalFile());
    return folder.isDir() ? folder.absoluteFilePath() : QString();
}

QString HostFolderDrop::hostAt(const QPoint& position) const {
    const QModelIndex index = m_view->indexAt(position);
    return index.isValid() ? index.data(m_nameRole).toString() : QString();
}

bool HostFolderDrop::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::DragEnter && type != QEvent::DragMove && type != QEvent::Drop)
        return QObject::eventFilter(watched, event);
    auto* drop = static_cast<QDropEvent*>(event);  // DragEnter and DragMove derive from it
    const QString folder = draggedFolder(drop->mimeData());
    if (folder.isEmpty()) return false;  // not ours: the view handles it as before
    const QString host = hostAt(drop->position().toPoint());
    const bool lands = !host.isEmpty() && m_takesUploads(host);
    if (type == QEvent::DragEnter) {
        // Entering over an empty spot is fine: the move over a row decides.
        drop->acceptProposedAction();
        return true;
    }
    if (!lands) {
        drop->ignore();
        return true;
    }
    drop->acceptProposedAction();
    if (type == QEvent::Drop) Q_EMIT folderDropped(host, folder);
    return true;
}

}  // namespace tb
