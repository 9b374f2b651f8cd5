#pragma once
// SweepDialog: "Run Sweep…" — what every trial starts from (the editor's config, a config file
// or a script command), the sweep YAML checked as it is typed (parseSweepText, then
// checkSweepRun against that base; each problem a clickable FILE:LINE:COL), the trial count,
// the target (this machine or a host) and its slots (CPU slots, or the target's GPUs K at a
// time). It only gathers: whoever opened it starts the sweep from setup().

#include <QDialog>
#include <QList>

#include "core/gpu/gpu_sample.h"
#include "core/services/sweep_launcher.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;
class QVBoxLayout;

namespace tb {

// Where a sweep may run and the GPUs known there (a host's from its last probe).
struct SweepDialogTarget {
    QString name;  // "local" or a stored host's name
    QList<GpuSample> gpus;
    bool probed = true;  // a host never probed: its GPUs are not known
};

class DiagnosticsList;
class YamlEditor;

class SweepDialog : public QDialog {
    Q_OBJECT

public:
    enum class Base { EditorConfig, ConfigFile, Script };

    // `editorConfigPath`/`editorConfigText`: the config open in the editor (unsaved edits
    // included). `targets`: where a sweep may run, "local" first.
    SweepDialog(const QString& editorConfigPath, const QString& editorConfigText,
                const QList<SweepDialogTarget>& targets, QWidget* parent = nullptr);

    // The base request and the slots; sweepPath is left to the caller, who writes sweepText()
    // to a file named sweepFileName() (the sweep's id is made from that name).
    SweepSetup setup() const;
    QString sweepText() const;
    QString sweepFileName() const;
    QString target() const;
    // "Shut the host down when the sweep ends": ticked, and the target is a host.
    bool shutdownWhenDone() const;
    bool canRun() const { return m_problem.isEmpty(); }
    QString problem() const { return m_problem; }  // why Run is disabled
    int trialCount() const { return m_trials; }

    YamlEditor* sweepEditor() const { return m_editor; }
    DiagnosticsList* diagnostics() const { return m_diagnostics; }
    QLabel* trialLabel() const { return m_trialLabel; }
    QPushButton* runButton() const { return m_run; }
    QRadioButton* baseChoice(Base base) const;
    QLineEdit* configFileEdit() const { return m_configFile; }
    QLineEdit* commandEdit() const { return m_command; }
    QSpinBox* cpuSlotsBox() const { return m_cpuSlots; }
    QSpinBox* perGpuBox() const { return m_perGpu; }
    QRadioButton* gpuChoice() const { return m_useGpus; }
    QList<QCheckBox*> gpuBoxes() const { return m_gpuBoxes; }
    QComboBox* targetBox() const { return m_target; }
    QCheckBox* shutdownBox() const { return m_shutdown; }

    // Checks the text now instead of after the typing pause.
    void validateNow();

private:
    QWidget* buildBase();
    QWidget* buildSweep();
    QWidget* buildSlots();
    void showTargetGpus();
    Base base() const;
    QStringList slotLines() const;
    void openSweepFile();
    void saveSweepFileAs();
    void saveValues() const;

    QString m_editorConfigPath;
    QString m_editorConfigText;
    QString m_sweepPath;  // the file opened or saved, "" for a new sweep
    QButtonGroup* m_bases = nullptr;
    QLineEdit* m_configFile = nullptr;
    QLineEdit* m_command = nullptr;
    QLineEdit* m_workDir = nullptr;
    QLineEdit* m_regex = nullptr;
    YamlEditor* m_editor = nullptr;
    DiagnosticsList* m_diagnostics = nullptr;
    QLabel* m_trialLabel = nullptr;
    QRadioButton* m_useCpu = nullptr;
    QRadioButton* m_useGpus = nullptr;
    QSpinBox* m_cpuSlots = nullptr;
    QSpinBox* m_perGpu = nullptr;
    QList<QCheckBox*> m_gpuBoxes;
    QVBoxLayout* m_gpuList = nullptr;
    QList<SweepDialogTarget> m_targets;
    QComboBox* m_target = nullptr;
    QCheckBox* m_shutdown = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_run = nullptr;
    QTimer* m_pause = nullptr;
    QString m_problem;
    int m_trials = 0;
};

}  // namespace tb
