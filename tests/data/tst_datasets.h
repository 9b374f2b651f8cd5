#pragma once
// The dataset reader tests: file formats (tst_file_formats.cpp), synthetic data and the
// train/val split (tst_synthetic_split.cpp). One executable, test_datasets.

#include <QObject>
#include <QString>

#include "core/config/train_config.h"

namespace tb::testdata {
// Every field set: DataConfig has no defaults of its own.
DataConfig dataConfig(const std::string& kind, const QString& path, double valFraction = 0.0);
}  // namespace tb::testdata

class DatasetsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // MNIST IDX
    void mnistUsesTestFilesAsValidation();
    void mnistSplitsWhenNoTestFiles();
    void mnistRejectsWrongMagic();
    void mnistRejectsTruncatedFile();
    void mnistRejectsLabelCountMismatch();
    void mnistRejectsLabelOutOfRange();
    void mnistNamesMissingFile();
    // CIFAR-10 binary
    void cifarReadsBatchesPerChannel();
    void cifarRejectsPartialRecord();
    void cifarNeedsADataBatch();
    // CSV
    void csvLabelByHeaderName();
    void csvLabelByIndexWithoutHeader();
    void csvStringLabelsAreSortedClasses();
    void csvQuotedFieldsKeepCommas();
    void csvRejectsBrokenFile_data();
    void csvRejectsBrokenFile();
    void csvRejectsOverlongLine();
    // Synthetic data and the split
    void syntheticIsDeterministicInSeed();
    void syntheticFeatureVectors();
    void syntheticRejectsBadShape();
    void syntheticIsLearnableButNotTrivial();
    void splitIsSeededDisjointAndNormalisedWithTrainStats();
    void unknownKindIsAnError();
};
