// PrepareHostDialog: drives one HostPreparer on the host's shared connection and shows it.

#include "prepare_host_dialog.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "remote/hosts/host_draft.h"
#include "remote/hosts/hosts_controller.h"
#include "remote/prepare/prepare_host_box.h"
#include "ui/style/tone.h"

namespace tb {

namespace {

constexpr int kConnectRow = 0;
constexpr int kLogLines = 20000;

QString stepTitle(int row) {
    static const char* const titles[] = {"connect", "detect tools", "install tools", "check cache",
                                         "upload",  "build",        "verify"};
    return QString::fromLatin1(titles[row]);
}

}  // namespace

PrepareHostDialog::PrepareHostDialog(HostsController* hosts, QString hostName, QWidget* parent)
    : QDialog(parent), m_hosts(hosts), m_hostName(std::move(hostName)) {
    setObjectName(QStringLiteral("prepareHostDialog"));
    setWindowTitle(tr("Prepare host %1").arg(m_hostName));
    resize(760, 560);
    auto* intro = new QLabel(tr("Builds trainbench-train on %1 against the box's own LibTorch, "
                                "once per source set and torch version; later launches use the "
                                "cached build.")
                                 .arg(m_hostName),
                             this);
    intro->setWordWrap(true);

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("prepareSteps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("Detail")});
    m_steps->setRootIsDecorated(false);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int row = 0; row <= int(PrepareStep::Verify) + 1; ++row)
        new QTreeWidgetItem(m_steps, {stepTitle(row), tr("waiting")});
    m_steps->setMaximumHeight(m_steps->sizeHintForRow(0) * 8 + 8);

    m_log = new QPlainTextEdit(this);
    m_log->setObjectName(QStringLiteral("prepareLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("prepareMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_installCommand = new QLabel(this);
    m_installCommand->setObjectName(QStringLiteral("installCommand"));
    m_installCommand->setTextFormat(Qt::PlainText);
    m_installCommand->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_installCommand->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_install = new QPushButton(tr("&Install"), this);
    m_install->setObjectName(QStringLiteral("installButton"));
    m_install->setToolTip(tr("Runs this command on the host, shows its log, then prepares again"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));

    auto* installRow = new QHBoxLayout;
    installRow->addWidget(m_installCommand, 1);
    installRow->addWidget(m_install);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_steps);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_message);
    layout->addLayout(installRow);
    layout->addLayout(buttons);
    m_message->hide();
    m_installCommand->hide();
    m_install->hide();

    connect(m_install, &QPushButton::clicked, this, [this] { runPreparer(true); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_preparer && m_preparer->isBusy() && m_connection) return m_preparer->cancel();
        if (m_waitingForConnect)
            return finish(false, tr("preparing %1 was cancelled").arg(m_hostName));
        reject();
    });
    connect(m_hosts, &HostsController::hostUpdated, this, &PrepareHostDialog::onHostUpdated);
    connect(m_hosts, &HostsController::failed, this,
            [this](const QString& name, const QString& why) {
                if (name == m_hostName && m_waitingForConnect) finish(false, why);
            });
}

// A dialog closed mid-build stops the remote build too.
PrepareHostDialog::~PrepareHostDialog() {
    if (m_preparer && m_preparer->isBusy() && m_connection) m_preparer->cancel();
}

bool PrepareHostDialog::isRunning() const {
    return m_waitingForConnect || (m_preparer && m_preparer->isBusy());
}

QString PrepareHostDialog::resultMessage() const {
    return m_message->text();
}

QString PrepareHostDialog::stepState(PrepareStep step) const {
    QTreeWidgetItem* item = itemFor(step);
    return item ? item->text(1) : QString();
}

QTreeWidgetItem* PrepareHostDialog::itemFor(PrepareStep step) const {
    if (step == PrepareStep::Done) return nullptr;
    return m_steps->topLevelItem(int(step) + 1);
}

void PrepareHostDialog::start() {
    m_connection = m_hosts->connection(m_hostName);
    if (!m_connection)
        return finish(false, tr("no host named %1 in the hosts list").arg(m_hostName));
    m_ended = false;
    m_succeeded = false;
    m_cancel->setText(tr("Cancel"));
    QTreeWidgetItem* connectItem = m_steps->topLevelItem(kConnectRow);
    if (m_hosts->state(m_hostName) == ConnectionState::Connected) {
        setState(connectItem, tr("done"));
        connectItem->setText(2, hostAddress(m_connection->target()));
        return runPreparer(false);
    }
    m_waitingForConnect = true;
    m_current = connectItem;
    setState(connectItem, tr("running"));
    connectItem->setText(2, tr("connecting to %1").arg(hostAddress(m_connection->target())));
    appendLog(tr("== connect: %1").arg(hostAddress(m_connection->target())));
    m_hosts->connectHost(m_hostName);
}

void PrepareHostDialog::onHostUpdated(const QString& name) {
    if (name != m_hostName || !m_waitingForConnect) return;
    const ConnectionState state = m_hosts->state(name);
    if (state == ConnectionState::Connected) {
        m_waitingForConnect = false;
        setState(m_steps->topLevelItem(kConnectRow), tr("done"));
        runPreparer(false);
    } else if (state == ConnectionState::Offline) {
        const QString why = m_hosts->stateMessage(name);
        finish(false, why.isEmpty() ? tr("%1 is offline").arg(name) : why);
    }
}

void PrepareHostDialog::runPreparer(bool installTools) {
    if (!m_connection) return finish(false, tr("the connection to %1 is gone").arg(m_hostName));
    if (!m_preparer) {
        m_preparer = new HostPreparer(m_connection->session(), m_hostName,
                                      hostAddress(m_connection->target()), this);
        connect(m_preparer, &HostPreparer::stepChanged, this, &PrepareHostDialog::onStepChanged);
        connect(m_preparer, &HostPreparer::progress, this, &PrepareHostDialog::appendLog);
        connect(m_preparer, &HostPreparer::finished, this, &PrepareHostDialog::onFinished);
        connect(m_connection, &QObject::destroyed, this, &PrepareHostDialog::onConnectionGone);
    }
    for (int step = int(PrepareStep::Detect); step < int(PrepareStep::Done); ++step)
        setState(itemFor(PrepareStep(step)), tr("waiting"));
    m_ended = false;
    m_message->hide();
    m_installCommand->hide();
    m_install->hide();
    m_cancel->setText(tr("Cancel"));
    PrepareOptions options = m_options;
    options.installTools = options.installTools || installTools;
    if (options.python.isEmpty()) {
        if (const RemoteHost* host = m_hosts->host(m_hostName)) options.python = host->python;
    }
    m_preparer->prepare(options);
}

// The host was removed or its address changed: its session is gone, so the preparer (whose
// build log polls would use it) goes at once; a build already started stays on the box.
void PrepareHostDialog::onConnectionGone() {
    const bool busy = m_preparer && m_preparer->isBusy();
    delete m_preparer;
    m_preparer = nullptr;
    if (busy)
        finish(false, tr("%1 was removed or its address changed while it was being prepared; "
                         "prepare it again")
                          .arg(m_hostName));
}

void PrepareHostDialog::onStepChanged(PrepareStep step, const QString& text) {
    if (m_current && m_current->text(1) == tr("running")) setState(m_current, tr("done"));
    appendLog(QStringLiteral("== %1: %2").arg(prepareStepName(step), text));
    m_current = itemFor(step);
    if (!m_current) return;
    setState(m_current, tr("running"));
    m_current->setText(2, text);
    m_current->setToolTip(2, text);
}

void PrepareHostDialog::onFinished(const PrepareResult& result) {
    if (!result.ok()) {
        if (m_current)
            setState(m_current,
                     result.failure == SshFailure::Cancelled ? tr("cancelled") : tr("failed"));
        finish(false, result.message);
        showInstallOffer();
        return;
    }
    for (int step = int(PrepareStep::Detect); step < int(PrepareStep::Done); ++step) {
        QTreeWidgetItem* item = itemFor(PrepareStep(step));
        if (item->text(1) == tr("waiting")) setState(item, tr("skipped"));
    }
    keepTrainerPath(result.trainerPath);
}

// The same as `trainbench prepare` does: the host's trainer path, for every later launch.
void PrepareHostDialog::keepTrainerPath(const QString& trainerPath) {
    const RemoteHost* stored = m_hosts->host(m_hostName);
    if (!stored) return finish(false, tr("%1 was removed from the hosts list").arg(m_hostName));
    if (stored->trainerPath != trainerPath) {
        HostDraft draft;
        draft.host = *stored;
        draft.host.trainerPath = trainerPath;
        if (const Result<void> saved = m_hosts->updateHost(draft); !saved) {
            return finish(false, tr("built %1, but cannot keep its path in %2: %3")
                                     .arg(trainerPath, m_hosts->hostsFile(),
                                          QString::fromStdString(saved.error())));
        }
    }
    finish(true, tr("%1 is ready: %2").arg(m_hostName, trainerPath));
}

void PrepareHostDialog::finish(bool ok, const QString& message) {
    m_waitingForConnect = false;
    if (m_current && m_current->text(1) == tr("running")) setState(m_current, tr("failed"));
    m_succeeded = ok;
    m_ended = true;
    m_message->setText(message);
    if (ok)
        theme::clearToneStyle(m_message);
    else
        theme::setTextTone(m_message, theme::Tone::Error);
    m_message->show();
    m_cancel->setText(tr("Close"));
    appendLog(ok ? message : tr("failed: %1").arg(message));
    Q_EMIT preparedHost(ok, m_hostName, message);
    if (ok && m_autoCloseMs >= 0)
        QTimer::singleShot(m_autoCloseMs, this, [this] {
            if (m_succeeded && isVisible()) accept();
        });
}

// Missing cmake / g++ / make that this box's package manager can install: the command and a
// button that runs it (as root, or through sudo that asks for no password).
void PrepareHostDialog::showInstallOffer() {
    if (!m_preparer) return;
    const BoxToolchain& box = m_preparer->box();
    const QString command = installToolsCommand(box);
    if (box.missingTools().isEmpty() || command.isEmpty() || (box.uid != 0 && !box.hasSudo)) return;
    m_installCommand->setText(command);
    m_installCommand->show();
    m_install->show();
}

void PrepareHostDialog::setState(QTreeWidgetItem* item, const QString& state) {
    if (!item) return;
    item->setText(1, state);
    const bool bad = state == tr("failed") || state == tr("cancelled");
    item->setForeground(1, bad ? QBrush(theme::color(theme::Tone::Error, palette())) : QBrush());
}

// Follows the end while the view is at the end; a user scrolled up keeps their place.
void PrepareHostDialog::appendLog(const QString& line) {
    QScrollBar* bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_log->appendPlainText(line);
    if (atEnd) bar->setValue(bar->maximum());
}

}  // namespace tb
