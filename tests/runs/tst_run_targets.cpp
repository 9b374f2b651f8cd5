// RunTargets picks a run's Backend from its target; LocalBackend answers the asynchronous calls.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "core/runs/await_result.h"
#include "core/runs/local_backend.h"
#include "core/runs/run_info.h"
#include "core/runs/run_targets.h"

using namespace tb;

namespace {

// A Backend that only records what it was asked.
class RecordingBackend : public Backend {
public:
    QStringList calls;
    void launchAsync(const LaunchRequest& request, Done<QString> done) override {
        calls.append("launch " + request.configPath);
        done(QStringLiteral("run-1"));
    }
    void stopAsync(const QString& runId, Done<void> done) override {
        calls.append("stop " + runId);
        done({});
    }
    void killAsync(const QString& runId, Done<void> done) override {
        calls.append("kill " + runId);
        done({});
    }
    void configAsync(const QString& runId, Done<QByteArray> done) override {
        calls.append("config " + runId);
        done(QByteArray("name: x\n"));
    }
};

}  // namespace

class RunTargetsTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void localTargetsGetTheLocalBackend() {
        RecordingBackend local;
        RunTargets targets(&local);
        QCOMPARE(targets.backend(QString()), &local);
        QCOMPARE(targets.backend(QStringLiteral("local")), &local);
        RunInfo run;
        run.target = QStringLiteral("local");
        QCOMPARE(targets.backendOf(run), &local);
    }

    void hostsComeFromTheLookup() {
        RecordingBackend local, gpuBox;
        RunTargets targets(&local);
        QCOMPARE(targets.backend(QStringLiteral("gpu-box")), nullptr);  // no lookup: unknown
        QStringList asked;
        targets.setHostLookup([&](const QString& host) -> Backend* {
            asked.append(host);
            return host == QLatin1String("gpu-box") ? &gpuBox : nullptr;
        });
        RunInfo run;
        run.id = QStringLiteral("20261206-120000-demo");
        run.target = QStringLiteral("gpu-box");
        Backend* backend = targets.backendOf(run);
        QCOMPARE(backend, &gpuBox);
        backend->stopAsync(run.id, [](Result<void>) {});
        QCOMPARE(gpuBox.calls, QStringList{"stop " + run.id});
        QVERIFY(local.calls.isEmpty());
        QCOMPARE(targets.backend(QStringLiteral("gone")), nullptr);
        QCOMPARE(asked, (QStringList{"gpu-box", "gone"}));
    }

    void localConfigIsTheRunsConfigYaml() {
        QTemporaryDir root;
        const QString id = QStringLiteral("20261206-120000-demo");
        QVERIFY(QDir(root.path()).mkpath(id));
        QFile config(root.path() + "/" + id + "/config.yaml");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("name: demo\nseed: 3\n");
        config.close();
        LocalBackend local(root.path(), root.path());
        Result<QByteArray> yaml = awaitResult<QByteArray>(
            [&](Backend::Done<QByteArray> done) { local.configAsync(id, done); }, "config");
        QVERIFY(yaml);
        QCOMPARE(*yaml, QByteArray("name: demo\nseed: 3\n"));
        yaml = awaitResult<QByteArray>(
            [&](Backend::Done<QByteArray> done) { local.configAsync("no-such-run", done); },
            "config");
        QVERIFY(!yaml);
        QVERIFY2(QString::fromStdString(yaml.error()).contains("no-such-run/config.yaml"),
                 yaml.error().c_str());
    }
};

QTEST_GUILESS_MAIN(RunTargetsTest)
#include "tst_run_targets.moc"
