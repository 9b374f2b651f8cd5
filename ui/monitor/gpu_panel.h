// GpuPanel: live GPU gauges and timelines of this machine or a host, and the low-use hint.
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include <vector>

#include "core/gpu/gpu_sample.h"
#include "core/gpu/gpu_source.h"
#include "core/gpu/gpu_util_hint.h"

class QComboBox;
class QGroupBox;
class QLabel;
class QVBoxLayout;

namespace tb {

class GaugeRow;

class GpuPanel : public QWidget {
    Q_OBJECT
public:
    explicit GpuPanel(QWidget* parent = nullptr);

    // Follows its signals and shows its history so far; does not own, start or stop it.
    void setSource(GpuSource* source);
    GpuSource* source() const { return m_source; }

    // The source selector: "This machine" (key "") and these hosts (key: the host's name).
    // The current choice stays when it is still offered.
    void setHostChoices(const QStringList& hosts);
    QString currentSourceKey() const;
    void selectSourceKey(const QString& key);  // emits sourceRequested when it changes
    QComboBox* sourceBox() const { return m_sourceBox; }

    // The run training where the shown GPUs are, for the hint; an empty name: none.
    void setTrainingRun(const TrainingRun& run);
    const TrainingRun& trainingRun() const { return m_trainingRun; }
    void setHintSettings(const GpuUtilHintSettings& settings);  // tests shorten the minute
    QString hintText() const;
    bool isHintShown() const;

    int gpuCardCount() const { return int(m_cards.size()); }
    QString stateText() const;
    bool showsSystemFallback() const;
    // For tests: the rows of GPU `card` (0 utilisation, 1 memory, 2 temperature, 3 power).
    GaugeRow* gpuRow(int card, int row) const;
    QString cardTitle(int card) const;
    GaugeRow* cpuRow() const { return m_cpuRow; }
    GaugeRow* memoryRow() const { return m_memoryRow; }

    static constexpr int kHistorySeconds = 300;

Q_SIGNALS:
    void sourceRequested(const QString& key);

public Q_SLOTS:
    // `timeMs`: when the round was read (ms since the epoch); 0 means now.
    void showGpuSamples(const QList<tb::GpuSample>& gpus, qint64 timeMs = 0);
    void showSystemSample(const tb::SystemSample& sample, qint64 timeMs = 0);
    void showMode(tb::GpuSource::Mode mode, const QString& message);

private:
    struct Card {
        int index = -1;
        QGroupBox* box = nullptr;
        GaugeRow* rows[4] = {};
        double powerScale = 100;
    };
    Card& cardFor(const GpuSample& sample);
    void clearReadings();
    void updateHint();

    QPointer<GpuSource> m_source;
    QComboBox* m_sourceBox = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_hint = nullptr;
    QVBoxLayout* m_cardsLayout = nullptr;
    std::vector<Card> m_cards;
    QGroupBox* m_systemBox = nullptr;
    GaugeRow* m_cpuRow = nullptr;
    GaugeRow* m_memoryRow = nullptr;
    GpuUtilHintSettings m_hintSettings;
    GpuUtilHint m_hintLogic;
    TrainingRun m_trainingRun;
};

}  // namespace tb
