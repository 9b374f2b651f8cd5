// bench_startup: launch-to-first-paint of the real MainWindow, 200 runs vs an empty runs root.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "first_paint_child.h"
#include "run_tree.h"

namespace {

// Milliseconds of one launch: [0] total (process start to end of first frame), then its parts.
using Sample = std::vector<double>;
const char* const kParts[] = {"exec + load to main()",    "QApplication",
                              "workspace + MainWindow()", "show()",
                              "to first Paint",           "first frame"};

std::optional<Sample> launch(const QString& runsRoot, const QString& home) {
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    // The window's saved layout and anything else the app keeps per user stays in the bench's dir.
    env.insert("HOME", home);
    env.insert("XDG_CONFIG_HOME", home + "/config");
    env.insert("XDG_DATA_HOME", home + "/data");
    env.insert("XDG_CACHE_HOME", home + "/cache");
    child.setProcessEnvironment(env);
    child.setProgram(QCoreApplication::applicationFilePath());
    child.setArguments({"--child", runsRoot});
    const long long started = tb::monotonicNs();
    child.start();
    if (!child.waitForFinished(60000) || child.exitCode() != 0) {
        std::fprintf(stderr, "child failed (exit %d): %s\n", child.exitCode(),
                     child.readAllStandardError().constData());
        return std::nullopt;
    }
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    if (fields.size() != 6) return std::nullopt;
    std::vector<long long> at{started};
    for (const QByteArray& field : fields) at.push_back(field.toLongLong());
    Sample sample{(at[6] - at[0]) / 1e6};
    for (std::size_t i = 1; i < at.size(); ++i) sample.push_back((at[i] - at[i - 1]) / 1e6);
    return sample;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// Per column: the median over the launches.
Sample medians(const std::vector<Sample>& samples) {
    Sample out;
    for (std::size_t c = 0; c < samples.front().size(); ++c) {
        std::vector<double> column;
        for (const Sample& s : samples) column.push_back(s[c]);
        out.push_back(median(column));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const long long mainNs = tb::monotonicNs();
    if (argc >= 3 && std::strcmp(argv[1], "--child") == 0)
        return tb::runFirstPaintChild(argc, argv, argv[2], mainNs);

    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains("--help")) {
        std::printf("usage: bench_startup [runs = 200] [launches per root = 7]\n");
        return 0;
    }
    const int runs = args.size() > 1 ? std::max(1, args[1].toInt()) : 200;
    const int repeats = args.size() > 2 ? std::max(1, args[2].toInt()) : 7;

    QTemporaryDir tmp;
    if (!tmp.isValid()) return 1;
    const QString empty = tmp.path() + "/empty", full = tmp.path() + "/full";
    QDir().mkpath(empty);
    QDir().mkpath(full);
    QElapsedTimer writing;
    writing.start();
    const qint64 bytes = tb::writeRunTree(full, runs);
    std::printf(
        "start-up to first paint, offscreen: %d runs (%.0f MB written in %.1f s) vs empty "
        "runs root, median of %d launches each (warm page cache, first launch of each "
        "discarded)\n",
        runs, bytes / 1e6, writing.elapsed() / 1e3, repeats);

    // The first launch of each seeds the configs folder and warms the page cache: not counted.
    if (!launch(empty, tmp.path() + "/home") || !launch(full, tmp.path() + "/home")) return 1;
    std::vector<Sample> emptySamples, fullSamples;
    for (int i = 0; i < repeats; ++i) {
        // Alternating, so drift (other load on the machine) hits both alike.
        for (bool first : {i % 2 == 0, i % 2 != 0}) {
            std::optional<Sample> s = launch(first ? empty : full, tmp.path() + "/home");
            if (!s) return 1;
            (first ? emptySamples : fullSamples).push_back(*s);
        }
    }
    const Sample e = medians(emptySamples), f = medians(fullSamples);
    std::printf("  %-26s %10s %10s\n", "ms (median)", "empty",
                qPrintable(QString("%1 runs").arg(runs)));
    for (std::size_t c = 0; c < std::size(kParts); ++c)
        std::printf("  %-26s %10.1f %10.1f\n", kParts[c], e[c + 1], f[c + 1]);
    std::printf("  %-26s %10.1f %10.1f\n", "launch to first frame", e[0], f[0]);
    std::printf("  ratio %d runs / empty: %.2fx; goal <= 1000 ms with %d runs: %s\n", runs,
                f[0] / e[0], runs, f[0] <= 1000 ? "met" : "NOT met");
    return 0;
}
