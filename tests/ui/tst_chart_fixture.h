// Run directories with synthetic metrics.jsonl and checkpoint sidecars for the chart tests.
#pragma once

#include <QByteArray>
#include <QString>

namespace tbtest {

struct RunSpec {
    int points = 1000;  // train records
    int firstStep = 0;  // a resumed run continues its parent's steps
    int stepStride = 1;
    int valEvery = 0;  // one val/loss + val/acc record every this many steps; 0: none
    double startTime = 1.7e9;
    int spikeAt = -1;  // record index whose train/loss is spikeValue
    double spikeValue = 100;
    bool withTime = true;
    bool withExtras = true;  // train/acc and lr
    double lossScale = 1.0;
};

// Writes <root>/<id>/metrics.jsonl and returns the run directory.
QString writeRun(const QString& root, const QString& id, const RunSpec& spec);
QByteArray metricsLine(int step, double loss);
bool appendBytes(const QString& path, const QByteArray& bytes);
// checkpoints/<stem>.json as the trainer writes it; returns the .pt path it describes.
QString writeSidecar(const QString& runDir, int epoch, int step, double loss);

}  // namespace tbtest
