#pragma once
// The toolbar's "Run on" choice: this machine or a stored SSH host, remembered between starts;
// next to it, "Shut down the host when the run ends" (off by default, a host only) and, for a
// Slurm login node, this run's sbatch options (the host's, editable for one run).

#include <QComboBox>
#include <QHash>

class QCheckBox;
class QLineEdit;

namespace tb {

class RunTargetBox : public QComboBox {
    Q_OBJECT

public:
    explicit RunTargetBox(QWidget* parent = nullptr);

    // Refills the list; the choice stays when its host is still there, else "This machine".
    // `slurm`: the Slurm login nodes among them, each with its options as text
    // (partition=gpu,gpus=2,...).
    void setHosts(const QStringList& hosts, const QHash<QString, QString>& slurm = {});
    // The chosen host's name; empty for this machine.
    QString host() const { return currentData().toString(); }
    void selectHost(const QString& host);  // empty: this machine

    // The per-run option, for the toolbar to place next to this box; never remembered, so a
    // new session never shuts a box down unasked.
    QCheckBox* shutdownCheck() const { return m_shutdown; }
    bool shutdownWhenRunEnds() const;
    // "Slurm: [options]", for the toolbar to place; shown while a Slurm login node is chosen.
    // The edit's text goes with the run (LaunchRequest::slurm).
    QWidget* slurmField() const { return m_slurmField; }
    QLineEdit* slurmEdit() const { return m_slurmEdit; }
    QString slurmOptions() const;

Q_SIGNALS:
    // A Slurm login node is chosen (the options edit is to be shown), or no longer.
    void slurmHostChosen(bool chosen);

private:
    void updateShutdownCheck();
    void updateSlurmEdit();

    QCheckBox* m_shutdown;
    QWidget* m_slurmField;
    QLineEdit* m_slurmEdit;
    QHash<QString, QString> m_slurm;
};

}  // namespace tb
