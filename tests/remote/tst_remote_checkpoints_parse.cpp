// A remote run's checkpoint listing without a host: captured output parsed, and the listing
// script run by the local sh on a hand-made run whose root has a name a shell would execute.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "remote/runs/remote_checkpoints.h"

using namespace tb;

namespace {

QByteArray frame(const QByteArray& key, const QByteArray& value) {
    return key + ' ' + QByteArray::number(value.size()) + '\n' + value + '\n';
}

// What sshd would do with the command line: hand it to a shell.
QByteArray runLocally(const RemoteCommand& command, int* exitCode, QByteArray* err = nullptr) {
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command.toString()});
    sh.waitForFinished(30000);
    *exitCode = sh.exitCode();
    if (err) *err = sh.readAllStandardError();
    return sh.readAllStandardOutput();
}

bool writeFile(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QByteArray kSidecar12 =
    R"({"epoch":1,"step":12,"time":1763820000.5,"metrics":{"val/loss":0.28,"val/acc":0.92},)"
    R"("config_sha256":"9f86","bytes":7,"sha256":"abc123"})";

}  // namespace

class TestRemoteCheckpointsParse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void capturedOutputBecomesEntriesByStep() {
        const QByteArray output =
            frame("dir", "/root/runs/r1") +
            frame("latest", R"({"checkpoint":"ckpt-e0001-s0000012.pt","epoch":1,"step":12})") +
            frame("pt", "ckpt-e0002-s0000024.pt") + frame("size", "9") + frame("sidecar", "") +
            frame("pt", "ckpt-e0001-s0000012.pt") + frame("size", "7") +
            frame("sidecar", kSidecar12) + frame("resolved", "name = demo") +
            frame("yaml", "name: demo\n");
        const auto list = parseRemoteCheckpoints(output, QStringLiteral("gpu-box"));
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().c_str());
        QCOMPARE(list->runDir, QStringLiteral("/root/runs/r1"));
        QCOMPARE(list->latest, QStringLiteral("ckpt-e0001-s0000012.pt"));
        QCOMPARE(list->entries.size(), 2);
        const CheckpointEntry& first = list->entries[0];  // by step; no sidecar reads as step 0
        const CheckpointEntry& second = list->entries[1];
        QCOMPARE(first.name, QStringLiteral("ckpt-e0002-s0000024"));
        QVERIFY(!first.complete);
        QCOMPARE(second.path, QStringLiteral("/root/runs/r1/checkpoints/ckpt-e0001-s0000012.pt"));
        QCOMPARE(second.step, 12);
        QCOMPARE(second.epoch, 1);
        QCOMPARE(second.bytes, 7);
        QCOMPARE(second.recordedBytes, 7);
        QVERIFY(second.complete);
        QCOMPARE(second.sha256, QStringLiteral("abc123"));
        QCOMPARE(second.metrics.value(QStringLiteral("val/acc")), 0.92);
        QCOMPARE(list->resolvedConfig, QByteArray("name = demo\n"));
        QCOMPARE(list->configYaml, QByteArray("name: demo\n"));
        QCOMPARE(list->find(QString()), &list->entries[1]);
        QCOMPARE(list->find(QStringLiteral("latest")), &list->entries[1]);
        QCOMPARE(list->find(QStringLiteral("ckpt-e0002-s0000024.pt")), &list->entries[0]);
        QCOMPARE(list->find(QStringLiteral("ckpt-e0002-s0000024")), &list->entries[0]);
        QVERIFY(!list->find(QStringLiteral("ckpt-e9999-s9999999.pt")));
    }

    void brokenOutputIsAnErrorNamingTheHost() {
        const auto cut = parseRemoteCheckpoints("dir 30\n/root", QStringLiteral("gpu-box"));
        QVERIFY(!cut.ok());
        QVERIFY(QString::fromStdString(cut.error()).contains(QLatin1String("gpu-box")));
        const auto orphan = parseRemoteCheckpoints(frame("dir", "/r") + frame("size", "3"),
                                                   QStringLiteral("gpu-box"));
        QVERIFY(!orphan.ok());
        QVERIFY(!parseRemoteCheckpoints(frame("pt", "x.pt"), QStringLiteral("b")).ok());
    }

    void scriptListsAHandMadeRun() {
        QTemporaryDir tmp;
        const QString marker = tmp.filePath(QStringLiteral("executed"));
        const QString root =
            tmp.filePath(QStringLiteral("runs $(touch %1) `touch %1`").arg(marker));
        const QString id = QStringLiteral("20261123-000000-it's");
        const QString checkpoints = root + QLatin1Char('/') + id + QStringLiteral("/checkpoints");
        QVERIFY(QDir().mkpath(checkpoints));
        QVERIFY(writeFile(checkpoints + QStringLiteral("/ckpt-e0001-s0000012.pt"), "1234567"));
        QVERIFY(writeFile(checkpoints + QStringLiteral("/ckpt-e0001-s0000012.json"), kSidecar12));
        QVERIFY(writeFile(checkpoints + QStringLiteral("/ckpt-e0002-s0000024.pt"), "12345"));
        QVERIFY(writeFile(checkpoints + QStringLiteral("/latest.json"),
                          R"({"checkpoint":"ckpt-e0001-s0000012.pt","epoch":1,"step":12})"
                          "\n"));
        QVERIFY(writeFile(root + QLatin1Char('/') + id + QStringLiteral("/config.resolved"),
                          "name = demo\nseed = 0\n"));

        int exitCode = -1;
        const QByteArray output = runLocally(listCheckpointsCommand(root, id, true), &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(!QFile::exists(marker));
        const auto list = parseRemoteCheckpoints(output, QStringLiteral("here"));
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().c_str());
        QCOMPARE(list->runDir, QDir(root).canonicalPath() + QLatin1Char('/') + id);
        QCOMPARE(list->entries.size(), 2);
        QCOMPARE(list->find(QStringLiteral("latest"))->bytes, 7);
        QVERIFY(list->find(QStringLiteral("latest"))->complete);
        QCOMPARE(list->find(QStringLiteral("ckpt-e0002-s0000024.pt"))->bytes, 5);
        QVERIFY(!list->find(QStringLiteral("ckpt-e0002-s0000024.pt"))->complete);
        QCOMPARE(list->resolvedConfig, QByteArray("name = demo\nseed = 0\n"));
        QVERIFY(list->configYaml.isEmpty());

        // Without the config flag no config frames; a run without checkpoints lists none.
        QVERIFY(QDir().mkpath(root + QStringLiteral("/empty")));
        const auto empty = parseRemoteCheckpoints(
            runLocally(listCheckpointsCommand(root, QStringLiteral("empty")), &exitCode),
            QStringLiteral("here"));
        QVERIFY(empty.ok() && empty->entries.isEmpty() && empty->latest.isEmpty());
        QVERIFY(empty->resolvedConfig.isEmpty());

        QByteArray err;
        runLocally(listCheckpointsCommand(root, QStringLiteral("nope")), &exitCode, &err);
        QCOMPARE(exitCode, 4);
        QVERIFY(err.contains("nope"));
        QVERIFY(!QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestRemoteCheckpointsParse)
#include "tst_remote_checkpoints_parse.moc"
