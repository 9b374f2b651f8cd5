#pragma once
// Turns the output of scanRunsCommand into the RunInfo the local catalog shows, concluding
// `lost` for runs whose process is gone on the host without an exit code.

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/protocol/result.h"
#include "core/runs/run_info.h"

namespace tb {

struct RemoteScan {
    QString root;         // absolute runs root on the host; empty when it does not exist yet
    QList<RunInfo> runs;  // newest first, like RunCatalog
};

// `hostName` names the host in messages and is the target of runs whose run.json has none.
Result<RemoteScan> parseRemoteScan(const QByteArray& output, const QString& hostName);

// What a run whose process is gone without an exit status says (scan and follow alike).
QString lostMessage(qint64 pid, const QString& hostName);

}  // namespace tb
