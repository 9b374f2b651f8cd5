// HostsPanel: builds the table, the toolbar and the report below it, and keeps them in step.

#include "hosts_panel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include "host_report_panel.h"
#include "hosts_table_model.h"
#include "prepare_host_dialog.h"
#include "remote/hosts/host_draft.h"
#include "remote/hosts/hosts_controller.h"
#include "ui/style/tone.h"

namespace tb {

HostsPanel::HostsPanel(HostsController* controller, QString sshConfigFile, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_sshConfigFile(std::move(sshConfigFile)),
      m_model(new HostsTableModel(controller, this)),
      m_view(new QTableView(this)),
      m_report(new HostReportPanel(this)),
      m_message(new QLabel(this)) {
    setObjectName(QStringLiteral("HostsPanel"));
    m_view->setObjectName(QStringLiteral("hostsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(HostsTableModel::Gpus, QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->setToolTip(tr("Double-click a host to edit it"));
    m_message->setObjectName(QStringLiteral("hostsMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->setIconSize(QSize(16, 16));
    createActions();
    toolbar->addActions({m_add, m_edit, m_remove});
    toolbar->addSeparator();
    toolbar->addActions({m_connect, m_disconnect, m_probe, m_prepare});
    createTransferActions();
    toolbar->addSeparator();
    toolbar->addActions({m_upload, m_download});

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_report);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(toolbar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    // A host added, edited or removed resets the model: the selection stays on its host.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_selectedBeforeReset = currentHost(); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { selectHost(m_selectedBeforeReset); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_message->hide();
        updateActions();
        showCurrentReport();
    });
    connect(m_view, &QTableView::doubleClicked, this, &HostsPanel::editHost);
    connect(m_report, &HostReportPanel::cancelRequested, this,
            [this] { m_controller->cancelProbe(currentHost()); });
    connectController();
    updateActions();
}

void HostsPanel::createActions() {
    const auto action = [this](const QString& text, QStyle::StandardPixmap icon,
                               const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(style()->standardIcon(icon), text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(a);
        m_view->addAction(a);
        return a;
    };
    m_add = action(tr("&Add…"), QStyle::SP_FileDialogNewFolder, QKeySequence::New,
                   tr("Add a host from an ssh command, ~/.ssh/config or by hand"));
    m_edit = action(tr("&Edit…"), QStyle::SP_FileDialogDetailedView, Qt::Key_F2,
                    tr("Edit the selected host"));
    m_remove = action(tr("&Remove"), QStyle::SP_TrashIcon, QKeySequence::Delete,
                      tr("Remove the selected host (asks first)"));
    m_connect = action(tr("&Connect"), QStyle::SP_MediaPlay, Qt::CTRL | Qt::Key_Return,
                       tr("Connect to the selected host"));
    m_disconnect =
        action(tr("&Disconnect"), QStyle::SP_MediaStop, Qt::CTRL | Qt::SHIFT | Qt::Key_Return,
               tr("Disconnect from the selected host"));
    m_probe = action(tr("&Probe"), QStyle::SP_BrowserReload, Qt::CTRL | Qt::Key_P,
                     tr("Ask the host what it offers: GPUs, disks, Python and torch"));
    m_prepare = action(tr("P&repare host…"), QStyle::SP_DriveHDIcon, Qt::CTRL | Qt::Key_B,
                       tr("Build trainbench-train on the host (once; later runs use the cache)"));
    connect(m_prepare, &QAction::triggered, this, &HostsPanel::prepareHost);
    connect(m_add, &QAction::triggered, this, &HostsPanel::addHost);
    connect(m_edit, &QAction::triggered, this, &HostsPanel::editHost);
    connect(m_remove, &QAction::triggered, this, &HostsPanel::confirmRemove);
    connect(m_connect, &QAction::triggered, this, [this] {
        m_message->hide();
        m_controller->connectHost(currentHost());
    });
    connect(m_disconnect, &QAction::triggered, this,
            [this] { m_controller->disconnectHost(currentHost()); });
    connect(m_probe, &QAction::triggered, this, [this] {
        m_message->hide();
        m_controller->probe(currentHost());
    });
}

void HostsPanel::connectController() {
    connect(m_controller, &HostsController::hostsChanged, this, [this] {
        updateActions();
        showCurrentReport();
    });
    connect(m_controller, &HostsController::hostUpdated, this, [this](const QString& name) {
        if (name == currentHost()) updateActions();
    });
    connect(m_controller, &HostsController::probeStarted, this, [this](const QString& name) {
        if (name == currentHost()) m_report->showProbing(name);
    });
    connect(m_controller, &HostsController::probeFinished, this, &HostsPanel::onProbeFinished);
    connect(m_controller, &HostsController::hostKeyUnknown, this, &HostsPanel::askToTrust);
    connect(m_controller, &HostsController::hostKeyChanged, this,
            [this](const QString& name, const QString& fingerprint, const QString& message) {
                showMessage(message, true);
                explainChangedKey(name, fingerprint);
            });
    connect(
        m_controller, &HostsController::passwordNeeded, this,
        [this](const QString& name, const QString& message) { askSecret(name, message, false); });
    connect(
        m_controller, &HostsController::passphraseNeeded, this,
        [this](const QString& name, const QString& message) { askSecret(name, message, true); });
    connect(m_controller, &HostsController::failed, this,
            [this](const QString&, const QString& message) { showMessage(message, true); });
}

QString HostsPanel::currentHost() const {
    return m_model->hostNameAt(m_view->currentIndex().row());
}

void HostsPanel::selectHost(const QString& name) {
    const int row = m_model->rowOf(name);
    if (row >= 0) m_view->selectRow(row);
}

void HostsPanel::updateActions() {
    const QString name = currentHost();
    const bool any = !name.isEmpty();
    const ConnectionState state = m_controller->state(name);
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
    m_connect->setEnabled(any && state == ConnectionState::Offline);
    m_disconnect->setEnabled(any && state != ConnectionState::Offline);
    m_probe->setEnabled(any && !m_controller->isProbing(name));
    m_prepare->setEnabled(any);
    m_upload->setEnabled(any && state == ConnectionState::Connected);
    m_download->setEnabled(any && state == ConnectionState::Connected);
}

void HostsPanel::showCurrentReport() {
    const QString name = currentHost();
    if (name.isEmpty()) return m_report->showNothing();
    if (m_controller->isProbing(name)) return m_report->showProbing(name);
    if (const HostReport* report = m_controller->report(name))
        return m_report->showReport(name, *report, m_controller->reportTime(name));
    m_report->showNothing(name);
}

void HostsPanel::onProbeFinished(const QString& name, const ProbeResult& result) {
    if (name == currentHost()) {
        updateActions();
        showCurrentReport();  // the new report, or the previous one when this probe failed
        if (result.failure == SshFailure::Cancelled)
            m_report->showStopped(tr("Probe of %1 cancelled.").arg(name));
        else if (!result.ok())
            m_report->showStopped(tr("Probing %1 failed: %2").arg(name, result.message));
    }
    if (!result.ok() && result.failure != SshFailure::Cancelled) showMessage(result.message, true);
    Q_EMIT statusMessage(result.ok() ? tr("Probed %1").arg(name)
                                     : tr("Probe of %1: %2").arg(name, result.message));
}

void HostsPanel::prepareHost() {
    const QString name = currentHost();
    if (name.isEmpty()) return;
    auto* dialog = new PrepareHostDialog(m_controller, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &PrepareHostDialog::preparedHost, this,
        [this](bool, const QString&, const QString& message) { Q_EMIT statusMessage(message); });
    dialog->show();
    dialog->start();
}

void HostsPanel::showMessage(const QString& message, bool error) {
    m_message->setText(message);
    if (error)
        theme::setTextTone(m_message, theme::Tone::Error);
    else
        theme::clearToneStyle(m_message);
    m_message->setVisible(!message.isEmpty());
    if (!message.isEmpty()) Q_EMIT statusMessage(message);
}

}  // namespace tb
