// Pieces shared by the trainbench commands.
#include "cli_common.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>
#include <csignal>
#include <cstdio>
#include "core/runs/fail_text.h"
#include "core/runs/run_catalog.h"
#include "core/runs/workspace.h"

namespace tb::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int) {
    g_interrupted = 1;
}

}  // namespace

Result<int> processesPerNode(const ParsedArgs& parsed) {
    if (!parsed.has(QStringLiteral("nproc-per-node"))) return 1;
    bool ok = false;
    const int processes = parsed.value(QStringLiteral("nproc-per-node")).toInt(&ok);
    if (!ok || processes < 1 || processes > 1024)
        return failText(Text::tr("--nproc-per-node needs a whole number from 1 to 1024"),
                        kExitUsage);
    return processes;
}

CliOptions localOptions(const ParsedArgs& parsed) {
    CliOptions options;
    options.positional = parsed.positional;
    options.sets = parsed.values(QStringLiteral("set"));
    options.runsRoot = resolveRunsRoot(parsed.value(QStringLiteral("runs-root")));
    options.detach = parsed.has(QStringLiteral("detach"));
    options.json = parsed.has(QStringLiteral("json"));
    options.fromEnd = parsed.has(QStringLiteral("from-end"));
    options.kill = parsed.has(QStringLiteral("kill"));
    return options;
}

Result<QString> findRunId(RunCatalog& catalog, const QString& idOrPrefix) {
    catalog.refresh();
    if (catalog.find(idOrPrefix)) return idOrPrefix;
    QStringList matches;
    for (const RunInfo& run : catalog.runs()) {
        if (run.id.startsWith(idOrPrefix)) matches.append(run.id);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.isEmpty()) {
        return failText(Text::tr("no run matches '%1' in %2; `trainbench runs` lists them")
                            .arg(idOrPrefix, catalog.runsRoot()));
    }
    const QString some = matches.mid(0, 4).join(QLatin1String(", ")) +
                         (matches.size() > 4 ? QStringLiteral(", ...") : QString());
    //: %1 is the prefix typed, %2 how many run ids start with it, %3 the first few of them
    return failText(Text::tr("'%1' matches %2 runs (%3); give more of the id")
                        .arg(idOrPrefix, QString::number(matches.size()), some));
}

QString binDir() {
    const QString fromEnvironment = qEnvironmentVariable("TRAINBENCH_BIN_DIR");
    if (!fromEnvironment.isEmpty()) return fromEnvironment;
    return QCoreApplication::applicationDirPath();
}

int exitStatusOf(const RunInfo& run) {
    switch (run.state) {
        case RunState::Finished:
            return 0;
        case RunState::Stopped:
            return 143;
        default:
            return 1;
    }
}

QString formatDuration(qint64 seconds) {
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString tail = QStringLiteral("%1:%2")
                             .arg(minutes, hours ? 2 : 1, 10, QLatin1Char('0'))
                             .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return hours ? QString::number(hours) + QLatin1Char(':') + tail : tail;
}

QString formatNumber(double value) {
    return std::isnan(value) ? QStringLiteral("-") : QString::number(value, 'g', 4);
}

QString terminalSafe(const QString& text) {
    QString safe = text;
    for (QChar& c : safe) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f);
        // Bidirectional overrides reorder what is shown (a name can display as another).
        const bool reorders = (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (control || reorders) c = QLatin1Char('?');
    }
    return safe;
}

void printOut(const QString& text) {
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printErr(const QString& text) {
    std::fprintf(stderr, "trainbench: %s\n", terminalSafe(text).toLocal8Bit().constData());
}

bool interrupted() {
    return g_interrupted != 0;
}

void watchInterrupt() {
    std::signal(SIGINT, onInterrupt);
}

CancelOnInterrupt::CancelOnInterrupt(std::function<void()> cancel) {
    watchInterrupt();
    QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [cancel = std::move(cancel)] {
        if (interrupted()) cancel();
    });
    m_tick.start(100);
}

}  // namespace tb::cli
