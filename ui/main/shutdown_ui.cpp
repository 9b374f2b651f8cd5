// Shutdown and cost in the window: which signal feeds what, and the run menu's two actions.
#include "shutdown_ui.h"

#include <QCheckBox>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

#include "core/runs/run_catalog.h"
#include "remote/hosts/cost_meter.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/runs/shutdown_watch.h"
#include "run_controller.h"
#include "run_target_box.h"
#include "runs_panel.h"
#include "runs_table_model.h"
#include "shutdown_banner.h"
#include "ui/hosts/hosts_panel.h"
#include "ui/hosts/hosts_table_model.h"

namespace tb {
namespace {

// Asks first: the host's command powers the box off, which ends every run on it.
void confirmArm(ShutdownWatch* watch, HostsController* hosts, QWidget* parent, const QString& runId,
                const QString& hostName) {
    const RemoteHost* host = hosts->host(hostName);
    if (!host) return;
    auto* box = new QMessageBox(
        QMessageBox::Question, QObject::tr("Shut down %1").arg(hostName),
        QObject::tr("When %1 ends (any final state), %2 counts %3 down and then runs `%4`.")
            .arg(runId, hostName, formatUptime(watch->delaySeconds()), host->shutdownCommand),
        QMessageBox::Cancel, parent);
    box->setObjectName("confirmShutdown");
    box->setInformativeText(QObject::tr(
        "Other runs on the host stop with it. You can cancel from here until then, or on the box "
        "with `touch RUN_DIR/shutdown.cancel`."));
    QPushButton* arm = box->addButton(QObject::tr("&Arm shutdown"), QMessageBox::AcceptRole);
    arm->setObjectName("armShutdownButton");
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, watch,
                     [watch, arm, runId](QAbstractButton* clicked) {
                         if (clicked == arm) watch->arm(runId);
                     });
    box->open();
}

// Only runs on a host get the actions: this machine is never shut down.
void addMenuActions(ShutdownWatch* watch, const ShutdownUiParts& parts, QMenu* menu,
                    const QString& runId) {
    const RunInfo* run = parts.catalog->find(runId);
    if (!run || parts.catalog->hostOf(*run).isEmpty()) return;
    menu->addSeparator();
    if (watch->isPending(runId)) {
        QAction* cancel = menu->addAction(QObject::tr("Cancel shutdown"), watch,
                                          [watch, runId] { watch->cancel(runId); });
        cancel->setObjectName("cancelShutdownAction");
        cancel->setEnabled(!watch->isCancelling(runId));
        return;
    }
    QAction* arm = menu->addAction(QObject::tr("Shut down host when this run ends…"));
    arm->setObjectName("armShutdownAction");
    QObject::connect(arm, &QAction::triggered, watch, [watch, parts, runId, host = run->target] {
        confirmArm(watch, parts.hosts, parts.runsPanel, runId, host);
    });
}

}  // namespace

ShutdownBanner* connectShutdownWatch(ShutdownWatch* watch, const ShutdownUiParts& parts) {
    HostsController* hosts = parts.hosts;
    if (RunsTableModel* model = parts.runsPanel->model()) {
        model->setHostPrice([hosts](const QString& name) {
            const RemoteHost* host = hosts->host(name);
            return host ? host->pricePerHour : 0.0;
        });
        model->setShutdownNotes([watch](const QString& runId) {
            return RunsTableModel::ShutdownNote{watch->text(runId), watch->toolTip(runId),
                                                watch->isPending(runId)};
        });
        QObject::connect(watch, &ShutdownWatch::changed, model,
                         &RunsTableModel::shutdownNotesChanged);
    }
    HostsTableModel* hostsModel = parts.hostsPanel->model();
    hostsModel->setShutdownNotes([watch](const QString& host) { return watch->hostText(host); });
    QObject::connect(watch, &ShutdownWatch::changed, hostsModel,
                     &HostsTableModel::shutdownNotesChanged);

    RunTargetBox* target = parts.targetBox;
    QObject::connect(
        parts.controller, &RunController::launched, watch, [watch, target](const QString& runId) {
            if (!target->shutdownWhenRunEnds()) return;
            watch->armWhenListed(runId);
            target->shutdownCheck()->setChecked(false);  // one run's choice, not a standing order
        });
    QObject::connect(parts.runsPanel, &RunsPanel::selectionChanged, watch,
                     [watch, panel = parts.runsPanel] { watch->lookAt(panel->currentRunId()); });
    QObject::connect(parts.runsPanel, &RunsPanel::contextMenuAboutToShow, watch,
                     [watch, parts](QMenu* menu, const QString& runId) {
                         addMenuActions(watch, parts, menu, runId);
                     });

    auto* banner = new ShutdownBanner(watch, parts.statusBar);
    parts.statusBar->addPermanentWidget(banner);
    QObject::connect(
        watch, &ShutdownWatch::failed, parts.statusBar,
        [bar = parts.statusBar](const QString& message) { bar->showMessage(message, 15000); });
    QObject::connect(
        watch, &ShutdownWatch::statusMessage, parts.statusBar,
        [bar = parts.statusBar](const QString& message) { bar->showMessage(message, 8000); });
    return banner;
}

}  // namespace tb
