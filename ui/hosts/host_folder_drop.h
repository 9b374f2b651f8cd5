// HostFolderDrop: a local folder dragged from a file manager onto a host's row in the Hosts
// table is offered for upload to that host (the Upload… action is the menu's way).
#pragma once

#include <QObject>

#include <functional>

class QAbstractItemView;
class QMimeData;
class QPoint;

namespace tb {

class HostFolderDrop : public QObject {
    Q_OBJECT

public:
    // Watches `view`'s viewport. A row's host name is its `nameRole`; `takesUploads(name)` says
    // whether that host can take an upload now (connected), so a drag shows where it can land.
    HostFolderDrop(QAbstractItemView* view, int nameRole,
                   std::function<bool(const QString&)> takesUploads);

    // The one local folder a drag carries, else empty (files, several items, remote URLs).
    static QString draggedFolder(const QMimeData* mime);

Q_SIGNALS:
    void folderDropped(const QString& host, const QString& folder);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString hostAt(const QPoint& position) const;

    QAbstractItemView* m_view;
    int m_nameRole;
    std::function<bool(const QString&)> m_takesUploads;
};

}  // namespace tb
