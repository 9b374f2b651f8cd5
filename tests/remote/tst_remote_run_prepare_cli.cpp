// trainbench run --host on a host that was never prepared (issue 10 item 7): it prepares first
// with the steps of `trainbench prepare` (here failing fast on a missing cmake, so no build
// runs in the test), or with --no-prepare refuses naming `trainbench prepare NAME`; a script
// run without a metrics regex needs no trainer and starts as before. Before, the launch ran
// trainbench-train from the box's PATH and the run failed with exit 127. `resume --to HOST`
// to such a host does the same.

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "tests/support/run_test_support.h"

using namespace tb::test;

class TestRemoteRunPrepareCli : public SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QString m_root;

    CliRun trainbench(const QStringList& arguments) {
        QProcessEnvironment env = cliEnvironment(m_home.path());
        env.insert(QStringLiteral("TRAINBENCH_BIN_DIR"), binDir());
        return runCli(QCoreApplication::applicationFilePath(), arguments, env, {}, 300000);
    }

    // The stored host "fresh": never prepared, so it has no trainer path.
    void addHost() {
        if (!m_root.isEmpty()) return;
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        m_root = m_home.filePath(QStringLiteral("remote runs"));
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("fresh"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts")), QStringLiteral("--remote-root"),
             m_root});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

private Q_SLOTS:
    void noPrepareRefusesNamingThePrepareCommand() {
        addHost();
        const CliRun refused = trainbench(
            {QStringLiteral("run"), demoConfig(), QStringLiteral("--host"), QStringLiteral("fresh"),
             QStringLiteral("--no-prepare"), QStringLiteral("--accept-new")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("never prepared")) &&
                     refused.err.contains(QLatin1String("trainbench prepare fresh")),
                 qPrintable(refused.err));
        QVERIFY(refused.out.isEmpty());
        QVERIFY(!QDir(m_root).exists());

        // A script turning its output into metrics needs the trainer too.
        const CliRun script = trainbench(
            {QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("echo loss=1"),
             QStringLiteral("--metrics-regex"), QStringLiteral("loss=(?<loss>\\S+)"),
             QStringLiteral("--host"), QStringLiteral("fresh"), QStringLiteral("--no-prepare")});
        QCOMPARE(script.exitCode, 1);
        QVERIFY(script.err.contains(QLatin1String("trainbench prepare fresh")));
    }

    void unpreparedHostIsPreparedFirst() {
        addHost();
        QTemporaryDir cache;
        const CliRun run = trainbench(
            {QStringLiteral("run"), demoConfig(), QStringLiteral("--host"), QStringLiteral("fresh"),
             QStringLiteral("--accept-new"), QStringLiteral("--cache-dir"), cache.path(),
             QStringLiteral("--cmake"), QStringLiteral("tb-no-such-cmake")});
        QCOMPARE(run.exitCode, 1);
        // The prepare's own steps and its message, on stderr: stdout is for the run id.
        QVERIFY2(run.err.contains(QLatin1String("== host fresh was never prepared")) &&
                     run.err.contains(QLatin1String("looking for cmake")) &&
                     run.err.contains(QLatin1String("cmake")),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QDir(m_root).exists());  // nothing was launched
    }

    void resumeToAnUnpreparedHostPreparesOrRefuses() {
        addHost();
        // A finished run with one checkpoint, made by hand in the host's runs root.
        const QString dir = m_root + QStringLiteral("/20261122-153012-parent");
        const auto write = [](const QString& path, const QByteArray& bytes) {
            QDir().mkpath(QFileInfo(path).path());
            QFile file(path);
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        QVERIFY(write(dir + "/run.json", "{\"id\":\"20261122-153012-parent\",\"name\":\"p\"}\n"));
        QVERIFY(write(dir + "/status.json", "{\"state\":\"finished\",\"exit_code\":0}\n"));
        QVERIFY(write(dir + "/config.resolved", "name = \"p\"\n"));
        QVERIFY(write(dir + "/checkpoints/ckpt-e0001-s0000001.pt", "1234567"));
        QVERIFY(write(dir + "/checkpoints/ckpt-e0001-s0000001.json",
                      "{\"epoch\":1,\"step\":1,\"bytes\":7}\n"));
        QVERIFY(write(dir + "/checkpoints/latest.json",
                      "{\"checkpoint\":\"ckpt-e0001-s0000001.pt\"}\n"));
        // The resume goes to "target", the same sshd with its own runs root, never prepared.
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const QString targetRoot = m_home.filePath(QStringLiteral("target runs"));
        const CliRun added = trainbench(
            {QStringLiteral("hosts"), QStringLiteral("add"), QStringLiteral("target"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts")), QStringLiteral("--remote-root"),
             targetRoot});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QStringList resume{
            QStringLiteral("resume"),      QStringLiteral("20261122-153012-parent"),
            QStringLiteral("--host"),      QStringLiteral("fresh"),
            QStringLiteral("--to"),        QStringLiteral("target"),
            QStringLiteral("--accept-new")};
        const CliRun refused = trainbench(resume + QStringList{QStringLiteral("--no-prepare")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("trainbench prepare target")),
                 qPrintable(refused.err));
        const CliRun prepared = trainbench(
            resume + QStringList{QStringLiteral("--cmake"), QStringLiteral("tb-no-such-cmake")});
        QCOMPARE(prepared.exitCode, 1);
        QVERIFY2(prepared.err.contains(QLatin1String("== host target was never prepared")),
                 qPrintable(prepared.err));
        // Nothing was uploaded or launched there.
        QVERIFY(!QDir(targetRoot).exists());
        // Listing its checkpoints needs no trainer and works on the unprepared host.
        const CliRun listed =
            trainbench({QStringLiteral("checkpoints"), QStringLiteral("20261122-153012-parent"),
                        QStringLiteral("--host"), QStringLiteral("fresh")});
        QVERIFY2(
            listed.exitCode == 0 && listed.out.contains(QLatin1String("ckpt-e0001-s0000001.pt")),
            qPrintable(listed.err + listed.out));
    }

    void scriptWithoutMetricsNeedsNoTrainer() {
        addHost();
        const CliRun script = trainbench({QStringLiteral("run"), QStringLiteral("--command"),
                                          QStringLiteral("echo hello"), QStringLiteral("--host"),
                                          QStringLiteral("fresh"), QStringLiteral("--no-prepare"),
                                          QStringLiteral("--accept-new")});
        QVERIFY2(script.exitCode == 0, qPrintable(script.err + script.out));
        const QString dir = m_root + QLatin1Char('/') + script.out.section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && tb::isCliCommand(QString::fromLocal8Bit(argv[1]))) {
        return tb::runCliCommand(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestRemoteRunPrepareCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_run_prepare_cli.moc"
