#pragma once
// `trainbench import-tb LOGDIR`: a folder of TensorBoard runs turned into Trainbench runs, so
// curves logged elsewhere (Colab, a box's /root/tf-logs) sit beside ours in one table.

#include <QList>
#include <QString>
#include <QStringList>

#include "core/protocol/result.h"

namespace tb {

struct ImportedRun {
    QString id;      // the new run's folder under the runs root
    QString source;  // the TensorBoard run folder it came from
    int records = 0;
};

struct TensorboardImport {
    QList<ImportedRun> runs;
    QStringList notes;  // damaged files, folders without scalars, folders imported before
};

// Every folder under `logDir` (itself included, 6 levels down, at most 1000) that holds event
// files directly is one TensorBoard run, and becomes one finished run in `runsRoot`: its
// scalars in metrics.jsonl, its first and last event times as start and end, run.json saying
// where it came from. A folder imported before (same absolute path) is skipped. Fails only
// when `logDir` is not a folder or the runs root cannot be written.
Result<TensorboardImport> importTensorboard(const QString& logDir, const QString& runsRoot);

}  // namespace tb
