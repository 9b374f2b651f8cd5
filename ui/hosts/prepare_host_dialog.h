#pragma once
// PrepareHostDialog: "Prepare host" as the user sees it — the steps with their state, the build
// log as it streams, Cancel, and for a box without cmake / g++ the exact install command with
// an Install button. On success the host's trainer path is stored, as `trainbench prepare` does.

#include <QDialog>
#include <QPointer>

#include "remote/prepare/prepare_host.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace tb {

class HostConnection;
class HostsController;

class PrepareHostDialog : public QDialog {
    Q_OBJECT

public:
    PrepareHostDialog(HostsController* hosts, QString hostName, QWidget* parent = nullptr);
    ~PrepareHostDialog() override;

    // Where to cache, which sources, which tools: tests point these at a tiny tree.
    void setOptions(const PrepareOptions& options) { m_options = options; }
    // Closes by itself this long after a success; negative: stays open.
    void setAutoCloseMs(int ms) { m_autoCloseMs = ms; }
    // Connects the host first when needed, then runs the steps.
    void start();

    bool isRunning() const;
    bool succeeded() const { return m_succeeded; }
    QString hostName() const { return m_hostName; }
    QString resultMessage() const;
    QString stepState(PrepareStep step) const;  // "waiting", "running", "done", "failed", ...

    QTreeWidget* stepsView() const { return m_steps; }
    QPlainTextEdit* logView() const { return m_log; }
    QLabel* installCommandLabel() const { return m_installCommand; }
    QPushButton* installButton() const { return m_install; }
    QPushButton* cancelButton() const { return m_cancel; }

Q_SIGNALS:
    // Once per start(): ok with the stored trainer path, or the message saying why not.
    void preparedHost(bool ok, const QString& hostName, const QString& message);

private:
    void onHostUpdated(const QString& name);
    void runPreparer(bool installTools);
    void onConnectionGone();
    void onStepChanged(PrepareStep step, const QString& text);
    void onFinished(const PrepareResult& result);
    void keepTrainerPath(const QString& trainerPath);
    void finish(bool ok, const QString& message);
    void showInstallOffer();
    void setState(QTreeWidgetItem* item, const QString& state);
    QTreeWidgetItem* itemFor(PrepareStep step) const;
    void appendLog(const QString& line);

    HostsController* m_hosts;
    QString m_hostName;
    PrepareOptions m_options;
    QPointer<HostConnection> m_connection;
    HostPreparer* m_preparer = nullptr;
    QTreeWidgetItem* m_current = nullptr;  // the running step
    QTreeWidget* m_steps = nullptr;
    QPlainTextEdit* m_log = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_installCommand = nullptr;
    QPushButton* m_install = nullptr;
    QPushButton* m_cancel = nullptr;
    int m_autoCloseMs = 1200;
    bool m_waitingForConnect = false;
    bool m_succeeded = false;
    bool m_ended = false;
};

}  // namespace tb
