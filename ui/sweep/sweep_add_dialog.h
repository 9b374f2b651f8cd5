#pragma once
// SweepAddDialog: "Add Trials…" for a sweep that is running or drained — a sweep YAML of more
// trials over the sweep's own base and slots, checked as it is typed (its metric and goal must
// be the sweep's). It only gathers: whoever opened it queues sweepText() on the sweep's target.

#include <QDialog>

#include "core/services/sweep_status.h"

class QLabel;
class QPushButton;
class QTimer;

namespace tb {

class DiagnosticsList;
class YamlEditor;

class SweepAddDialog : public QDialog {
    Q_OBJECT

public:
    // The text starts as a grid over the keys the sweep's first trial sets, at its values.
    SweepAddDialog(const SweepReport& report, QWidget* parent = nullptr);

    QString sweepId() const { return m_sweepId; }
    QString sweepText() const;
    int trialCount() const { return m_trials; }
    QString problem() const { return m_problem; }

    YamlEditor* editor() const { return m_editor; }
    QPushButton* addButton() const { return m_add; }

    void validateNow();

private:
    QString m_sweepId;
    QString m_metric;
    bool m_maximize;
    YamlEditor* m_editor;
    DiagnosticsList* m_diagnostics;
    QLabel* m_status;
    QPushButton* m_add;
    QTimer* m_pause;
    QString m_problem;
    int m_trials = 0;
};

}  // namespace tb
