// RecentFiles: a short newest-first list of absolute paths in the application's QSettings.
#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace tb {

RecentFiles::RecentFiles(QString settingsKey, int capacity)
    : m_settingsKey(std::move(settingsKey)), m_capacity(capacity) {
}

QStringList RecentFiles::paths() const {
    return QSettings().value(m_settingsKey).toStringList();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, m_capacity));
}

void RecentFiles::remove(const QString& path) {
    QStringList list = paths();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::store(const QStringList& paths) const {
    QSettings().setValue(m_settingsKey, paths);
}

}  // namespace tb
