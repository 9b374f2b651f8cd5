// HostPreparer through a local sshd, this machine standing in for the box (its system LibTorch):
// one real build whose binary runs remotely, the second prepare served from the cache, a changed
// source set starting a new build (cancelled, its process group gone), and a box without cmake
// answered with the install command.

#include "app/cli/cli_main.h"
#include "remote/hosts/host_store.h"
#include "remote/prepare/prepare_host.h"
#include "remote/prepare/prepare_host_box.h"
#include "remote/prepare/prepare_host_sources.h"
#include "ssh_test_support.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace tb;
using namespace tb::test;

namespace {

struct Outcome {
    std::optional<PrepareResult> result;
    QList<PrepareStep> steps;
    QStringList lines;
};

// Collects one prepare; `onLine` may act on each progress line (e.g. cancel).
Outcome runPrepare(HostPreparer& preparer, const PrepareOptions& options, int timeoutMs,
                   std::function<void(const QString&)> onLine = {}) {
    Outcome outcome;
    QObject context;
    QObject::connect(&preparer, &HostPreparer::stepChanged, &context,
                     [&](PrepareStep step) { outcome.steps.append(step); });
    QObject::connect(&preparer, &HostPreparer::progress, &context, [&](const QString& line) {
        outcome.lines.append(line);
        if (onLine) onLine(line);
    });
    QObject::connect(&preparer, &HostPreparer::finished, &context,
                     [&](const PrepareResult& result) { outcome.result = result; });
    preparer.prepare(options);
    (void)QTest::qWaitFor([&] { return outcome.result.has_value(); }, timeoutMs);
    return outcome;
}

}  // namespace

class TestPrepareHost : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QTemporaryDir m_cache;
    std::unique_ptr<SshSessionThread> m_thread;
    std::unique_ptr<SessionResults> m_results;
    std::unique_ptr<HostPreparer> m_preparer;

    PrepareOptions options() const {
        PrepareOptions options;
        options.cacheRoot = m_cache.path();
        options.pollMs = 200;
        return options;
    }
    ExecResult remote(const RemoteCommand& command) { return run(*m_thread, *m_results, command); }

    struct CliRun {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // `trainbench ARGS` with hosts.json in m_home: this binary doubles as the CLI.
    CliRun trainbench(const QStringList& arguments) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TRAINBENCH_HOME"), m_home.path());
        env.remove(QStringLiteral("SSH_AUTH_SOCK"));
        process.setProcessEnvironment(env);
        process.start(QCoreApplication::applicationFilePath(), arguments);
        if (!process.waitForFinished(300000)) return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // The session and the preparer, made once by the first test (the base starts sshd).
    void connectOnce() {
        if (m_preparer) return;
        m_thread = std::make_unique<SshSessionThread>(
            keyTarget(m_sshd, m_home.filePath(QStringLiteral("known_hosts"))),
            QStringLiteral("local"), testOptions());
        m_results = std::make_unique<SessionResults>(m_thread->session());
        QVERIFY(accept(*m_thread, *m_results, m_sshd.hostKeyFingerprint()).ok());
        m_preparer = std::make_unique<HostPreparer>(
            m_thread.get(), QStringLiteral("local"),
            QStringLiteral("root@127.0.0.1 port %1").arg(m_sshd.port()));
    }

private Q_SLOTS:
    // What detect.sh prints on other boxes, parsed: which LibTorch wins, and the install line.
    void boxesOfOtherKinds() {
        const BoxToolchain ubuntu = parseBoxToolchain(
            "home=/home/me\nnproc=8\nuid=1000\nsudo=yes\nos_id=ubuntu\n"
            "os_name=Ubuntu 20.04.6 LTS\npackage_manager=apt-get\ncxx=/usr/bin/g++\n"
            "python_torch_version=2.1.0+cu121\npython_torch_abi=0\n"
            "python_torch_cmake=/opt/conda/lib/python3.10/site-packages/torch/share/cmake/Torch\n"
            "python_with_torch=/opt/conda/bin/python\n");
        QCOMPARE(ubuntu.torchSource, QStringLiteral("python"));
        QCOMPARE(ubuntu.torchAbi, QStringLiteral("0"));
        QCOMPARE(ubuntu.cpus, 8);
        QCOMPARE(ubuntu.missingTools(),
                 (QStringList{QStringLiteral("cmake"), QStringLiteral("make")}));
        QCOMPARE(installToolsCommand(ubuntu),
                 QStringLiteral("sudo apt-get update && sudo apt-get install -y cmake g++ make"));
        QVERIFY(installToolsScript(ubuntu).contains(QStringLiteral("sudo -n -E apt-get")));
        const QString message =
            missingToolsMessage(ubuntu, QStringLiteral("me@box port 2222"), QStringLiteral("gpu"));
        QVERIFY2(message.contains(QStringLiteral("me@box port 2222 (Ubuntu 20.04.6 LTS) has no "
                                                 "cmake, make")),
                 qPrintable(message));
        QVERIFY(message.contains(QStringLiteral("trainbench prepare gpu --install-tools")));

        BoxToolchain noSudo = ubuntu;
        noSudo.hasSudo = false;
        QVERIFY(missingToolsMessage(noSudo, QStringLiteral("box"), QStringLiteral("gpu"))
                    .contains(QStringLiteral("administrator")));

        const BoxToolchain rocky = parseBoxToolchain(
            "home=/root\nuid=0\nos_name=Rocky Linux 9\npackage_manager=dnf\n"
            "python_torch_version=2.0.1\npython_torch_abi=0\npython_torch_cmake=\n"
            "python_with_torch=/usr/bin/python3\nsystem_torch_cmake=/opt/libtorch/share/cmake/"
            "Torch\n"
            "system_torch_version=2.0.1\nsystem_torch_abi=1\n");
        QCOMPARE(rocky.torchSource, QStringLiteral("system"));
        QCOMPARE(rocky.torchAbi, QStringLiteral("1"));
        QVERIFY(rocky.pythonTorchNote.contains(QStringLiteral("no CMake files")));
        QCOMPARE(installToolsCommand(rocky), QStringLiteral("dnf install -y cmake gcc-c++ make"));
        // Another torch is another build.
        QVERIFY(trainerCacheKey(QStringLiteral("abc"), ubuntu) !=
                trainerCacheKey(QStringLiteral("abc"), rocky));
        QVERIFY(trainerCacheKey(QStringLiteral("abc"), ubuntu) !=
                trainerCacheKey(QStringLiteral("abd"), ubuntu));
    }

    void missingCmakeNamesTheInstallCommand() {
        connectOnce();
        QVERIFY(m_preparer);
        PrepareOptions opts = options();
        opts.cmake = QStringLiteral("tb-no-such-cmake");
        const Outcome outcome = runPrepare(*m_preparer, opts, 120000);
        QVERIFY(outcome.result);
        QVERIFY(!outcome.result->ok());
        const QString& message = outcome.result->message;
        QVERIFY2(message.contains(QStringLiteral("port %1").arg(m_sshd.port())),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("has no cmake")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("apt-get install -y cmake g++ make")),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("trainbench prepare local --install-tools")),
                 qPrintable(message));
        QVERIFY(!outcome.steps.contains(PrepareStep::Upload));
    }

    void buildsOnceThenUsesTheCache() {
        connectOnce();
        QVERIFY(m_preparer);
        const Outcome built = runPrepare(*m_preparer, options(), 1100000);
        QVERIFY(built.result);
        QVERIFY2(built.result->ok(),
                 qPrintable(built.result->message + QLatin1Char('\n') +
                            built.lines.mid(built.lines.size() - 20).join('\n')));
        QVERIFY(!built.result->cached);
        QVERIFY(built.steps.contains(PrepareStep::Upload));
        QVERIFY(built.steps.contains(PrepareStep::Build));
        // The build log came back line by line, with cmake's own lines in it.
        QVERIFY(built.lines.filter(QStringLiteral("trainbench: configuring against")).size() == 1);
        QVERIFY(built.lines.size() > 10);
        const QString trainer = built.result->trainerPath;
        QVERIFY(trainer.startsWith(m_cache.path()));

        // The built trainer runs on the box: its schema names the keys a config has.
        const ExecResult schema = remote(RemoteCommand(trainer).arg(QStringLiteral("--schema")));
        QCOMPARE(schema.exitStatus, 0);
        QVERIFY(schema.standardOutput.contains("optim.lr"));

        const auto mtime = [&] {
            return remote(RemoteCommand(QStringLiteral("stat"))
                              .arg(QStringLiteral("-c"))
                              .arg(QStringLiteral("%Y.%y"))
                              .arg(trainer))
                .standardOutput;
        };
        const QByteArray before = mtime();
        QVERIFY(!before.isEmpty());
        const Outcome again = runPrepare(*m_preparer, options(), 120000);
        QVERIFY(again.result && again.result->ok());
        QVERIFY(again.result->cached);
        QCOMPARE(again.result->trainerPath, trainer);
        QVERIFY(!again.steps.contains(PrepareStep::Upload));
        QVERIFY(!again.steps.contains(PrepareStep::Build));
        QVERIFY(again.lines.filter(QStringLiteral("cached: ")).size() == 1);
        QCOMPARE(mtime(), before);
    }

    // After the build above: the command line finds the cache, prints the path and keeps it
    // in hosts.json; a box without cmake exits 1 with the install command.
    void commandLineUsesTheCacheAndKeepsThePath() {
        connectOnce();
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("local"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts"))});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QCOMPARE(trainbench({QStringLiteral("prepare")}).exitCode, 2);

        const CliRun noCmake = trainbench(
            {QStringLiteral("prepare"), QStringLiteral("local"), QStringLiteral("--cache-dir"),
             m_cache.path(), QStringLiteral("--cmake"), QStringLiteral("tb-no-such-cmake")});
        QCOMPARE(noCmake.exitCode, 1);
        QVERIFY2(noCmake.err.contains(QStringLiteral("apt-get install -y cmake")),
                 qPrintable(noCmake.err));

        const CliRun cached = trainbench({QStringLiteral("prepare"), QStringLiteral("local"),
                                          QStringLiteral("--cache-dir"), m_cache.path()});
        QVERIFY2(cached.exitCode == 0, qPrintable(cached.err));
        QVERIFY(cached.out.contains(QStringLiteral("== check-cache")));
        QVERIFY(cached.out.contains(QStringLiteral("cached: ")));
        const QString path = cached.out.trimmed().split(QLatin1Char('\n')).last();
        QVERIFY2(
            path.startsWith(m_cache.path()) && path.endsWith(QLatin1String("/trainbench-train")),
            qPrintable(cached.out));
        HostStore store(m_home.path());
        QVERIFY(store.load().ok());
        QVERIFY(store.find(QStringLiteral("local")));
        QCOMPARE(store.find(QStringLiteral("local"))->trainerPath, path);
    }

    // Another source set is another key: a new build starts (cancelled here, so the test holds
    // one full build), and cancelling ends the build's whole process group on the box.
    void changedSourcesBuildAgainAndCancel() {
        connectOnce();
        QVERIFY(m_preparer);
        QTemporaryDir sources;
        QVERIFY(copyTree(embeddedTrainerSources(), sources.path()).ok());
        QFile dummy(sources.filePath(QStringLiteral("trainbench/core/train/extra_note.h")));
        QVERIFY(dummy.open(QIODevice::WriteOnly));
        dummy.write("// a changed source set\n");
        dummy.close();
        PrepareOptions opts = options();
        opts.sources = sources.path();
        HostPreparer* preparer = m_preparer.get();
        bool cancelled = false;
        const Outcome outcome = runPrepare(*preparer, opts, 300000, [&](const QString& line) {
            if (!cancelled && line.startsWith(QLatin1String("trainbench: configuring"))) {
                cancelled = true;
                preparer->cancel();
            }
        });
        QVERIFY(outcome.result);
        QCOMPARE(outcome.result->failure, SshFailure::Cancelled);
        QVERIFY(outcome.steps.contains(PrepareStep::Upload));
        QVERIFY(outcome.steps.contains(PrepareStep::Build));
        const QString dir = preparer->cacheDir();
        QVERIFY(QFile::exists(dir + QStringLiteral("/src/trainbench/core/train/extra_note.h")));
        QVERIFY(!QFile::exists(dir + QStringLiteral("/bin/trainbench-train")));
        QFile pidFile(dir + QStringLiteral("/job.pid"));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QString group = QStringLiteral("-") + QString::fromUtf8(pidFile.readAll()).trimmed();
        QTRY_VERIFY_WITH_TIMEOUT(
            remote(RemoteCommand(QStringLiteral("kill"))
                       .args({QStringLiteral("-0"), QStringLiteral("--"), group}))
                    .exitStatus != 0,
            30000);
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "prepare") == 0))
        return tb::runCliCommand(argc, argv);
    // The one real build takes minutes on a loaded 2-core machine; QtTest's default is 5.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1150000");
    QCoreApplication app(argc, argv);
    TestPrepareHost test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_prepare_host.moc"
