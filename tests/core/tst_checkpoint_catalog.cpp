// CheckpointCatalog on a real run: listing from sidecars, verification in a child process
// (corrupt files flagged, the app unharmed), and deletion keeping latest.json valid.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/checkpoints/checkpoint_catalog.h"

using namespace tb;

class CheckpointCatalogTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsCheckpointsWithMetrics();
    void verifiesGoodAndFlagsCorrupt();
    void deletingKeepsLatestValid();

private:
    QString trainer() const { return qEnvironmentVariable("TB_BIN_DIR") + "/trainbench-train"; }
    QTemporaryDir m_dir;
    QString m_runDir;
};

void CheckpointCatalogTest::initTestCase() {
    const QString config = m_dir.path() + "/c.yaml";
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "model: {kind: mlp, hidden: [16]}\n"
        "data: {synthetic: {samples: 300, classes: 3, shape: [8]}}\n"
        "train: {epochs: 3, keep_checkpoints: 5, threads: 1}\n");
    file.close();
    m_runDir = m_dir.path() + "/run";
    QProcess process;
    process.start(trainer(), {"--config", config, "--run-dir", m_runDir});
    QVERIFY(process.waitForFinished(120000));
    QCOMPARE(process.exitCode(), 0);
}

void CheckpointCatalogTest::listsCheckpointsWithMetrics() {
    CheckpointCatalog catalog(trainer());
    catalog.setRunDir(m_runDir);
    QCOMPARE(catalog.entries().size(), 3);
    QCOMPARE(catalog.entries()[0].epoch, 1);
    QCOMPARE(catalog.entries()[2].epoch, 3);
    QVERIFY(catalog.entries()[0].step < catalog.entries()[1].step);
    QVERIFY(catalog.entries()[2].metrics.contains("val/acc"));
    QVERIFY(catalog.entries()[2].complete);
}

void CheckpointCatalogTest::verifiesGoodAndFlagsCorrupt() {
    CheckpointCatalog catalog(trainer());
    catalog.setRunDir(m_runDir);
    catalog.inspect(2);
    QTRY_COMPARE_WITH_TIMEOUT(catalog.entries()[2].check, CheckpointEntry::Check::Ok, 60000);
    QCOMPARE(catalog.entries()[2].paramSha256.size(), 64);

    // Truncate a copy's bytes in place (the sidecar still promises the old size).
    const QString path = catalog.entries()[0].path;
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.resize(file.size() / 2));
    file.close();
    catalog.refresh();
    QVERIFY(!catalog.entries()[0].complete);
    catalog.inspect(0);
    QTRY_COMPARE_WITH_TIMEOUT(catalog.entries()[0].check, CheckpointEntry::Check::Corrupt, 60000);
    QVERIFY2(catalog.entries()[0].checkMessage.contains(path),
             qPrintable(catalog.entries()[0].checkMessage));
}

void CheckpointCatalogTest::deletingKeepsLatestValid() {
    CheckpointCatalog catalog(trainer());
    catalog.setRunDir(m_runDir);
    const int before = catalog.entries().size();
    const QString newest = catalog.entries().last().name;
    QVERIFY(catalog.remove(before - 1).ok());
    QCOMPARE(catalog.entries().size(), before - 1);
    QVERIFY(!QFile::exists(m_runDir + "/checkpoints/" + newest + ".pt"));
    QFile latest(m_runDir + "/checkpoints/latest.json");
    QVERIFY(latest.open(QIODevice::ReadOnly));
    const QString named =
        QJsonDocument::fromJson(latest.readAll()).object().value("checkpoint").toString();
    QCOMPARE(named, catalog.entries().last().name + ".pt");
    QVERIFY(QFile::exists(m_runDir + "/checkpoints/" + named));
}

QTEST_GUILESS_MAIN(CheckpointCatalogTest)
#include "tst_checkpoint_catalog.moc"
