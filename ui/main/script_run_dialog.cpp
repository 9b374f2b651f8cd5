// ScriptRunDialog: the fields of a script run, the regex checked live, and the last values kept.
#include "script_run_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/protocol/stdout_metrics.h"
#include "core/runs/torchrun_command.h"
#include "ui/style/tone.h"

namespace tb {

namespace {

const QString kGroup = QStringLiteral("scriptRun/");

QString formatNumber(double value) {
    return QString::number(value, 'g', 8);
}

}  // namespace

QString describeRegexMatch(const QString& pattern, const QString& line) {
    if (pattern.isEmpty()) return {};
    auto metrics = StdoutMetrics::create(pattern.toStdString());
    if (!metrics) return QString::fromStdString(metrics.error());
    const auto record = metrics->matchLine(line.toStdString(), 0);
    if (!record) {
        return metrics->skippedValues() > 0
                   ? QObject::tr("no number: %1")
                         .arg(QString::fromStdString(metrics->firstSkipped()))
                   : QObject::tr("no match: this line gives no metrics");
    }
    QStringList parts{QStringLiteral("step %1").arg(record->step)};
    if (record->hasEpoch) parts.append(QStringLiteral("epoch %1").arg(record->epoch));
    for (const auto& [name, value] : record->values)
        parts.append(
            QStringLiteral("%1 %2").arg(QString::fromStdString(name), formatNumber(value)));
    return parts.join(QStringLiteral(" · "));
}

ScriptRunDialog::ScriptRunDialog(const QString& host, const QString& configPath,
                                 const QString& configText, QWidget* parent)
    : QDialog(parent), m_host(host), m_configPath(configPath), m_configText(configText) {
    setObjectName(QStringLiteral("scriptRunDialog"));
    setWindowTitle(tr("Run Script"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto edit = [&](const QString& name, const QString& placeholder) {
        auto* line = new QLineEdit(this);
        line->setObjectName(name);
        line->setPlaceholderText(placeholder);
        line->setFont(mono);
        return line;
    };
    m_command = edit(QStringLiteral("command"), QStringLiteral("python train.py --lr {optim.lr}"));
    m_workDir = edit(QStringLiteral("workDir"), tr("empty: the run's own directory"));
    m_envLine = edit(QStringLiteral("envLine"),
                     QStringLiteral("source /root/miniconda3/bin/activate myenv"));
    m_regex = edit(QStringLiteral("metricsRegex"), QStringLiteral(R"(loss=(?<train_loss>\S+))"));
    m_tensorboard = edit(QStringLiteral("tensorboardDir"), QStringLiteral("runs"));
    m_tensorboard->setToolTip(
        tr("Where the script's SummaryWriter writes, relative to the working dir (empty: runs, "
           "its default). Scalars of event files written there or in the run's folder become "
           "curves."));
    m_sample = edit(QStringLiteral("sampleLine"), tr("paste a line of the script's output"));
    m_regexStatus = new QLabel(this);
    m_regexStatus->setObjectName(QStringLiteral("regexStatus"));
    m_regexStatus->setWordWrap(true);
    m_sampleResult = new QLabel(this);
    m_sampleResult->setObjectName(QStringLiteral("sampleResult"));
    m_sampleResult->setWordWrap(true);
    m_sampleResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* commandNote = new QLabel(
        tr("Runs under the same wrapper as the built-in trainer (status, log, stop). {key.path} "
           "placeholders, e.g. {optim.lr} or {train.epochs}, are filled from the config."),
        this);
    commandNote->setWordWrap(true);
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setEnabled(host.isEmpty());
    browse->setToolTip(host.isEmpty() ? tr("Choose a folder on this machine")
                                      : tr("A folder on %1: type its path").arg(host));
    auto* workRow = new QHBoxLayout;
    workRow->addWidget(m_workDir, 1);
    workRow->addWidget(browse);
    m_useConfig = new QCheckBox(
        configPath.isEmpty()
            ? tr("Use the editor's config")
            : tr("Use the editor's config (%1)").arg(QFileInfo(configPath).fileName()),
        this);
    m_useConfig->setObjectName(QStringLiteral("useConfig"));
    m_useConfig->setEnabled(!configText.isEmpty() || !configPath.isEmpty());
    m_useConfig->setToolTip(tr("Unchecked: placeholders take the schema's defaults"));
    m_processes = new QSpinBox(this);
    m_processes->setObjectName(QStringLiteral("processes"));
    m_processes->setRange(1, 64);
    m_processes->setToolTip(
        tr("More than 1: the python script starts this many times, one per GPU, through the "
           "machine's torchrun (data-parallel); trainbench_log.py records rank 0 only"));
    m_processesStatus = new QLabel(this);
    m_processesStatus->setObjectName(QStringLiteral("processesStatus"));
    m_processesStatus->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Command:"), m_command);
    form->addRow(QString(), commandNote);
    form->addRow(tr("Working dir:"), workRow);
    if (!host.isEmpty()) addSyncRow(form);
    form->addRow(tr("Environment line:"), m_envLine);
    form->addRow(tr("Metrics regex:"), m_regex);
    form->addRow(QString(), m_regexStatus);
    form->addRow(tr("Test a line:"), m_sample);
    form->addRow(QString(), m_sampleResult);
    form->addRow(tr("TensorBoard dir:"), m_tensorboard);
    form->addRow(QString(), m_useConfig);
    form->addRow(tr("Processes per node:"), m_processes);
    form->addRow(QString(), m_processesStatus);
    form->addRow(tr("Runs on:"), new QLabel(host.isEmpty() ? tr("this machine") : host, this));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_run = buttons->button(QDialogButtonBox::Ok);
    m_run->setText(tr("&Run"));
    m_run->setObjectName(QStringLiteral("runButton"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    // Tall enough for the wrapped note at this width (sizeHint alone clips it).
    resize(720, qMax(sizeHint().height(), layout->heightForWidth(720)));
    restoreValues();
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!canRun()) return;
        saveValues();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ScriptRunDialog::browseWorkDir);
    for (QLineEdit* line : {m_command, m_regex, m_sample})
        connect(line, &QLineEdit::textChanged, this, &ScriptRunDialog::update);
    connect(m_processes, &QSpinBox::valueChanged, this, &ScriptRunDialog::update);
    update();
}

bool ScriptRunDialog::canRun() const {
    return !m_command->text().trimmed().isEmpty() && m_regexValid && m_processesValid &&
           syncProblem().isEmpty();
}

// "Sync this folder first: [local folder] [Browse…]": the folder is mirrored into the working
// dir on the host, which an empty working dir takes as ~/code/FOLDER.
void ScriptRunDialog::addSyncRow(QFormLayout* form) {
    m_sync = new QCheckBox(tr("Sync this folder first:"), this);
    m_sync->setObjectName(QStringLiteral("syncFirst"));
    m_sync->setToolTip(
        tr("Mirror a folder of this machine into the working dir on %1 before the run: only "
           "changed files travel; in a git work tree the files git keeps, else all but what "
           ".trainbenchignore leaves out. run.json records the commit and the files.")
            .arg(m_host));
    m_syncFolder = new QLineEdit(this);
    m_syncFolder->setObjectName(QStringLiteral("syncFolder"));
    m_syncFolder->setPlaceholderText(tr("a folder on this machine"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder to sync"), m_syncFolder->text());
        if (dir.isEmpty()) return;
        m_syncFolder->setText(dir);
        m_sync->setChecked(true);
    });
    m_syncStatus = new QLabel(this);
    m_syncStatus->setObjectName(QStringLiteral("syncStatus"));
    m_syncStatus->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_syncFolder, 1);
    row->addWidget(browse);
    form->addRow(m_sync, row);
    form->addRow(QString(), m_syncStatus);
    connect(m_sync, &QCheckBox::toggled, this, &ScriptRunDialog::update);
    connect(m_syncFolder, &QLineEdit::textChanged, this, &ScriptRunDialog::update);
    connect(m_workDir, &QLineEdit::textChanged, this, &ScriptRunDialog::update);
}

QString ScriptRunDialog::syncProblem() const {
    if (!m_sync || !m_sync->isChecked()) return {};
    const QString folder = m_syncFolder->text().trimmed();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        return tr("Choose a folder of this machine to sync");
    return {};
}

QString ScriptRunDialog::syncFolder() const {
    return m_sync && m_sync->isChecked() ? m_syncFolder->text().trimmed() : QString();
}

LaunchRequest ScriptRunDialog::request() const {
    LaunchRequest request;
    request.command = m_command->text().trimmed();
    request.workDir = m_workDir->text().trimmed();
    if (request.workDir.isEmpty() && !syncFolder().isEmpty())
        request.workDir = QStringLiteral("~/code/") + QFileInfo(syncFolder()).fileName();
    request.envLine = m_envLine->text().trimmed();
    request.metricsRegex = m_regex->text();
    request.tensorboardDir = m_tensorboard->text().trimmed();
    request.processes = m_processes->value();
    if (m_useConfig->isEnabled() && m_useConfig->isChecked()) {
        request.configPath = m_configPath;
        request.configText = m_configText;
    }
    return request;
}

void ScriptRunDialog::restoreValues() {
    QSettings settings;
    m_command->setText(settings.value(kGroup + "command").toString());
    m_workDir->setText(settings.value(kGroup + "workDir").toString());
    m_envLine->setText(settings.value(kGroup + "envLine").toString());
    m_regex->setText(settings.value(kGroup + "metricsRegex").toString());
    m_tensorboard->setText(settings.value(kGroup + "tensorboardDir").toString());
    m_useConfig->setChecked(settings.value(kGroup + "useConfig", true).toBool());
    m_processes->setValue(settings.value(kGroup + "processes", 1).toInt());
    if (m_sync) {
        m_syncFolder->setText(settings.value(kGroup + "syncFolder").toString());
        m_sync->setChecked(settings.value(kGroup + "sync", false).toBool());
    }
}

void ScriptRunDialog::saveValues() const {
    QSettings settings;
    settings.setValue(kGroup + "command", m_command->text());
    settings.setValue(kGroup + "workDir", m_workDir->text());
    settings.setValue(kGroup + "envLine", m_envLine->text());
    settings.setValue(kGroup + "metricsRegex", m_regex->text());
    settings.setValue(kGroup + "tensorboardDir", m_tensorboard->text());
    settings.setValue(kGroup + "useConfig", m_useConfig->isChecked());
    settings.setValue(kGroup + "processes", m_processes->value());
    if (m_sync) {
        settings.setValue(kGroup + "syncFolder", m_syncFolder->text());
        settings.setValue(kGroup + "sync", m_sync->isChecked());
    }
}

void ScriptRunDialog::browseWorkDir() {
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Working directory"), m_workDir->text());
    if (!dir.isEmpty()) m_workDir->setText(dir);
}

// The regex is compiled as the wrapper will compile it: an error disables Run and says where.
void ScriptRunDialog::update() {
    const QString pattern = m_regex->text();
    m_regexValid = true;
    if (pattern.isEmpty()) {
        theme::clearToneStyle(m_regexStatus);
        m_regexStatus->setText(
            tr("No regex: metrics come from trainbench_log.py (metrics.jsonl)."));
    } else if (auto metrics = StdoutMetrics::create(pattern.toStdString()); !metrics) {
        m_regexValid = false;
        theme::setTextTone(m_regexStatus, theme::Tone::Error);
        m_regexStatus->setText(QString::fromStdString(metrics.error()));
    } else {
        QStringList names;
        for (const NamedGroup& group : metrics->regex().groups)
            names.append(QString::fromStdString(group.name));
        theme::clearToneStyle(m_regexStatus);
        m_regexStatus->setText(
            tr("Every output line it matches becomes a point: %1").arg(names.join(", ")));
    }
    testSample();
    // torchrun starts a python script: a command it cannot start says so before Run.
    const auto launched = torchrunCommand(m_command->text().trimmed(), m_processes->value());
    m_processesValid = m_command->text().trimmed().isEmpty() || launched.ok();
    if (m_processesValid) {
        theme::clearToneStyle(m_processesStatus);
        m_processesStatus->setText(
            m_processes->value() > 1
                ? tr("Started %1 times through torchrun --standalone --nproc_per_node=%1.")
                      .arg(m_processes->value())
                : QString());
    } else {
        theme::setTextTone(m_processesStatus, theme::Tone::Error);
        m_processesStatus->setText(QString::fromStdString(launched.error()));
    }
    if (m_syncStatus) {
        m_workDir->setPlaceholderText(
            syncFolder().isEmpty()
                ? tr("empty: the run's own directory")
                : tr("empty: ~/code/%1").arg(QFileInfo(syncFolder()).fileName()));
        const QString problem = syncProblem();
        if (problem.isEmpty())
            theme::clearToneStyle(m_syncStatus);
        else
            theme::setTextTone(m_syncStatus, theme::Tone::Error);
        m_syncStatus->setText(!problem.isEmpty() ? problem
                              : syncFolder().isEmpty()
                                  ? QString()
                                  : tr("Mirrored into %1 on %2 before the run starts.")
                                        .arg(request().workDir, m_host));
    }
    m_run->setEnabled(canRun());
    m_run->setToolTip(canRun()                   ? QString()
                      : !syncProblem().isEmpty() ? syncProblem()
                      : !m_regexValid            ? tr("Fix the metrics regex first")
                      : !m_processesValid
                          ? tr("Write the command as python SCRIPT.py, or use 1 process")
                          : tr("Type the command to run"));
}

void ScriptRunDialog::testSample() {
    const bool show = m_regexValid && !m_regex->text().isEmpty() && !m_sample->text().isEmpty();
    m_sampleResult->setText(show ? describeRegexMatch(m_regex->text(), m_sample->text())
                                 : QString());
}

}  // namespace tb
