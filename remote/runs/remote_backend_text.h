#pragma once
// Small text helpers RemoteBackend's files share (internal to remote/).

#include <QString>

#include "remote/ssh/ssh_result.h"

namespace tb::backend_text {

inline QString stderrOf(const ExecResult& result) {
    return QString::fromUtf8(result.standardError).trimmed();
}

// A run id names a directory right under the runs root: no path tricks.
inline bool isRunId(const QString& id) {
    return !id.isEmpty() && !id.startsWith(QLatin1Char('.')) && !id.contains(QLatin1Char('/'));
}

}  // namespace tb::backend_text
