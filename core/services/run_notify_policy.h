// RunNotifyPolicy: decides which run events deserve a desktop notification. No widgets.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

#include "protocol/run_status.h"

namespace tb {

struct RunNotification {
    enum class Kind { Finished, Failed, Lost, LossNotFinite };
    Kind kind;
    QString title;
    QString text;
};

// Only transitions seen by this session count: runs already finished when the app starts
// (the catalog reports them all at once) must not produce a burst of notifications.
class RunNotifyPolicy {
public:
    std::optional<RunNotification> stateChanged(const QString& runId, const QString& name,
                                                RunState state);
    // Keys containing "loss" (train/loss, val_loss, ...) are watched for NaN and infinity.
    std::optional<RunNotification> metricValue(const QString& runId, const QString& key,
                                               double value);

private:
    QHash<QString, RunState> m_states;
    QHash<QString, QString> m_names;
    QSet<QString> m_lossWarned;
};

}  // namespace tb
