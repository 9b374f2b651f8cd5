#pragma once
// ParallelChart: parallel coordinates over QCustomPlot. One vertical axis per parameter plus the
// metric, one polyline per trial coloured by its score (theme tones, so a dark palette works),
// the best trial on top and thicker; a click on a line selects it.

#include <QList>
#include <QPointF>
#include <QString>
#include <QVector>
#include <QWidget>

#include "core/services/sweep_axes.h"

class QCustomPlot;
class QCPGraph;

namespace tb {

class ParallelChart : public QWidget {
    Q_OBJECT

public:
    struct Line {
        QString id;  // what lineClicked reports (a trial's run id)
        QString label;
        QVector<double> positions;  // one per axis, in [0, 1]; NaN: no value there
        double score = 0;           // 1 best, 0 worst; NaN: no metric yet (drawn muted)
    };

    explicit ParallelChart(QWidget* parent = nullptr);

    void setData(const QList<ParallelAxis>& axes, const QList<Line>& lines, const QString& bestId);
    void setSelected(const QString& id);  // "" for none; draws it thick, the others fainter
    QString selected() const { return m_selected; }

    QWidget* plotWidget() const;
    int lineCount() const { return int(m_lines.size()); }
    // Where line `id` is at `axis` (fractional: between two axes), in plotWidget()
    // coordinates; (-1, -1) when it has no point there.
    QPointF pointOf(const QString& id, double axis) const;
    // The line nearest to `pixel` (plotWidget() coordinates) within a few pixels, else "".
    QString lineAt(const QPointF& pixel) const;

Q_SIGNALS:
    void lineClicked(const QString& id);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void rebuildItems();
    void colourLines();
    QColor lineColour(double score) const;

    QCustomPlot* m_plot;
    QList<ParallelAxis> m_axes;
    QList<Line> m_lines;
    QList<QCPGraph*> m_graphs;  // parallel to m_lines
    QString m_best;
    QString m_selected;
};

}  // namespace tb
