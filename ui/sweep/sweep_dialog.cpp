// SweepDialog: its widgets and how they are laid out; the checks are in sweep_dialog_check.cpp.
#include "sweep_dialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include "sweep_check_view.h"
#include "sweep_text_pane.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

namespace tb {

namespace {

const QString kGroup = QStringLiteral("sweep/");

const char* const kTemplate =
    "# A sweep: each trial is the base with these keys set (docs/SWEEPS.md).\n"
    "method: grid          # grid | random | list\n"
    "metric: val/loss      # the metric that ranks the trials\n"
    "goal: min             # min | max\n"
    "parameters:\n"
    "  optim.lr: [0.01, 0.001, 0.0001]\n"
    "  optim.kind: [sgd, adam]\n";

}  // namespace

SweepDialog::SweepDialog(const QString& editorConfigPath, const QString& editorConfigText,
                         const QList<SweepDialogTarget>& targets, QWidget* parent)
    : QDialog(parent),
      m_editorConfigPath(editorConfigPath),
      m_editorConfigText(editorConfigText),
      m_targets(targets),
      m_pause(new QTimer(this)) {
    setObjectName(QStringLiteral("sweepDialog"));
    setWindowTitle(tr("Run Sweep"));
    setUpTypingPause(m_pause, [this] { validateNow(); });

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("sweepTarget"));
    for (const SweepDialogTarget& target : targets) {
        const bool here = target.name == QLatin1String("local");
        m_target->addItem(here ? tr("this machine") : target.name, target.name);
    }
    const int remembered = m_target->findData(QSettings().value(kGroup + "target").toString());
    if (remembered >= 0) m_target->setCurrentIndex(remembered);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);

    QDialogButtonBox* buttons =
        makeCheckedButtons(this, tr("&Run Sweep"), QStringLiteral("runSweepButton"), [this] {
            validateNow();
            if (!canRun()) return false;
            saveValues();
            return true;
        });
    m_run = buttons->button(QDialogButtonBox::Ok);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildBase());
    auto* targetRow = new QFormLayout;
    targetRow->addRow(tr("Runs on:"), m_target);
    m_shutdown = new QCheckBox(tr("Shut the host down when the sweep ends"), this);
    m_shutdown->setObjectName(QStringLiteral("shutdownAfterSweep"));
    m_shutdown->setToolTip(
        tr("Once the queue drains (or the sweep is cancelled) the host counts down and powers "
           "off, so it stops billing; Cancel shutdown in the status bar stops the countdown"));
    m_shutdown->setEnabled(target() != QLatin1String("local"));
    targetRow->addRow(QString(), m_shutdown);
    leftLayout->addLayout(targetRow);
    leftLayout->addWidget(buildSlots());  // after the target: its GPUs are the target's
    leftLayout->addStretch(1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(buildSweep());
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1000, 640);

    for (QLineEdit* line : {m_configFile, m_command})
        connect(line, &QLineEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    connect(m_bases, &QButtonGroup::idClicked, this, &SweepDialog::validateNow);
    connect(m_target, &QComboBox::currentIndexChanged, this, &SweepDialog::showTargetGpus);
    validateNow();
}

QRadioButton* SweepDialog::baseChoice(Base base) const {
    return qobject_cast<QRadioButton*>(m_bases->button(int(base)));
}

QWidget* SweepDialog::buildBase() {
    QSettings settings;
    auto* box = new QGroupBox(tr("Each trial starts from"), this);
    auto* form = new QFormLayout(box);
    m_bases = new QButtonGroup(this);
    const QString editorName =
        m_editorConfigPath.isEmpty()
            ? tr("the config in the editor")
            : tr("the config in the editor (%1)").arg(QFileInfo(m_editorConfigPath).fileName());
    auto* editor = new QRadioButton(editorName, box);
    auto* file = new QRadioButton(tr("a config file:"), box);
    auto* script = new QRadioButton(tr("a script command:"), box);
    editor->setObjectName(QStringLiteral("baseEditor"));
    file->setObjectName(QStringLiteral("baseFile"));
    script->setObjectName(QStringLiteral("baseScript"));
    m_bases->addButton(editor, int(Base::EditorConfig));
    m_bases->addButton(file, int(Base::ConfigFile));
    m_bases->addButton(script, int(Base::Script));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto edit = [&](const QString& name, const QString& placeholder, const QString& value) {
        auto* line = new QLineEdit(value, box);
        line->setObjectName(name);
        line->setPlaceholderText(placeholder);
        line->setFont(mono);
        return line;
    };
    m_configFile = edit(QStringLiteral("sweepConfigFile"), tr("path to a .yaml config"),
                        settings.value(kGroup + "configFile").toString());
    auto* browse = new QPushButton(tr("Browse…"), box);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Config for the sweep"), m_configFile->text(), tr("YAML (*.yaml *.yml)"));
        if (!path.isEmpty()) m_configFile->setText(path);
    });
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(m_configFile, 1);
    fileRow->addWidget(browse);
    // The last sweep's command, else the Script Run dialog's: the likeliest start.
    const auto remembered = [&settings](const QString& key) {
        return settings.value(kGroup + key, settings.value(QStringLiteral("scriptRun/") + key))
            .toString();
    };
    m_command = edit(QStringLiteral("sweepCommand"), QStringLiteral("python train.py --lr {lr}"),
                     remembered(QStringLiteral("command")));
    m_workDir = edit(QStringLiteral("sweepWorkDir"), tr("working dir (empty: the run's own)"),
                     remembered(QStringLiteral("workDir")));
    m_regex = edit(QStringLiteral("sweepRegex"), tr("metrics regex (optional)"),
                   remembered(QStringLiteral("metricsRegex")));
    form->addRow(editor);
    form->addRow(file);
    form->addRow(fileRow);
    form->addRow(script);
    form->addRow(m_command);
    form->addRow(m_workDir);
    form->addRow(m_regex);
    const int chosen = settings.value(kGroup + "base", int(Base::EditorConfig)).toInt();
    if (QAbstractButton* button = m_bases->button(chosen)) button->setChecked(true);
    if (m_editorConfigPath.isEmpty() && m_editorConfigText.isEmpty()) {
        editor->setEnabled(false);
        if (editor->isChecked()) file->setChecked(true);
    }
    return box;
}

QWidget* SweepDialog::buildSweep() {
    QSettings settings;
    auto* box = new QGroupBox(tr("Sweep"), this);
    auto* layout = new QVBoxLayout(box);
    const SweepTextPane pane =
        makeSweepTextPane(box, tr("No problems: the sweep is ready to run."));
    m_editor = pane.editor;
    m_diagnostics = pane.diagnostics;
    m_sweepPath = settings.value(kGroup + "path").toString();
    m_editor->setPlainText(
        settings.value(kGroup + "text", QString::fromUtf8(kTemplate)).toString());
    connect(m_editor, &QPlainTextEdit::textChanged, m_pause, qOverload<>(&QTimer::start));
    m_trialLabel = new QLabel(box);
    m_trialLabel->setObjectName(QStringLiteral("trialCount"));
    auto* open = new QPushButton(tr("Open…"), box);
    auto* save = new QPushButton(tr("Save As…"), box);
    connect(open, &QPushButton::clicked, this, &SweepDialog::openSweepFile);
    connect(save, &QPushButton::clicked, this, &SweepDialog::saveSweepFileAs);
    auto* row = new QHBoxLayout;
    row->addWidget(m_trialLabel, 1);
    row->addWidget(open);
    row->addWidget(save);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_diagnostics);
    layout->addLayout(row);
    return box;
}

QWidget* SweepDialog::buildSlots() {
    QSettings settings;
    auto* box = new QGroupBox(tr("Slots (trials at a time)"), this);
    auto* form = new QFormLayout(box);
    m_useCpu = new QRadioButton(tr("CPU slots:"), box);
    m_useCpu->setObjectName(QStringLiteral("useCpuSlots"));
    m_cpuSlots = new QSpinBox(box);
    m_cpuSlots->setObjectName(QStringLiteral("cpuSlots"));
    m_cpuSlots->setRange(1, 256);
    m_cpuSlots->setValue(
        settings.value(kGroup + "cpuSlots", qMax(1, QThread::idealThreadCount() / 2)).toInt());
    form->addRow(m_useCpu, m_cpuSlots);
    m_useGpus = new QRadioButton(box);
    m_useGpus->setObjectName(QStringLiteral("useGpus"));
    m_gpuList = new QVBoxLayout;
    form->addRow(m_useGpus, m_gpuList);
    m_perGpu = new QSpinBox(box);
    m_perGpu->setObjectName(QStringLiteral("perGpu"));
    m_perGpu->setRange(1, 64);
    m_perGpu->setValue(settings.value(kGroup + "perGpu", 1).toInt());
    m_perGpu->setToolTip(tr("Small models: several trials share one GPU"));
    form->addRow(tr("Trials per GPU:"), m_perGpu);
    showTargetGpus();
    for (QRadioButton* choice : {m_useCpu, m_useGpus})
        connect(choice, &QRadioButton::toggled, this, &SweepDialog::validateNow);
    for (QSpinBox* spin : {m_cpuSlots, m_perGpu})
        connect(spin, &QSpinBox::valueChanged, this, &SweepDialog::validateNow);
    return box;
}

// The chosen target's GPUs, each ticked; GPUs are the default wherever there are some.
void SweepDialog::showTargetGpus() {
    qDeleteAll(m_gpuBoxes);
    m_gpuBoxes.clear();
    const int index = m_target->currentIndex();
    const SweepDialogTarget target = index >= 0 ? m_targets.value(index) : SweepDialogTarget{};
    const bool here = target.name.isEmpty() || target.name == QLatin1String("local");
    for (const GpuSample& gpu : target.gpus) {
        auto* check = new QCheckBox(QStringLiteral("%1: %2").arg(gpu.index).arg(gpu.name),
                                    m_useGpus->parentWidget());
        check->setProperty("gpuIndex", gpu.index);
        check->setChecked(true);
        connect(check, &QCheckBox::toggled, this, &SweepDialog::validateNow);
        m_gpuList->addWidget(check);
        m_gpuBoxes << check;
    }
    m_useGpus->setToolTip(QString());
    if (!target.gpus.isEmpty()) {
        m_useGpus->setText(tr("GPUs:"));
    } else if (here) {
        m_useGpus->setText(tr("GPUs: none found on this machine"));
    } else if (target.probed) {
        m_useGpus->setText(tr("GPUs: none found on %1").arg(target.name));
    } else {
        m_useGpus->setText(tr("GPUs: %1 not probed yet").arg(target.name));
        m_useGpus->setToolTip(tr("Probe %1 in the Hosts dock to list its GPUs").arg(target.name));
    }
    m_useGpus->setEnabled(!target.gpus.isEmpty());
    (target.gpus.isEmpty() ? m_useCpu : m_useGpus)->setChecked(true);
    if (m_shutdown) {
        m_shutdown->setEnabled(!here);
        if (here) m_shutdown->setChecked(false);
    }
    if (m_diagnostics) validateNow();
}

}  // namespace tb
