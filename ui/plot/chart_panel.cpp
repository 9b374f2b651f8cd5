// ChartPanel: controls, one MetricChart per family, coalesced updates from RunMetrics.
#include "chart_panel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

#include "core/metrics/run_metrics.h"
#include "metric_chart.h"
#include "metric_family.h"

namespace tb {

namespace {
// The pool polls every live run in one pass, so a zero-delay timer already gathers all the
// data that pass produced into one sweep over the charts; a longer delay only adds latency.
constexpr int kCoalesceMs = 0;
constexpr int kColumns = 2;
}  // namespace

ChartPanel::ChartPanel(RunMetricsPool* pool, QWidget* parent) : QWidget(parent), m_pool(pool) {
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ChartPanel::applyPending);

    m_axisBox = new QComboBox(this);
    m_axisBox->addItems({tr("Step"), tr("Epoch"), tr("Wall time"), tr("Time since start")});
    m_smoothingSlider = new QSlider(Qt::Horizontal, this);
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setValue(int(m_settings.smoothing * 100));
    m_smoothingSlider->setMaximumWidth(180);
    m_smoothingLabel = new QLabel(this);
    m_smoothingLabel->setMinimumWidth(32);
    m_logX = new QCheckBox(tr("Log x"), this);
    m_logY = new QCheckBox(tr("Log y"), this);
    auto* reset = new QPushButton(tr("Reset views"), this);
    reset->setToolTip(tr("Fit every chart to its data (0 or Home on a chart)"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("X axis"), this));
    controls->addWidget(m_axisBox);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Smoothing"), this));
    controls->addWidget(m_smoothingSlider);
    controls->addWidget(m_smoothingLabel);
    controls->addSpacing(12);
    controls->addWidget(m_logX);
    controls->addWidget(m_logY);
    controls->addStretch(1);
    controls->addWidget(reset);

    auto* content = new QWidget;
    m_grid = new QGridLayout(content);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_emptyLabel = new QLabel(tr("Select runs to see their curves."), content);
    m_emptyLabel->setObjectName(QStringLiteral("emptyChartsLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_grid->addWidget(m_emptyLabel, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    // With several runs shown, one key names each run's colour for every chart below.
    m_runKey = new QLabel(this);
    m_runKey->setObjectName(QStringLiteral("chartRunKey"));
    m_runKey->setWordWrap(true);
    m_runKey->setTextFormat(Qt::RichText);
    m_runKey->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_runKey);
    layout->addWidget(scroll, 1);

    connect(m_axisBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setXAxis(XAxis(index)); });
    connect(m_smoothingSlider, &QSlider::valueChanged, this,
            [this](int value) { setSmoothing(value / 100.0); });
    connect(m_logX, &QCheckBox::toggled, this,
            [this](bool on) { setLogScale(on, m_settings.logY); });
    connect(m_logY, &QCheckBox::toggled, this,
            [this](bool on) { setLogScale(m_settings.logX, on); });
    connect(reset, &QPushButton::clicked, this, [this] {
        for (MetricChart* chart : std::as_const(m_charts)) chart->resetView();
    });
    m_smoothingLabel->setText(QString::number(m_settings.smoothing, 'f', 2));
}

ChartPanel::~ChartPanel() = default;

void ChartPanel::setRuns(const QList<ChartRun>& runs) {
    // The window hands the selection over again whenever any run changes; the same runs keep
    // their charts (new data reaches them through their RunMetrics).
    if (runs == m_runs && !m_plotted.isEmpty()) return;
    for (const PlottedRun& old : std::as_const(m_plotted))
        disconnect(old.metrics, nullptr, this, nullptr);
    m_runs = runs;
    m_plotted.clear();
    for (int i = 0; i < runs.size(); ++i) {
        RunMetrics* metrics = m_pool->open(runs[i].id, runs[i].dir, runs[i].live);
        connect(metrics, &RunMetrics::dataAppended, this, &ChartPanel::scheduleUpdate);
        connect(metrics, &RunMetrics::reset, this, &ChartPanel::scheduleUpdate);
        connect(metrics, &RunMetrics::checkpointsChanged, this, &ChartPanel::scheduleUpdate);
        m_plotted.append({runs[i], metrics, runColour(i)});
    }
    QStringList entries;
    for (const PlottedRun& run : std::as_const(m_plotted)) {
        entries.append(QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                           .arg(run.colour.name(), run.run.label.toHtmlEscaped()));
    }
    m_runKey->setText(entries.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));
    m_runKey->setVisible(m_plotted.size() > 1);
    m_coalesce.stop();
    syncCharts(true);
}

void ChartPanel::scheduleUpdate() {
    if (!m_coalesce.isActive()) m_coalesce.start();
}

void ChartPanel::applyPending() {
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    syncCharts(false);
}

void ChartPanel::flush() {
    m_coalesce.stop();
    syncCharts(false);
}

void ChartPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_dirty) syncCharts(false);
}

// New keys (val/loss after the first validation) may add a chart or a curve; everything else
// is a data refresh of the charts that exist.
void ChartPanel::syncCharts(bool contentChanged) {
    m_dirty = false;
    Q_EMIT refreshStarted();
    QStringList keys;
    for (const PlottedRun& run : std::as_const(m_plotted)) {
        const SeriesStore& store = run.metrics->store();
        for (std::size_t s = 0; s < store.seriesCount(); ++s) {
            const QString key = QString::fromStdString(store.seriesName(s));
            if (!keys.contains(key)) keys.append(key);
        }
    }
    const QStringList families = orderedFamilies(keys);
    bool layoutChanged = families != this->families();
    QList<MetricChart*> charts;
    for (const QString& family : families) {
        MetricChart* c = chart(family);
        if (!c) {
            c = new MetricChart(family, m_grid->parentWidget());
            c->setSettings(m_settings);
            connect(c, &MetricChart::checkpointClicked, this, &ChartPanel::checkpointClicked);
        }
        charts.append(c);
    }
    for (MetricChart* old : std::as_const(m_charts)) {
        if (!charts.contains(old)) {
            m_chartKeys.remove(old->family());
            delete old;
        }
    }
    m_charts = charts;
    if (layoutChanged) {
        for (int i = 0; i < m_charts.size(); ++i)
            m_grid->addWidget(m_charts[i], i / kColumns, i % kColumns);
        // A layout shows new children and sizes them only on a later event; the LOD needs the
        // real width now, so do both here. show() on a hidden panel's chart only marks it to
        // appear with the panel: hiding it instead would keep it hidden when the panel shows.
        for (MetricChart* c : std::as_const(m_charts)) c->show();
        m_grid->activate();
    }
    m_emptyLabel->setText(m_plotted.isEmpty()
                              ? tr("Select runs to see their curves.")
                              : tr("No metrics recorded yet for the selected runs."));
    m_emptyLabel->setVisible(m_charts.isEmpty());
    for (MetricChart* c : std::as_const(m_charts)) {
        const QStringList familyKeys = keysOfFamily(keys, c->family());
        if (contentChanged || m_chartKeys.value(c->family()) != familyKeys) {
            m_chartKeys.insert(c->family(), familyKeys);
            c->setContent(m_plotted, familyKeys);
        } else {
            c->refreshData();
        }
    }
}

MetricChart* ChartPanel::chart(const QString& family) const {
    for (MetricChart* c : m_charts)
        if (c->family() == family) return c;
    return nullptr;
}

QStringList ChartPanel::families() const {
    QStringList out;
    for (const MetricChart* c : m_charts) out.append(c->family());
    return out;
}

QCustomPlot* ChartPanel::plot(const QString& family) const {
    const MetricChart* c = chart(family);
    return c ? c->plot() : nullptr;
}

void ChartPanel::setXAxis(XAxis axis) {
    if (axis == m_settings.axis) return;
    m_settings.axis = axis;
    m_axisBox->setCurrentIndex(int(axis));
    applySettings();
}

void ChartPanel::setSmoothing(double weight) {
    weight = std::clamp(weight, 0.0, 0.99);
    if (weight == m_settings.smoothing) return;
    m_settings.smoothing = weight;
    m_smoothingSlider->setValue(int(std::lround(weight * 100)));
    m_smoothingLabel->setText(QString::number(weight, 'f', 2));
    applySettings();
}

void ChartPanel::setLogScale(bool logX, bool logY) {
    if (logX == m_settings.logX && logY == m_settings.logY) return;
    m_settings.logX = logX;
    m_settings.logY = logY;
    m_logX->setChecked(logX);
    m_logY->setChecked(logY);
    applySettings();
}

// A settings change recomputes smoothing and LOD from the stores; it never re-reads files.
void ChartPanel::applySettings() {
    for (MetricChart* c : std::as_const(m_charts)) c->setSettings(m_settings);
}

bool ChartPanel::exportImage(const QString& family, const QString& path) {
    MetricChart* c = chart(family);
    return c && c->exportImage(path);
}

bool ChartPanel::exportCsv(const QString& family, const QString& path) const {
    const MetricChart* c = chart(family);
    return c && c->exportCsv(path);
}

}  // namespace tb
