// RunTargetBox: "This machine" plus one entry per host; the choice is kept in QSettings.
#include "run_target_box.h"

#include <QCheckBox>
#include <QSettings>

namespace tb {
namespace {
const QString kSettingsKey = QStringLiteral("run/target");
}

RunTargetBox::RunTargetBox(QWidget* parent) : QComboBox(parent), m_shutdown(new QCheckBox(parent)) {
    setObjectName("runTargetBox");
    setToolTip(tr("Where Run trains: this machine or a host from the Hosts dock"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("This machine"), QString());
    m_shutdown->setObjectName("shutdownWhenRunEnds");
    m_shutdown->setText(tr("Shut down the host when the run ends"));
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kSettingsKey, host());
        updateShutdownCheck();
    });
    updateShutdownCheck();
}

void RunTargetBox::setHosts(const QStringList& hosts) {
    const QString wanted = count() > 1 ? host() : QSettings().value(kSettingsKey).toString();
    {
        const QSignalBlocker block(this);
        while (count() > 1) removeItem(1);
        for (const QString& name : hosts) addItem(tr("Host %1").arg(name), name);
        selectHost(wanted);
    }
    updateShutdownCheck();
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
