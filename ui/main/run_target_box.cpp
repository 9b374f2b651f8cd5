// RunTargetBox: "This machine" plus one entry per host; the choice is kept in QSettings.
#include "run_target_box.h"

#include <QSettings>

namespace tb {
namespace {
const QString kSettingsKey = QStringLiteral("run/target");
}

RunTargetBox::RunTargetBox(QWidget* parent) : QComboBox(parent) {
    setObjectName("runTargetBox");
    setToolTip(tr("Where Run trains: this machine or a host from the Hosts dock"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("This machine"), QString());
    connect(this, &QComboBox::currentIndexChanged, this,
            [this] { QSettings().setValue(kSettingsKey, host()); });
}

void RunTargetBox::setHosts(const QStringList& hosts) {
    const QString wanted = count() > 1 ? host() : QSettings().value(kSettingsKey).toString();
    const QSignalBlocker block(this);
    while (count() > 1) removeItem(1);
    for (const QString& name : hosts) addItem(tr("Host %1").arg(name), name);
    selectHost(wanted);
}

void RunTargetBox::selectHost(const QString& host) {
    const int index = findData(host);
    setCurrentIndex(index < 0 ? 0 : index);
}

}  // namespace tb
