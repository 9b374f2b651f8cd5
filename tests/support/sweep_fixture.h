#pragma once
// A finished sweep written as files, without a scheduler or a trainer: sweep.json, the queue's
// done/ markers and `state`, and one run folder per trial (run.json naming the sweep,
// status.json, metrics.jsonl). For the window's sweep tests and bench/sweep_ui.

#include <QString>
#include <QStringList>

namespace tb::test {

struct SyntheticSweep {
    QString id = QStringLiteral("20261206-120000-sweep-grid");
    int trials = 6;
    int records = 5;  // epochs of val/loss (and train/loss) per trial
    QString metric = QStringLiteral("val/loss");
    bool maximize = false;
    int running = 0;  // the last `running` trials are still running (no end, state running)
};

// Trial i (0-based) sets lr to one of four values and kind to one of three, so both a numeric
// and a text axis vary; its metric falls to 0.1 + 0.01 * ((i * 7) % trials), so the best trial
// is the one where (i * 7) % trials == 0. Returns the run ids in trial order.
QStringList writeSyntheticSweep(const QString& runsRoot, const SyntheticSweep& sweep);

}  // namespace tb::test
