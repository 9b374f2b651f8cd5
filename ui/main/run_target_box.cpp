// RunTargetBox: "This machine" plus one entry per host; the choice is kept in QSettings.
#include "run_target_box.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSettings>

namespace tb {
namespace {
const QString kSettingsKey = QStringLiteral("run/target");
}

RunTargetBox::RunTargetBox(QWidget* parent)
    : QComboBox(parent), m_shutdown(new QCheckBox(parent)), m_slurmEdit(new QLineEdit(parent)) {
    setObjectName("runTargetBox");
    setToolTip(tr("Where Run trains: this machine or a host from the Hosts dock"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("This machine"), QString());
    m_shutdown->setObjectName("shutdownWhenRunEnds");
    m_shutdown->setText(tr("Shut down the host when the run ends"));
    m_slurmEdit->setObjectName("slurmOptions");
    m_slurmEdit->setPlaceholderText(tr("the cluster's defaults"));
    m_slurmEdit->setToolTip(
        tr("This run's sbatch options on the Slurm cluster: partition, gpus (per node), nodes, "
           "cpus, time, account — e.g. partition=gpu,gpus=2,time=4:00:00. Starts as the host's "
           "(Edit… in the Hosts dock)"));
    m_slurmEdit->setMinimumWidth(220);
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kSettingsKey, host());
        updateShutdownCheck();
        updateSlurmEdit();
    });
    updateShutdownCheck();
    updateSlurmEdit();
}

void RunTargetBox::setHosts(const QStringList& hosts, const QHash<QString, QString>& slurm) {
    const QString wanted = count() > 1 ? host() : QSettings().value(kSettingsKey).toString();
    m_slurm = slurm;
    {
        const QSignalBlocker block(this);
        while (count() > 1) removeItem(1);
        for (const QString& name : hosts) {
            addItem(
                slurm.contains(name) ? tr("Host %1 (Slurm)").arg(name) : tr("Host %1").arg(name),
                name);
        }
        selectHost(wanted);
    }
    updateShutdownCheck();
    updateSlurmEdit();
}

QString RunTargetBox::slurmOptions() const {
    return m_slurm.contains(host()) ? m_slurmEdit->text().trimmed() : QString();
}

// A Slurm host's options come back as the host has them each time it is chosen.
void RunTargetBox::updateSlurmEdit() {
    const bool slurm = m_slurm.contains(host());
    m_slurmEdit->setText(m_slurm.value(host()));
    m_slurmEdit->setEnabled(slurm);
    Q_EMIT slurmHostChosen(slurm);
}

void RunTargetBox::selectHost(const QString& host) {
    const int index = findData(host);
    setCurrentIndex(index < 0 ? 0 : index);
}

bool RunTargetBox::shutdownWhenRunEnds() const {
    return m_shutdown->isEnabled() && m_shutdown->isChecked();
}

// Only a host can be shut down; going back to this machine clears the choice.
void RunTargetBox::updateShutdownCheck() {
    const bool onHost = !host().isEmpty();
    if (!onHost) m_shutdown->setChecked(false);
    m_shutdown->setEnabled(onHost);
    m_shutdown->setToolTip(
        onHost ? tr("After the run ends (any final state) %1 counts 5 minutes down, which you "
                    "can cancel, then runs its shutdown command (Edit… in the Hosts dock)")
                     .arg(host())
               : tr("Choose a host in Run on: this machine is never shut down"));
}

}  // namespace tb
