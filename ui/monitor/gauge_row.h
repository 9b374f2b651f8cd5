// GaugeRow: one labelled reading: a bar gauge, its value as text and a sparkline.
#pragma once

#include <QWidget>

#include <optional>

class QLabel;
class QProgressBar;

namespace tb {

class Sparkline;

class GaugeRow : public QWidget {
    Q_OBJECT
public:
    GaugeRow(const QString& title, const QColor& color, QWidget* parent = nullptr);

    void setScale(double max);  // the bar's and sparkline's full scale
    // An empty value shows "—" and leaves a gap in the sparkline. `timeMs`: when it was read
    // (ms since the epoch).
    void setValue(std::optional<double> value, const QString& text, qint64 timeMs);
    void clear();  // "—" and an empty sparkline

    QString valueText() const;
    int barPercent() const;
    Sparkline* sparkline() const { return m_sparkline; }

private:
    QLabel* m_title = nullptr;
    QProgressBar* m_bar = nullptr;
    QLabel* m_value = nullptr;
    Sparkline* m_sparkline = nullptr;
    double m_max = 100;
};

}  // namespace tb
