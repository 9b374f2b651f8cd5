#pragma once
// The toolbar's "Run on" choice: this machine or a stored SSH host, remembered between starts;
// next to it, "Shut down the host when the run ends" (off by default, a host only).

#include <QComboBox>

class QCheckBox;

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

    // The per-run option, for the toolbar to place next to this box; never remembered, so a
    // new session never shuts a box down unasked.
    QCheckBox* shutdownCheck() const { return m_shutdown; }
    bool shutdownWhenRunEnds() const;

private:
    void updateShutdownCheck();

    QCheckBox* m_shutdown;
};

}  // namespace tb
