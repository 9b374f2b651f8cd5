#pragma once
// Turns the output of scanRunsCommand into the RunInfo the local catalog shows, concluding
// `lost` for runs whose process is gone on the host without an exit code.

#include <QByteArray>
#include <QList>
#include <QString>

#include "protocol/result.h"
#include "runs/run_info.h"

namespace tb {

struct RemoteScan {
    QString root;         // absolute runs root on the host; empty when it does not exist yet
    QList<RunInfo> runs;  // newest first, like RunCatalog
};

// `hostName` names the host in messages and is the target of runs whose run.json has none.
Result<RemoteScan> parseRemoteScan(const QByteArray& output, const QString& hostName);

}  // namespace tb
