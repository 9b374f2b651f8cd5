#pragma once
// Pieces shared by the trainbench commands: options, finding a run, exit codes, formatting.

#include <QString>
#include <QStringList>

#include "protocol/result.h"
#include "runs/run_info.h"

namespace tb::cli {

constexpr int kExitUsage = 2;

struct CliOptions {
    QStringList positional;
    QStringList sets;  // --set k=v, repeatable
    QString runsRoot;  // --runs-root DIR, resolved (never empty after parseOptions)
    bool detach = false;
    bool json = false;
    bool fromEnd = false;
    bool kill = false;
};

// Parses argv[2..]; the error is a usage message naming the bad argument.
Result<CliOptions> parseOptions(int argc, char** argv);

// An exact run id, or a prefix that matches exactly one run under the runs root.
Result<QString> findRunId(const QString& runsRoot, const QString& idOrPrefix);

// Where trainbench-train and tb-wrap.sh are: $TRAINBENCH_BIN_DIR, else this program's folder.
QString binDir();

// 0 finished, 143 stopped, 1 failed or lost: what `run` and `follow` exit with.
int exitStatusOf(const RunInfo& run);

QString formatDuration(qint64 seconds);  // "1:02:03", "4:05"
QString formatNumber(double value);      // "-" for NaN

void printOut(const QString& text);  // to stdout, flushed
void printErr(const QString& text);  // to stderr with the "trainbench: " prefix and a newline

// Set by SIGINT while following: stop following, leave the run alone.
bool interrupted();
void watchInterrupt();

}  // namespace tb::cli
