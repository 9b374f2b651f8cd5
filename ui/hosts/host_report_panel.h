#pragma once
// HostReportPanel: a host's probe report as a tree, warnings on top, progress while probing.

#include <QDateTime>
#include <QWidget>

#include "remote/hosts/host_probe_report.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb {

class HostReportPanel : public QWidget {
    Q_OBJECT

public:
    explicit HostReportPanel(QWidget* parent = nullptr);

    // Nothing selected, or a host not probed yet.
    void showNothing(const QString& hostName = {});
    void showProbing(const QString& hostName);
    void showReport(const QString& hostName, const HostReport& report, const QDateTime& when);
    // The probe ended without a report: why, in a sentence naming the host.
    void showStopped(const QString& sentence);

    // For tests: the value shown next to `label` under `section` ("System", "CPUs").
    QString valueOf(const QString& section, const QString& label) const;
    QTreeWidget* tree() const { return m_tree; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* warningsLabel() const { return m_warnings; }
    QPushButton* cancelButton() const { return m_cancel; }
    bool isProbing() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QTreeWidgetItem* section(const QString& title);
    QTreeWidgetItem* addRow(QTreeWidgetItem* parent, const QString& label, const QString& value,
                            bool warn = false);
    void fillSystem(const HostReport& report);
    void fillDisks(const HostReport& report, const QStringList& warnings);
    void fillGpus(const HostReport& report);
    void fillPythons(const HostReport& report, const QStringList& warnings);
    void fillTools(const HostReport& report);
    void setWarnings(const QStringList& warnings);
    void setProbing(bool probing);

    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancel = nullptr;
    QLabel* m_warnings = nullptr;
    QTreeWidget* m_tree = nullptr;
};

}  // namespace tb
