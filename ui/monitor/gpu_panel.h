// GpuPanel: live GPU gauges and timelines, or CPU and memory when the machine has no GPU.
#pragma once

#include <QList>
#include <QWidget>

#include <vector>

#include "gpu/gpu_monitor.h"
#include "gpu/gpu_sample.h"

class QGroupBox;
class QLabel;
class QVBoxLayout;

namespace tb {

class GaugeRow;

class GpuPanel : public QWidget {
    Q_OBJECT
public:
    explicit GpuPanel(QWidget* parent = nullptr);

    void setMonitor(GpuMonitor* monitor);  // follows its signals; does not own or start it

    int gpuCardCount() const { return int(m_cards.size()); }
    QString stateText() const;
    bool showsSystemFallback() const;
    // For tests: the rows of GPU `card` (0 utilisation, 1 memory, 2 temperature, 3 power).
    GaugeRow* gpuRow(int card, int row) const;
    GaugeRow* cpuRow() const { return m_cpuRow; }
    GaugeRow* memoryRow() const { return m_memoryRow; }

    static constexpr int kHistorySeconds = 300;

public Q_SLOTS:
    void showGpuSamples(const QList<tb::GpuSample>& gpus);
    void showSystemSample(const tb::SystemSample& sample);
    void showMode(tb::GpuMonitor::Mode mode, const QString& message);

private:
    struct Card {
        int index = -1;
        QGroupBox* box = nullptr;
        GaugeRow* rows[4] = {};
        double powerScale = 100;
    };
    Card& cardFor(const GpuSample& sample);

    GpuMonitor* m_monitor = nullptr;
    QLabel* m_state = nullptr;
    QVBoxLayout* m_cardsLayout = nullptr;
    std::vector<Card> m_cards;
    QGroupBox* m_systemBox = nullptr;
    GaugeRow* m_cpuRow = nullptr;
    GaugeRow* m_memoryRow = nullptr;
};

}  // namespace tb
