// ParallelChart: the axes are item lines and texts on a plot whose own axes are hidden (x: axis
// number, y: position 0..1); each trial is a QCPGraph over x = 0..n-1, NaN leaving a gap.
#include "parallel_chart.h"

#include <qcustomplot.h>

#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

#include "ui/style/theme.h"

namespace tb {

namespace {

constexpr double kPickPixels = 6;
constexpr double kTop = 1.04;  // the y range: room for the lines at 0 and 1 to show whole

double segmentDistance(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF d = b - a;
    const double length2 = QPointF::dotProduct(d, d);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * d;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

}  // namespace

ParallelChart::ParallelChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    setObjectName(QStringLiteral("parallelChart"));
    m_plot->setObjectName(QStringLiteral("parallelPlot"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->xAxis->setVisible(false);
    m_plot->yAxis->setVisible(false);
    m_plot->axisRect()->setAutoMargins(QCP::msNone);
    m_plot->yAxis->setRange(-0.04, kTop);
    m_plot->setMouseTracking(true);
    setMinimumHeight(120);
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        if (event->button() != Qt::LeftButton) return;
        const QString id = lineAt(event->position());
        if (id.isEmpty()) return;
        setSelected(id);
        Q_EMIT lineClicked(id);
    });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString id = lineAt(event->position());
        for (const Line& line : std::as_const(m_lines)) {
            if (line.id != id) continue;
            QToolTip::showText(event->globalPosition().toPoint(), line.label, m_plot);
            return;
        }
        QToolTip::hideText();
    });
}

QWidget* ParallelChart::plotWidget() const {
    return m_plot;
}

void ParallelChart::setData(const QList<ParallelAxis>& axes, const QList<Line>& lines,
                            const QString& bestId) {
    m_axes = axes;
    m_lines = lines;
    m_best = bestId;
    // A sweep read again keeps its graphs: only their points and pens change.
    while (m_graphs.size() > lines.size()) m_plot->removeGraph(m_graphs.takeLast());
    while (m_graphs.size() < lines.size()) m_graphs << m_plot->addGraph();
    const int n = int(axes.size());
    m_plot->xAxis->setRange(-0.05, std::max(1, n - 1) + 0.05);
    QVector<double> xs(n);
    for (int i = 0; i < n; ++i) xs[i] = i;
    for (int i = 0; i < lines.size(); ++i)
        m_graphs[i]->setData(xs, lines[i].positions.mid(0, n), true);
    rebuildItems();
    colourLines();
    m_plot->replot();
}

void ParallelChart::setSelected(const QString& id) {
    if (id == m_selected) return;
    m_selected = id;
    colourLines();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

// The axes: a line each, its title above (elided to the room between axes), its ticks' labels to
// its right, thinned out where they would overlap; the margins make room for the outer ones.
void ParallelChart::rebuildItems() {
    m_plot->clearItems();
    const QColor text = palette().color(QPalette::Text);
    const QColor rule = theme::mix(palette().color(QPalette::Base), text, 0.55);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF smallMetrics(small);
    const QFontMetricsF boldMetrics(bold);
    const int n = int(m_axes.size());
    if (n == 0) return;
    double lastLabels = 0;
    for (const auto& tick : m_axes.last().ticks)
        lastLabels = std::max(lastLabels, smallMetrics.horizontalAdvance(tick.second));
    const double spacing =
        std::max(40.0, (m_plot->width() - 60.0 - lastLabels) / std::max(1, n - 1));
    const auto titleOf = [&](const ParallelAxis& axis) {
        const QString title = axis.logScale ? tr("%1 (log)").arg(axis.title) : axis.title;
        return boldMetrics.elidedText(title, Qt::ElideLeft, spacing - 8);
    };
    const double left = boldMetrics.horizontalAdvance(titleOf(m_axes.first())) / 2 + 6;
    const double right =
        std::max(boldMetrics.horizontalAdvance(titleOf(m_axes.last())) / 2 + 6, lastLabels + 12);
    const int top = int(boldMetrics.height()) + 6;  // the titles sit above the axes
    m_plot->axisRect()->setMargins(QMargins(int(left), top, int(right), 6));
    const double pixelsPerUnit = std::max(1.0, (m_plot->height() - top - 6.0) / (kTop + 0.04));
    QColor behind = palette().color(QPalette::Base);
    behind.setAlpha(190);
    const double minGap = smallMetrics.height() / pixelsPerUnit;
    for (int a = 0; a < n; ++a) {
        const ParallelAxis& axis = m_axes[a];
        auto* rod = new QCPItemLine(m_plot);
        rod->start->setCoords(a, 0);
        rod->end->setCoords(a, 1);
        rod->setPen(QPen(rule, 1.5));
        auto* title = new QCPItemText(m_plot);
        title->position->setCoords(a, kTop);
        title->setText(titleOf(axis));
        title->setFont(bold);
        title->setColor(text);
        title->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        title->setClipToAxisRect(false);
        QList<QPair<double, QString>> ticks = axis.ticks;
        std::sort(ticks.begin(), ticks.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        QList<QPair<double, QString>> kept;
        for (const auto& tick : ticks) {
            if (!kept.isEmpty() && tick.first - kept.last().first < minGap) {
                // The top end is kept in place of the last label under it.
                if (&tick == &ticks.last() && kept.size() > 1) kept.last() = tick;
                continue;
            }
            kept << tick;
        }
        for (const auto& tick : kept) {
            auto* label = new QCPItemText(m_plot);
            label->position->setCoords(a, tick.first);
            label->setPositionAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            label->setPadding(QMargins(5, 0, 0, 0));
            label->setText(tick.second);
            label->setFont(small);
            label->setColor(text);
            label->setBrush(behind);  // readable over the lines that cross it
            label->setClipToAxisRect(false);
        }
    }
}

QColor ParallelChart::lineColour(double score) const {
    const QPalette& p = palette();
    if (std::isnan(score)) return theme::color(theme::Tone::Muted, p);
    const QColor worst = theme::color(theme::Tone::Error, p);
    const QColor middle = theme::color(theme::Tone::Warning, p);
    const QColor best = theme::color(theme::Tone::Success, p);
    return score < 0.5 ? theme::mix(worst, middle, score * 2)
                       : theme::mix(middle, best, (score - 0.5) * 2);
}

void ParallelChart::colourLines() {
    m_plot->setBackground(palette().color(QPalette::Base));
    const QColor base = palette().color(QPalette::Base);
    const bool dimOthers = !m_selected.isEmpty();
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line& line = m_lines[i];
        QColor colour = lineColour(line.score);
        double width = 1;
        if (line.id == m_best) width = 3.5;
        if (line.id == m_selected) {
            width = 4;
            colour = theme::isDark(palette()) ? colour.lighter(125) : colour.darker(125);
        } else if (dimOthers && line.id != m_best) {
            colour = theme::mix(colour, base, 0.55);
        }
        m_graphs[i]->setPen(QPen(colour, width));
        // Dots on the axes of a line with gaps: a trial with one value so far (queued, no
        // metric yet) still shows. Whole lines go without: dots cost the replot 70 %.
        const bool gaps = std::any_of(line.positions.begin(), line.positions.end(),
                                      [](double y) { return std::isnan(y); });
        m_graphs[i]->setScatterStyle(
            gaps ? QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, width > 1 ? 6 : 4)
                 : QCPScatterStyle());
    }
    // A layer draws its children in order: the best moves to the end, the selected after it.
    for (const QString& id : {m_best, m_selected})
        for (int i = 0; i < m_lines.size(); ++i)
            if (!id.isEmpty() && m_lines[i].id == id) m_graphs[i]->setLayer(m_graphs[i]->layer());
}

// Tick labels are thinned out for the height they get.
void ParallelChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    rebuildItems();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ParallelChart::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() != QEvent::PaletteChange && event->type() != QEvent::FontChange) return;
    rebuildItems();
    colourLines();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QPointF ParallelChart::pointOf(const QString& id, double axis) const {
    for (const Line& line : m_lines) {
        if (line.id != id) continue;
        const int left = std::clamp(int(std::floor(axis)), 0, int(line.positions.size()) - 1);
        const int right = std::min(left + 1, int(line.positions.size()) - 1);
        const double t = axis - left;
        const double y = line.positions[left] * (1 - t) + line.positions[right] * t;
        if (std::isnan(y)) return {-1, -1};
        return {m_plot->xAxis->coordToPixel(axis), m_plot->yAxis->coordToPixel(y)};
    }
    return {-1, -1};
}

QString ParallelChart::lineAt(const QPointF& pixel) const {
    QString nearest;
    double best = kPickPixels;
    // The lines drawn last are on top: they win a tie.
    for (int i = int(m_lines.size()) - 1; i >= 0; --i) {
        const QVector<double>& ys = m_lines[i].positions;
        for (int a = 0; a + 1 < ys.size(); ++a) {
            if (std::isnan(ys[a]) || std::isnan(ys[a + 1])) continue;
            const QPointF from(m_plot->xAxis->coordToPixel(a), m_plot->yAxis->coordToPixel(ys[a]));
            const QPointF to(m_plot->xAxis->coordToPixel(a + 1),
                             m_plot->yAxis->coordToPixel(ys[a + 1]));
            const double distance = segmentDistance(pixel, from, to);
            if (distance < best) {
                best = distance;
                nearest = m_lines[i].id;
            }
        }
    }
    return nearest;
}

}  // namespace tb
