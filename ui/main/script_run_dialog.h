#pragma once
// ScriptRunDialog: "Run Script…" — the user's own command instead of the built-in trainer, with
// its working dir, environment line, metrics regex (checked as typed, with a sample-line
// tester) and processes per node (more than 1: started through torchrun); on a host, a local
// code folder to sync into the working dir first. The last values are remembered; the target
// is the toolbar's "Run on" choice.

#include <QDialog>

#include "core/runs/backend.h"

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace tb {

class ScriptRunDialog : public QDialog {
    Q_OBJECT

public:
    // host: where it runs (empty: this machine). configPath/configText: the editor's config,
    // offered for the command's {key.path} placeholders.
    ScriptRunDialog(const QString& host, const QString& configPath, const QString& configText,
                    QWidget* parent = nullptr);

    // What Run launches; the values are remembered when it is built.
    LaunchRequest request() const;
    QString host() const { return m_host; }
    bool canRun() const;
    // The local code folder to mirror into the working dir on the host before the run
    // ("Sync this folder first"); empty: no sync (always on this machine).
    QString syncFolder() const;

    QLineEdit* commandEdit() const { return m_command; }
    QLineEdit* workDirEdit() const { return m_workDir; }
    QLineEdit* envLineEdit() const { return m_envLine; }
    QLineEdit* regexEdit() const { return m_regex; }
    QLineEdit* tensorboardEdit() const { return m_tensorboard; }
    QLabel* regexStatus() const { return m_regexStatus; }
    QLineEdit* sampleEdit() const { return m_sample; }
    QLabel* sampleResult() const { return m_sampleResult; }
    QCheckBox* useConfigBox() const { return m_useConfig; }
    QSpinBox* processesBox() const { return m_processes; }
    QLabel* processesStatus() const { return m_processesStatus; }
    QPushButton* runButton() const { return m_run; }
    QCheckBox* syncBox() const { return m_sync; }
    QLineEdit* syncFolderEdit() const { return m_syncFolder; }
    QLabel* syncStatus() const { return m_syncStatus; }

private:
    void restoreValues();
    void saveValues() const;
    void browseWorkDir();
    void addSyncRow(QFormLayout* form);
    QString syncProblem() const;
    void update();
    void testSample();

    QString m_host;
    QString m_configPath;
    QString m_configText;
    QLineEdit* m_command = nullptr;
    QLineEdit* m_workDir = nullptr;
    QLineEdit* m_envLine = nullptr;
    QLineEdit* m_regex = nullptr;
    QLineEdit* m_tensorboard = nullptr;
    QLabel* m_regexStatus = nullptr;
    QLineEdit* m_sample = nullptr;
    QLabel* m_sampleResult = nullptr;
    QCheckBox* m_useConfig = nullptr;
    QSpinBox* m_processes = nullptr;
    QLabel* m_processesStatus = nullptr;
    QPushButton* m_run = nullptr;
    QCheckBox* m_sync = nullptr;
    QLineEdit* m_syncFolder = nullptr;
    QLabel* m_syncStatus = nullptr;
    bool m_regexValid = true;
    bool m_processesValid = true;
};

// "step 12 · epoch 1 · train_loss 0.25" for what the regex makes of one output line, or why
// it makes nothing of it. Empty pattern: empty.
QString describeRegexMatch(const QString& pattern, const QString& line);

}  // namespace tb
