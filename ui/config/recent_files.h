#pragma once
// The most recently opened config files, newest first, kept in QSettings.

#include <QString>
#include <QStringList>

namespace tb {

class RecentFiles {
public:
    explicit RecentFiles(QString settingsKey, int capacity = 8);

    QStringList paths() const;
    void add(const QString& path);
    void remove(const QString& path);

private:
    void store(const QStringList& paths) const;

    QString m_settingsKey;
    int m_capacity;
};

}  // namespace tb
