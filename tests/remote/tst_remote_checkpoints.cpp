// Remote checkpoints through a local sshd ("the box" is this machine): a finished remote run's
// checkpoints listed; resume on the same host, on another host (a second host name with its own
// runs root) and on this machine after a download, each continuing at the checkpoint's step;
// a damaged checkpoint or download refused with a message naming host and file.

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

#include "core/checkpoints/checkpoint_catalog.h"
#include "core/protocol/run_layout.h"
#include "core/runs/local_backend.h"
#include "remote/runs/checkpoint_move.h"
#include "remote/runs/remote_backend.h"
#include "remote/ssh/host_connection.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb;
using namespace tb::test;

namespace {

const QString kHost = QStringLiteral("gpu-box");
const QString kOther = QStringLiteral("other-box");

// Waits for an asynchronous CheckpointMove step.
Result<QString> await(const std::function<void(CheckpointMove::Done)>& start) {
    std::optional<Result<QString>> outcome;
    start([&](Result<QString> result) { outcome.emplace(std::move(result)); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 300000))
        return fail("no answer in 300 s");
    return std::move(*outcome);
}

qint64 firstMetricsStep(const QString& runDir) {
    const QList<QJsonObject> records = metricsRecords(runDir);
    return records.isEmpty() ? -1 : qint64(records.front().value("step").toDouble());
}

}  // namespace

class TestRemoteCheckpoints : public SshdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        if (!m_skipReason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no local sshd: ") + m_skipReason));
        m_source = connectAs(kHost, m_tmp.filePath(QStringLiteral("runs a $(touch x)")));
        m_target = connectAs(kOther, m_tmp.filePath(QStringLiteral("other runs")));
        QVERIFY(m_source.backend && m_target.backend);
    }

    void cleanup() {
        m_source = {};
        m_target = {};
    }

    void listsTheCheckpointsOfAFinishedRun() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const auto list = m_source.backend->checkpoints(id);
        QVERIFY2(list.ok(), list.ok() ? "" : list.error().c_str());
        const QString dir = m_source.backend->runDir(id);
        QCOMPARE(list->runDir, dir);
        // The same entries the local catalog reads from the same files.
        CheckpointCatalog local(binDir() + QStringLiteral("/trainbench-train"));
        local.setRunDir(dir);
        QVERIFY(local.entries().size() >= 2);
        QCOMPARE(list->entries.size(), local.entries().size());
        for (qsizetype i = 0; i < list->entries.size(); ++i) {
            const CheckpointEntry& remote = list->entries[i];
            QCOMPARE(remote.path, local.entries()[i].path);
            QCOMPARE(remote.step, local.entries()[i].step);
            QCOMPARE(remote.bytes, local.entries()[i].bytes);
            QCOMPARE(remote.metrics, local.entries()[i].metrics);
            QVERIFY(remote.complete);
            QCOMPARE(remote.sha256.size(), 64);
        }
        QCOMPARE(list->latest,
                 jsonFile(dir + "/checkpoints/latest.json").value("checkpoint").toString());
        QVERIFY(!m_source.backend->checkpoints(QStringLiteral("20200101-000000-none")).ok());
    }

    void resumeOnTheSameHostContinuesAtItsStep() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const CheckpointEntry first = firstCheckpoint(id);
        LaunchRequest request;
        request.parentRun = id;
        request.parentCheckpoint = first.fileName();
        const auto child = m_source.backend->launch(request);
        QVERIFY2(child.ok(), child.ok() ? "" : child.error().c_str());
        checkResumed(m_source.backend->runDir(*child), id, first, first.path);
        QCOMPARE(fileText(m_source.backend->runDir(*child) + "/config.yaml"),
                 fileText(m_source.backend->runDir(id) + "/config.yaml"));

        request.parentCheckpoint = QStringLiteral("ckpt-e9999-s9999999.pt");
        const auto missing = m_source.backend->launch(request);
        QVERIFY(!missing.ok());
        const QString message = QString::fromStdString(missing.error());
        QVERIFY2(message.contains(kHost) && message.contains(m_source.backend->runDir(id) +
                                                             "/checkpoints/ckpt-e9999-s9999999.pt"),
                 qPrintable(message));
    }

    void forkOnTheSameHostTakesTheEditedConfig() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const CheckpointEntry first = firstCheckpoint(id);
        LaunchRequest request;
        request.parentRun = id;
        request.parentCheckpoint = first.fileName();
        request.configText =
            QString::fromUtf8(fileText(demoConfig()))
                .replace(QStringLiteral("name: demo"), QStringLiteral("name: forked"));
        request.sets = quickSets();
        const auto child = m_source.backend->launch(request);
        QVERIFY2(child.ok(), child.ok() ? "" : child.error().c_str());
        QVERIFY(child->endsWith(QStringLiteral("forked")));
        checkResumed(m_source.backend->runDir(*child), id, first, first.path);
    }

    void downloadThenResumeLocallyContinuesAtItsStep() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const CheckpointEntry first = firstCheckpoint(id);
        LocalBackend local(m_tmp.filePath(QStringLiteral("local runs")), binDir());
        CheckpointMove move(m_source.backend.get(), id, first.fileName());
        int progressReports = 0;
        connect(&move, &CheckpointMove::progress, this, [&] { ++progressReports; });
        const auto child = await([&](CheckpointMove::Done done) {
            move.resumeLocally(local, local.runsRoot() + "/.imported", {}, done);
        });
        QVERIFY2(child.ok(), child.ok() ? "" : child.error().c_str());
        QVERIFY(progressReports > 0);
        const QString copy = local.runsRoot() + "/.imported/gpu-box/" + id;
        QCOMPARE(fileText(copy + "/checkpoints/" + first.fileName()), fileText(first.path));
        QCOMPARE(jsonFile(copy + "/checkpoints/" + first.name + ".json").value("sha256").toString(),
                 first.sha256);
        QVERIFY(!QFile::exists(copy + "/checkpoints/" + first.fileName() + ".part"));
        checkResumed(local.runsRoot() + "/" + *child, id, first,
                     copy + "/checkpoints/" + first.fileName());
        QCOMPARE(jsonFile(local.runsRoot() + "/" + *child + "/run.json").value("target").toString(),
                 QStringLiteral("local"));
    }

    void resumeOnAnotherHostUploadsTheCheckpointFirst() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const CheckpointEntry first = firstCheckpoint(id);
        CheckpointMove move(m_source.backend.get(), id, first.fileName());
        const auto child = await([&](CheckpointMove::Done done) {
            move.resumeOnHost(m_target.backend.get(), m_tmp.filePath("stage"), {}, done);
        });
        QVERIFY2(child.ok(), child.ok() ? "" : child.error().c_str());
        const QString staged = QDir(m_tmp.filePath(QStringLiteral("other runs"))).canonicalPath() +
                               "/.imported/gpu-box/" + id + "/checkpoints/" + first.fileName();
        QCOMPARE(fileText(staged), fileText(first.path));
        const QString dir = m_target.backend->runDir(*child);
        QVERIFY(dir.startsWith(QDir(m_tmp.filePath(QStringLiteral("other runs"))).canonicalPath()));
        checkResumed(dir, id, first, staged);
        QCOMPARE(jsonFile(dir + "/run.json").value("target").toString(), kOther);
    }

    // The box's file no longer matches what the trainer recorded: refused, nothing kept.
    void damagedCheckpointOnTheBoxIsRefused() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const QString damagedId = id + QStringLiteral("-damaged");
        const QString damaged = m_source.backend->runsRoot() + "/" + damagedId;
        QVERIFY(runTool(QStringLiteral("cp"),
                        {QStringLiteral("-r"), m_source.backend->runDir(id), damaged})
                    .has_value());
        const CheckpointEntry first = firstCheckpoint(id);
        QFile pt(damaged + "/checkpoints/" + first.fileName());
        QVERIFY(pt.open(QIODevice::ReadWrite));
        QVERIFY(pt.seek(pt.size() / 2));
        QVERIFY(pt.write("XXXX") == 4);
        pt.close();
        CheckpointMove move(m_source.backend.get(), damagedId, first.fileName());
        const QString dest = m_tmp.filePath(QStringLiteral("downloads"));
        const auto refused = await([&](CheckpointMove::Done done) { move.download(dest, done); });
        QVERIFY(!refused.ok());
        const QString message = QString::fromStdString(refused.error());
        QVERIFY2(message.contains(kHost) && message.contains(first.fileName()) &&
                     message.contains(QLatin1String("sidecar")),
                 qPrintable(message));
        const QString copy = dest + "/gpu-box/" + damagedId + "/checkpoints/" + first.fileName();
        QVERIFY(!QFile::exists(copy));
        QVERIFY(!QFile::exists(copy + ".part"));
    }

    // A .part that is not a prefix of the file: the transfer's own sha256 check refuses it,
    // removes it, and the next download starts over and succeeds.
    void damagedPartialDownloadIsRefusedThenRedone() {
        const QString id = parentRun();
        QVERIFY(!id.isEmpty());
        const CheckpointEntry first = firstCheckpoint(id);
        const QString dest = m_tmp.filePath(QStringLiteral("partial"));
        const QString copy = dest + "/gpu-box/" + id + "/checkpoints/" + first.fileName();
        QVERIFY(QDir().mkpath(QFileInfo(copy).absolutePath()));
        QFile part(copy + ".part");
        QVERIFY(part.open(QIODevice::WriteOnly));
        QVERIFY(part.write(QByteArray(1000, 'z')) == 1000);
        part.close();
        CheckpointMove move(m_source.backend.get(), id, first.fileName());
        const auto refused = await([&](CheckpointMove::Done done) { move.download(dest, done); });
        QVERIFY(!refused.ok());
        const QString message = QString::fromStdString(refused.error());
        QVERIFY2(message.contains(QLatin1String("sha256")) && message.contains(copy),
                 qPrintable(message));
        QVERIFY(!QFile::exists(copy + ".part"));
        const auto again = await([&](CheckpointMove::Done done) { move.download(dest, done); });
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
        QCOMPARE(fileText(copy), fileText(first.path));
    }

private:
    struct Host {
        std::unique_ptr<HostConnection> connection;
        std::unique_ptr<RemoteBackend> backend;
    };

    Host connectAs(const QString& name, const QString& root) {
        Host host;
        HostConnectionOptions options;
        options.session = testOptions();
        host.connection = std::make_unique<HostConnection>(
            keyTarget(m_sshd, m_tmp.filePath(QStringLiteral("known_hosts"))), name, options);
        host.connection->acceptHostKey(m_sshd.hostKeyFingerprint());
        if (!QTest::qWaitFor([&] { return host.connection->state() == ConnectionState::Connected; },
                             30000))
            return {};
        host.backend = testBackend(host.connection.get(), name, root);
        return host;
    }

    // One short finished run on the source host, shared by the tests.
    QString parentRun() {
        if (!m_parentRun.isEmpty()) return m_parentRun;
        LaunchRequest request;
        request.configPath = demoConfig();
        request.sets = quickSets();
        const auto id = m_source.backend->launch(request);
        if (!id.ok()) {
            qWarning("launch failed: %s", id.error().c_str());
            return {};
        }
        const QString dir = m_source.backend->runDir(*id);
        if (!QTest::qWaitFor([&] { return stateOf(dir) == QLatin1String("finished"); }, 300000))
            return {};
        m_parentRun = *id;
        return m_parentRun;
    }

    CheckpointEntry firstCheckpoint(const QString& id) {
        const auto list = m_source.backend->checkpoints(id);
        return list.ok() && !list->entries.isEmpty() ? list->entries.front() : CheckpointEntry{};
    }

    // Finished, its first metrics step after the checkpoint's, run.json naming the parent.
    void checkResumed(const QString& dir, const QString& parent, const CheckpointEntry& from,
                      const QString& resumedPath) {
        QVERIFY(from.step > 0);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(dir), QStringLiteral("finished"), 300000);
        const qint64 firstStep = firstMetricsStep(dir);
        QVERIFY2(firstStep > from.step,
                 qPrintable(
                     QStringLiteral("first step %1, checkpoint %2").arg(firstStep).arg(from.step)));
        const QJsonObject run = jsonFile(dir + "/run.json");
        QCOMPARE(run.value("parent").toObject().value("run").toString(), parent);
        QCOMPARE(run.value("parent").toObject().value("checkpoint").toString(), from.fileName());
        const QJsonArray command = run.value("command").toArray();
        const QVariantList words = command.toVariantList();
        const qsizetype at = words.indexOf(QVariant(QStringLiteral("--resume")));
        QVERIFY(at > 0);
        QCOMPARE(command.at(at + 1).toString(), resumedPath);
    }

    QTemporaryDir m_tmp;
    Host m_source;
    Host m_target;
    QString m_parentRun;
};

QTEST_GUILESS_MAIN(TestRemoteCheckpoints)
#include "tst_remote_checkpoints.moc"
