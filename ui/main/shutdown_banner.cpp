// ShutdownBanner: follows ShutdownWatch's most urgent pending shutdown.
#include "shutdown_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "remote/runs/shutdown_watch.h"
#include "ui/style/tone.h"

namespace tb {

ShutdownBanner::ShutdownBanner(ShutdownWatch* watch, QWidget* parent)
    : QWidget(parent), m_watch(watch), m_label(new QLabel(this)), m_cancel(new QPushButton(this)) {
    setObjectName("shutdownBanner");
    m_label->setObjectName("shutdownBannerText");
    theme::setTextTone(m_label, theme::Tone::Error, QStringLiteral("font-weight: bold;"));
    m_cancel->setObjectName("cancelShutdownButton");
    m_cancel->setText(tr("Cancel shutdown"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_run.isEmpty()) m_watch->cancel(m_run);
    });
    connect(watch, &ShutdownWatch::changed, this, &ShutdownBanner::update);
    update();
}

void ShutdownBanner::update() {
    m_run = m_watch->mostUrgentRun();
    setVisible(!m_run.isEmpty());
    if (m_run.isEmpty()) return;
    const QString host = m_watch->hostOf(m_run);
    const QString sweep = ShutdownWatch::sweepOfKey(m_run);
    m_label->setText(sweep.isEmpty()
                         ? tr("%1 %2 (run %3)").arg(host, m_watch->hostText(host), m_run)
                         : tr("%1 %2 (sweep %3)").arg(host, m_watch->hostText(host), sweep));
    m_label->setToolTip(m_watch->toolTip(m_run));
    m_cancel->setEnabled(!m_watch->isCancelling(m_run));
}

}  // namespace tb
