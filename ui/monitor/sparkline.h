// Sparkline: a small custom-painted timeline of the last N values (no plot library).
#pragma once

#include <QColor>
#include <QWidget>

#include <deque>

namespace tb {

class Sparkline : public QWidget {
    Q_OBJECT
public:
    explicit Sparkline(QWidget* parent = nullptr);

    void setCapacity(int values);           // one value a second: 300 is five minutes
    void setRange(double min, double max);  // fixed, so 40 % never looks like a full scale
    void setColor(const QColor& color);
    void addValue(double value);  // NaN leaves a gap (a reading nvidia-smi could not give)

    int valueCount() const { return int(m_values.size()); }
    QSize sizeHint() const override { return {180, 34}; }
    QSize minimumSizeHint() const override { return {60, 22}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::deque<double> m_values;
    int m_capacity = 300;
    double m_min = 0;
    double m_max = 100;
    QColor m_color{0x4a, 0xa5, 0xf0};
};

}  // namespace tb
