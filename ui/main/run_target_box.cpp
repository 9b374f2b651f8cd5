// RunTargetBox: "This machine" plus one entry per host; the choice is kept in QSettings.
#include "run_target_box.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>

namespace tb {
namespace {
const QString kSettingsKey = QStringLiteral("run/target");
}

RunTargetBox::RunTargetBox(QWidget* parent)
    : QComboBox(parent),
      m_shutdown(new QCheckBox(parent)),
      m_slurmField(new QWidget(parent)),
      m_slurmEdit(new QLineEdit(m_slurmField)) {
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
    // Wide enough for a few options, never so wide that Run leaves the toolbar.
    m_slurmEdit->setMinimumWidth(180);
    m_slurmEdit->setMaximumWidth(300);
    auto* slurmLabel = new QLabel(tr("S&lurm:"), m_slurmField);
    slurmLabel->setBuddy(m_slurmEdit);
    auto* slurmRow = new QHBoxLayout(m_slurmField);
    slurmRow->setContentsMargins(6, 0, 6, 0);
    slurmRow->addWidget(slurmLabel);
    slurmRow->addWidget(m_slurmEdit);
    // The toolbar would otherwise stretch the field and set the label apart from its edit.
    m_slurmField->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
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

// Only a rented host can be shut down (not this machine, not a cluster's shared login node);
// going back to one of those clears the choice.
void RunTargetBox::updateShutdownCheck() {
    const bool onHost = !host().isEmpty() && !m_slurm.contains(host());
    if (!onHost) m_shutdown->setChecked(false);
    m_shutdown->setEnabled(onHost);
    m_shutdown->setToolTip(
        onHost ? tr("After the run ends (any final state) %1 counts 5 minutes down, which you "
                    "can cancel, then runs its shutdown command (Edit… in the Hosts dock)")
                     .arg(host())
        : host().isEmpty()
            ? tr("Choose a host in Run on: this machine is never shut down")
            : tr("%1 is a cluster's login node, shared with others: it is never shut down")
                  .arg(host()));
}

}  // namespace tb
