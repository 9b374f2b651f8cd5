// GpuPanel: one card per GPU, created when a GPU first reports; rows are GaugeRows.
#include "gpu_panel.h"

#include <QGroupBox>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

#include "gauge_row.h"

namespace tb {
namespace {
const QColor kUtilColor(0x4a, 0xa5, 0xf0);
const QColor kMemoryColor(0xc1, 0x62, 0xde);
const QColor kTempColor(0xe0, 0x8a, 0x3c);
const QColor kPowerColor(0x8c, 0xc2, 0x65);

QString gib(double mib) {
    return QString::number(mib / 1024.0, 'f', 1);
}

QVBoxLayout* boxLayout(QGroupBox* box) {
    auto* layout = new QVBoxLayout(box);
    layout->setSpacing(4);
    return layout;
}
}  // namespace

GpuPanel::GpuPanel(QWidget* parent) : QWidget(parent) {
    m_state = new QLabel(tr("Looking for GPUs…"), this);
    m_state->setWordWrap(true);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);

    auto* content = new QWidget;
    m_cardsLayout = new QVBoxLayout(content);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);

    m_systemBox = new QGroupBox(tr("This machine"), content);
    auto* sys = boxLayout(m_systemBox);
    m_cpuRow = new GaugeRow(tr("CPU"), kUtilColor, m_systemBox);
    m_memoryRow = new GaugeRow(tr("Memory"), kMemoryColor, m_systemBox);
    sys->addWidget(m_cpuRow);
    sys->addWidget(m_memoryRow);
    m_systemBox->hide();
    m_cardsLayout->addWidget(m_systemBox);
    m_cardsLayout->addStretch(1);

    // Eight GPU cards do not fit a dock: scroll rather than squash them.
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(scroll, 1);
}

void GpuPanel::setMonitor(GpuMonitor* monitor) {
    if (m_monitor) m_monitor->disconnect(this);
    m_monitor = monitor;
    if (!monitor) return;
    connect(monitor, &GpuMonitor::sampled, this, &GpuPanel::showGpuSamples);
    connect(monitor, &GpuMonitor::systemSampled, this, &GpuPanel::showSystemSample);
    connect(monitor, &GpuMonitor::modeChanged, this,
            [this](GpuMonitor::Mode mode) { showMode(mode, m_monitor->stateMessage()); });
    showMode(monitor->mode(), monitor->stateMessage());
}

QString GpuPanel::stateText() const {
    return m_state->text();
}

bool GpuPanel::showsSystemFallback() const {
    return !m_systemBox->isHidden();
}

GaugeRow* GpuPanel::gpuRow(int card, int row) const {
    if (card < 0 || card >= int(m_cards.size()) || row < 0 || row >= 4) return nullptr;
    return m_cards[std::size_t(card)].rows[row];
}

void GpuPanel::showMode(GpuMonitor::Mode mode, const QString& message) {
    switch (mode) {
        case GpuMonitor::Mode::Stopped:
            m_state->setText(tr("GPU monitor stopped"));
            break;
        case GpuMonitor::Mode::Starting:
            m_state->setText(tr("Looking for GPUs…"));
            break;
        case GpuMonitor::Mode::Gpu:
            m_state->setText(tr("%n GPU(s)", nullptr, int(m_cards.size())));
            break;
        case GpuMonitor::Mode::NoGpu: {
            QString text = message.isEmpty() ? GpuMonitor::noGpuMessage() : message;
            text[0] = text[0].toUpper();
            m_state->setText(text + tr(". Showing CPU and memory instead."));
            break;
        }
    }
    m_systemBox->setVisible(mode == GpuMonitor::Mode::NoGpu);
}

GpuPanel::Card& GpuPanel::cardFor(const GpuSample& sample) {
    for (Card& card : m_cards)
        if (card.index == sample.index) return card;
    Card card;
    card.index = sample.index;
    card.box = new QGroupBox(m_systemBox->parentWidget());
    auto* layout = boxLayout(card.box);
    card.rows[0] = new GaugeRow(tr("Utilisation"), kUtilColor, card.box);
    card.rows[1] = new GaugeRow(tr("Memory"), kMemoryColor, card.box);
    card.rows[2] = new GaugeRow(tr("Temperature"), kTempColor, card.box);
    card.rows[3] = new GaugeRow(tr("Power"), kPowerColor, card.box);
    card.rows[2]->setScale(100);
    for (GaugeRow* row : card.rows) layout->addWidget(row);
    // Cards stay in index order, above the system box and the stretch.
    int at = 0;
    while (at < int(m_cards.size()) && m_cards[std::size_t(at)].index < sample.index) ++at;
    m_cardsLayout->insertWidget(at, card.box);
    m_cards.insert(m_cards.begin() + at, card);
    return m_cards[std::size_t(at)];
}

void GpuPanel::showGpuSamples(const QList<GpuSample>& gpus) {
    for (const GpuSample& s : gpus) {
        Card& card = cardFor(s);
        card.box->setTitle(tr("GPU %1 · %2").arg(s.index).arg(s.name));
        card.rows[0]->setValue(s.utilizationPercent,
                               QStringLiteral("%1 %").arg(s.utilizationPercent.value_or(0)));
        if (s.memoryTotalMiB) card.rows[1]->setScale(*s.memoryTotalMiB);
        const QString memText =
            s.memoryTotalMiB
                ? tr("%1 / %2 GiB").arg(gib(s.memoryUsedMiB.value_or(0)), gib(*s.memoryTotalMiB))
                : tr("%1 GiB").arg(gib(s.memoryUsedMiB.value_or(0)));
        card.rows[1]->setValue(s.memoryUsedMiB, memText);
        card.rows[2]->setValue(s.temperatureC,
                               QStringLiteral("%1 °C").arg(s.temperatureC.value_or(0)));
        // No power limit is queried: scale to the highest draw seen, in steps of 50 W.
        if (s.powerW && *s.powerW > card.powerScale)
            card.powerScale = std::ceil(*s.powerW / 50.0) * 50.0;
        card.rows[3]->setScale(card.powerScale);
        card.rows[3]->setValue(s.powerW,
                               QStringLiteral("%1 W").arg(s.powerW.value_or(0), 0, 'f', 0));
    }
    if (!m_monitor)
        showMode(GpuMonitor::Mode::Gpu, {});
    else if (m_monitor->mode() == GpuMonitor::Mode::Gpu)
        showMode(GpuMonitor::Mode::Gpu, {});
}

void GpuPanel::showSystemSample(const SystemSample& s) {
    m_cpuRow->setValue(s.cpuPercent,
                       QStringLiteral("%1 %").arg(s.cpuPercent.value_or(0), 0, 'f', 0));
    const double totalMiB = s.memoryTotalKiB / 1024.0;
    const double usedMiB = s.memoryUsedKiB / 1024.0;
    if (totalMiB > 0) m_memoryRow->setScale(totalMiB);
    m_memoryRow->setValue(totalMiB > 0 ? std::optional<double>(usedMiB) : std::nullopt,
                          tr("%1 / %2 GiB").arg(gib(usedMiB), gib(totalMiB)));
}

}  // namespace tb
