// Sparkline: a small custom-painted timeline of the last minutes (no plot library).
#pragma once

#include <QColor>
#include <QWidget>

#include <deque>

namespace tb {

class Sparkline : public QWidget {
    Q_OBJECT
public:
    struct Point {
        qint64 timeMs = 0;  // wall-clock, ms since the epoch
        double value = 0;   // NaN: a reading nvidia-smi could not give
    };

    explicit Sparkline(QWidget* parent = nullptr);

    void setWindowSeconds(int seconds);     // the width spans this much time: 300, five minutes
    void setRange(double min, double max);  // fixed, so 40 % never looks like a full scale
    void setColor(const QColor& color);
    // Placed by its time, so a pause in the readings stays a gap instead of closing up.
    // A value older than the newest is ignored.
    void addValue(double value, qint64 timeMs);
    void clear();

    int valueCount() const { return int(m_points.size()); }
    const std::deque<Point>& points() const { return m_points; }  // oldest first
    QSize sizeHint() const override { return {180, 34}; }
    QSize minimumSizeHint() const override { return {60, 22}; }

    static constexpr qint64 kGapMs = 5000;  // readings further apart are not joined

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::deque<Point> m_points;
    qint64 m_windowMs = 300000;
    double m_min = 0;
    double m_max = 100;
    QColor m_color{0x4a, 0xa5, 0xf0};
};

}  // namespace tb
