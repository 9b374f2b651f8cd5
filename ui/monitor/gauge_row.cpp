// GaugeRow: QProgressBar for the gauge; the sparkline keeps the same scale as the bar.
#include "gauge_row.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <limits>

#include "sparkline.h"

namespace tb {

GaugeRow::GaugeRow(const QString& title, const QColor& color, QWidget* parent) : QWidget(parent) {
    m_title = new QLabel(title, this);
    m_title->setMinimumWidth(56);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    // Narrower docks squeeze the bar, not the dock into a sideways scroll.
    m_bar->setMinimumWidth(50);
    m_bar->setMaximumWidth(110);
    m_value = new QLabel(QStringLiteral("—"), this);
    m_value->setMinimumWidth(100);
    m_sparkline = new Sparkline(this);
    m_sparkline->setColor(color);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_bar);
    layout->addWidget(m_value);
    layout->addWidget(m_sparkline, 1);
}

void GaugeRow::setScale(double max) {
    m_max = max > 0 ? max : 1;
    m_sparkline->setRange(0, m_max);
}

void GaugeRow::setValue(std::optional<double> value, const QString& text, qint64 timeMs) {
    m_value->setText(value ? text : QStringLiteral("—"));
    m_bar->setValue(value ? int(qBound(0.0, *value / m_max, 1.0) * 1000) : 0);
    m_sparkline->addValue(value ? *value : std::numeric_limits<double>::quiet_NaN(), timeMs);
}

void GaugeRow::clear() {
    m_value->setText(QStringLiteral("—"));
    m_bar->setValue(0);
    m_sparkline->clear();
}

QString GaugeRow::valueText() const {
    return m_value->text();
}

int GaugeRow::barPercent() const {
    return m_bar->value() / 10;
}

}  // namespace tb
