#pragma once
// The toolbar's "Run on" choice: this machine or a stored SSH host, remembered between starts.

#include <QComboBox>

namespace tb {

class RunTargetBox : public QComboBox {
    Q_OBJECT

public:
    explicit RunTargetBox(QWidget* parent = nullptr);

    // Refills the list; the choice stays when its host is still there, else "This machine".
    void setHosts(const QStringList& hosts);
    // The chosen host's name; empty for this machine.
    QString host() const { return currentData().toString(); }
    void selectHost(const QString& host);  // empty: this machine
};

}  // namespace tb
