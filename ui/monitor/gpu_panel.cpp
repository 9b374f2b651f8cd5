// GpuPanel: one card per GPU, created when a GPU first reports; rows are GaugeRows.
#include "gpu_panel.h"

#include <QComboBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

#include "gauge_row.h"
#include "sparkline.h"
#include "ui/style/tone.h"

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

GaugeRow* gauge(const QString& title, const QColor& color, QWidget* parent) {
    auto* row = new GaugeRow(title, color, parent);
    row->sparkline()->setWindowSeconds(GpuPanel::kHistorySeconds);
    return row;
}

QLabel* hintLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("gpuHint"));
    label->setWordWrap(true);
    theme::setToneStyle(label, theme::Tone::Warning,
                        QStringLiteral("QLabel#gpuHint { background: %2; color: %3; border: 1px "
                                       "solid %1; border-radius: 3px; padding: 4px; }"));
    label->hide();
    return label;
}
}  // namespace

GpuPanel::GpuPanel(QWidget* parent) : QWidget(parent) {
    m_sourceBox = new QComboBox(this);
    m_sourceBox->addItem(tr("This machine"), QString());
    connect(m_sourceBox, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT sourceRequested(currentSourceKey()); });
    auto* sourceRow = new QHBoxLayout;
    sourceRow->addWidget(new QLabel(tr("GPUs of"), this));
    sourceRow->addWidget(m_sourceBox, 1);

    m_state = new QLabel(tr("Looking for GPUs…"), this);
    m_state->setWordWrap(true);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_hint = hintLabel(this);

    auto* content = new QWidget;
    m_cardsLayout = new QVBoxLayout(content);
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);

    m_systemBox = new QGroupBox(tr("This machine"), content);
    auto* sys = boxLayout(m_systemBox);
    m_cpuRow = gauge(tr("CPU"), kUtilColor, m_systemBox);
    m_memoryRow = gauge(tr("Memory"), kMemoryColor, m_systemBox);
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
    layout->addLayout(sourceRow);
    layout->addWidget(m_state);
    layout->addWidget(m_hint);
    layout->addWidget(scroll, 1);
}

void GpuPanel::setSource(GpuSource* source) {
    if (m_source) m_source->disconnect(this);
    m_source = source;
    clearReadings();
    m_hintLogic = GpuUtilHint(m_hintSettings);
    if (!source) {
        showMode(GpuSource::Mode::Stopped, {});
        return;
    }
    for (const GpuRound& round : source->history().rounds())
        showGpuSamples(round.gpus, round.timeMs);
    connect(source, &GpuSource::sampled, this, [this](const QList<GpuSample>& gpus) {
        showGpuSamples(gpus, m_source->history().lastTimeMs());
    });
    connect(source, &GpuSource::systemSampled, this,
            [this](const SystemSample& sample) { showSystemSample(sample); });
    connect(source, &GpuSource::modeChanged, this,
            [this](GpuSource::Mode mode) { showMode(mode, m_source->stateMessage()); });
    showMode(source->mode(), source->stateMessage());
    updateHint();
}

void GpuPanel::setHostChoices(const QStringList& hosts) {
    const QString current = currentSourceKey();
    QSignalBlocker blocker(m_sourceBox);
    while (m_sourceBox->count() > 1) m_sourceBox->removeItem(1);
    for (const QString& host : hosts) m_sourceBox->addItem(host, host);
    const int keep = m_sourceBox->findData(current);
    m_sourceBox->setCurrentIndex(keep >= 0 ? keep : 0);
    blocker.unblock();
    if (keep < 0) Q_EMIT sourceRequested(QString());  // the shown host went away
}

QString GpuPanel::currentSourceKey() const {
    return m_sourceBox->currentData().toString();
}

void GpuPanel::selectSourceKey(const QString& key) {
    const int at = m_sourceBox->findData(key);
    if (at >= 0) m_sourceBox->setCurrentIndex(at);
}

void GpuPanel::setTrainingRun(const TrainingRun& run) {
    m_trainingRun = run;
    updateHint();
}

void GpuPanel::setHintSettings(const GpuUtilHintSettings& settings) {
    m_hintSettings = settings;
    m_hintLogic = GpuUtilHint(settings);
    updateHint();
}

QString GpuPanel::hintText() const {
    return m_hint->text();
}

bool GpuPanel::isHintShown() const {
    return !m_hint->isHidden();
}

void GpuPanel::updateHint() {
    const bool live = m_source && m_source->mode() == GpuSource::Mode::Gpu;
    const TrainingRun run = live ? m_trainingRun : TrainingRun();
    if (m_source) m_hintLogic.update(m_source->history(), QDateTime::currentMSecsSinceEpoch(), run);
    m_hint->setText(live ? m_hintLogic.text() : QString());
    m_hint->setVisible(!m_hint->text().isEmpty());
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

QString GpuPanel::cardTitle(int card) const {
    if (card < 0 || card >= int(m_cards.size())) return {};
    return m_cards[std::size_t(card)].box->title();
}

void GpuPanel::clearReadings() {
    for (Card& card : m_cards) delete card.box;
    m_cards.clear();
    m_cpuRow->clear();
    m_memoryRow->clear();
}

void GpuPanel::showMode(GpuSource::Mode mode, const QString& message) {
    const QString place = m_source ? m_source->placeName() : QString();
    const bool fallback =
        mode == GpuSource::Mode::NoGpu && (!m_source || m_source->hasSystemFallback());
    QString text;
    switch (mode) {
        case GpuSource::Mode::Stopped:
            text = tr("GPU monitor stopped");
            break;
        case GpuSource::Mode::Starting:
            text = place.isEmpty() ? tr("Looking for GPUs…")
                                   : tr("Looking for GPUs on %1…").arg(place);
            break;
        case GpuSource::Mode::Gpu:
            text = place.isEmpty() ? tr("%n GPU(s)", nullptr, int(m_cards.size()))
                                   : tr("%n GPU(s) on %1", nullptr, int(m_cards.size())).arg(place);
            break;
        case GpuSource::Mode::NoGpu:
        case GpuSource::Mode::Waiting:
            text = message.isEmpty() ? tr("no NVIDIA GPU") : message;
            text[0] = text[0].toUpper();
            text += fallback ? tr(". Showing CPU and memory instead.") : QStringLiteral(".");
            break;
    }
    m_state->setText(text);
    m_systemBox->setVisible(fallback);
    if (mode != GpuSource::Mode::Gpu) updateHint();
}

GpuPanel::Card& GpuPanel::cardFor(const GpuSample& sample) {
    for (Card& card : m_cards)
        if (card.index == sample.index) return card;
    Card card;
    card.index = sample.index;
    card.box = new QGroupBox(m_systemBox->parentWidget());
    auto* layout = boxLayout(card.box);
    card.rows[0] = gauge(tr("Utilisation"), kUtilColor, card.box);
    card.rows[1] = gauge(tr("Memory"), kMemoryColor, card.box);
    card.rows[2] = gauge(tr("Temperature"), kTempColor, card.box);
    card.rows[3] = gauge(tr("Power"), kPowerColor, card.box);
    card.rows[2]->setScale(100);
    for (GaugeRow* row : card.rows) layout->addWidget(row);
    // Cards stay in index order, above the system box and the stretch.
    int at = 0;
    while (at < int(m_cards.size()) && m_cards[std::size_t(at)].index < sample.index) ++at;
    m_cardsLayout->insertWidget(at, card.box);
    m_cards.insert(m_cards.begin() + at, card);
    return m_cards[std::size_t(at)];
}

void GpuPanel::showGpuSamples(const QList<GpuSample>& gpus, qint64 timeMs) {
    if (timeMs == 0) timeMs = QDateTime::currentMSecsSinceEpoch();
    for (const GpuSample& s : gpus) {
        Card& card = cardFor(s);
        card.box->setTitle(tr("GPU %1 · %2").arg(s.index).arg(s.name));
        card.rows[0]->setValue(s.utilizationPercent,
                               QStringLiteral("%1 %").arg(s.utilizationPercent.value_or(0)),
                               timeMs);
        if (s.memoryTotalMiB) card.rows[1]->setScale(*s.memoryTotalMiB);
        const QString memText =
            s.memoryTotalMiB
                ? tr("%1 / %2 GiB").arg(gib(s.memoryUsedMiB.value_or(0)), gib(*s.memoryTotalMiB))
                : tr("%1 GiB").arg(gib(s.memoryUsedMiB.value_or(0)));
        card.rows[1]->setValue(s.memoryUsedMiB, memText, timeMs);
        card.rows[2]->setValue(s.temperatureC,
                               QStringLiteral("%1 °C").arg(s.temperatureC.value_or(0)), timeMs);
        // No power limit is queried: scale to the highest draw seen, in steps of 50 W.
        if (s.powerW && *s.powerW > card.powerScale)
            card.powerScale = std::ceil(*s.powerW / 50.0) * 50.0;
        card.rows[3]->setScale(card.powerScale);
        card.rows[3]->setValue(s.powerW,
                               QStringLiteral("%1 W").arg(s.powerW.value_or(0), 0, 'f', 0), timeMs);
    }
    if (!m_source || m_source->mode() == GpuSource::Mode::Gpu) {
        showMode(GpuSource::Mode::Gpu, {});
        updateHint();
    }
}

void GpuPanel::showSystemSample(const SystemSample& s, qint64 timeMs) {
    const qint64 now = timeMs != 0 ? timeMs : QDateTime::currentMSecsSinceEpoch();
    m_cpuRow->setValue(s.cpuPercent,
                       QStringLiteral("%1 %").arg(s.cpuPercent.value_or(0), 0, 'f', 0), now);
    const double totalMiB = s.memoryTotalKiB / 1024.0;
    const double usedMiB = s.memoryUsedKiB / 1024.0;
    if (totalMiB > 0) m_memoryRow->setScale(totalMiB);
    m_memoryRow->setValue(totalMiB > 0 ? std::optional<double>(usedMiB) : std::nullopt,
                          tr("%1 / %2 GiB").arg(gib(usedMiB), gib(totalMiB)), now);
}

}  // namespace tb
