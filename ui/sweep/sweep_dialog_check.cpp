// SweepDialog: the sweep checked against its base as typed, what Run starts, the sweep file.
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>

#include "core/sweep/sweep_expand.h"
#include "core/sweep/sweep_run_check.h"
#include "sweep_check_view.h"
#include "sweep_dialog.h"
#include "sweep_text_pane.h"
#include "ui/config/diagnostics_list.h"
#include "ui/config/yaml_editor.h"

namespace tb {

namespace {

const QString kGroup = QStringLiteral("sweep/");

}  // namespace

SweepDialog::Base SweepDialog::base() const {
    return Base(m_bases->checkedId());
}

QString SweepDialog::sweepText() const {
    return m_editor->toPlainText();
}

QString SweepDialog::sweepFileName() const {
    return m_sweepPath.isEmpty() ? QStringLiteral("sweep.yaml") : QFileInfo(m_sweepPath).fileName();
}

QString SweepDialog::target() const {
    return m_target->currentData().toString();
}

bool SweepDialog::shutdownWhenDone() const {
    return m_shutdown->isEnabled() && m_shutdown->isChecked();
}

QStringList SweepDialog::slotLines() const {
    if (!m_useGpus->isChecked()) return sweepSlots({}, m_cpuSlots->value(), 1);
    QStringList gpus;
    for (QCheckBox* check : m_gpuBoxes)
        if (check->isChecked()) gpus << QString::number(check->property("gpuIndex").toInt());
    return gpus.isEmpty() ? QStringList() : sweepSlots(gpus, 1, m_perGpu->value());
}

SweepSetup SweepDialog::setup() const {
    SweepSetup setup;
    setup.slots = slotLines();
    switch (base()) {
        case Base::EditorConfig:
            setup.base.configPath = m_editorConfigPath;
            setup.base.configText = m_editorConfigText;
            break;
        case Base::ConfigFile:
            setup.base.configPath = QFileInfo(m_configFile->text().trimmed()).absoluteFilePath();
            break;
        case Base::Script:
            setup.base.command = m_command->text().trimmed();
            setup.base.workDir = m_workDir->text().trimmed();
            setup.base.metricsRegex = m_regex->text();
            break;
    }
    return setup;
}

// Diagnostics first (they name the line), then what the base and the slots lack.
void SweepDialog::validateNow() {
    m_pause->stop();
    const std::string fileName = sweepFileName().toStdString();
    LoadedSweep loaded = parseSweepText(sweepText().toStdString(), fileName);
    std::vector<Diagnostic> problems = loaded.diagnostics;
    const bool script = base() == Base::Script;
    if (loaded.ok()) {
        const SweepRun run{script ? m_command->text().trimmed().toStdString() : std::string()};
        problems = checkSweepRun(loaded.spec, run);
    }
    m_trials = loaded.ok() ? sweepSize(loaded.spec) : 0;
    showSweepProblems({m_editor, m_diagnostics}, problems);
    m_trialLabel->setText(loaded.ok() ? tr("Trials: %1").arg(m_trials)
                                      : tr("Trials: none until the problems are fixed"));

    const QStringList slots = slotLines();
    if (!problems.empty()) {
        m_problem = tr("Fix the sweep's problems first: they are listed under its text");
    } else if (m_trials < 1) {
        m_problem = tr("The sweep has no trials");
    } else if (base() == Base::ConfigFile && !QFileInfo(m_configFile->text().trimmed()).isFile()) {
        m_problem = tr("Choose the config file every trial starts from");
    } else if (script && m_command->text().trimmed().isEmpty()) {
        m_problem = tr("Type the command every trial runs");
    } else if (slots.isEmpty()) {
        m_problem = tr("Tick at least one GPU, or use CPU slots");
    } else {
        m_problem.clear();
    }
    showCheckOutcome(m_status, m_run, m_problem,
                     tr("Trials: %1, run %2 at a time").arg(m_trials).arg(slots.size()));
}

void SweepDialog::openSweepFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open sweep"), m_sweepPath,
                                                      tr("Sweep files (*.yaml *.yml)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Cannot open"),
                             tr("Cannot read %1: %2").arg(path, file.errorString()));
        return;
    }
    m_sweepPath = path;
    m_editor->setPlainText(QString::fromUtf8(file.read(kMaxSweepBytes + 1)));
    validateNow();
}

void SweepDialog::saveSweepFileAs() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save sweep"), m_sweepPath,
                                                      tr("Sweep files (*.yaml *.yml)"));
    if (path.isEmpty()) return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sweepText().toUtf8()) < 0) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    m_sweepPath = path;
    validateNow();  // the diagnostics name the file
}

void SweepDialog::saveValues() const {
    QSettings settings;
    settings.setValue(kGroup + "text", sweepText());
    settings.setValue(kGroup + "path", m_sweepPath);
    settings.setValue(kGroup + "base", int(base()));
    settings.setValue(kGroup + "configFile", m_configFile->text());
    settings.setValue(kGroup + "command", m_command->text());
    settings.setValue(kGroup + "workDir", m_workDir->text());
    settings.setValue(kGroup + "metricsRegex", m_regex->text());
    settings.setValue(kGroup + "cpuSlots", m_cpuSlots->value());
    settings.setValue(kGroup + "perGpu", m_perGpu->value());
    settings.setValue(kGroup + "target", target());
}

}  // namespace tb
