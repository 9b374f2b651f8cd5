// trainbench run --host on a host that was never prepared (issue 10 item 7): it prepares first
// with the steps of `trainbench prepare` (here failing fast on a missing cmake, so no build
// runs in the test), or with --no-prepare refuses naming `trainbench prepare NAME`; a script
// run without a metrics regex needs no trainer and starts as before. Before, the launch ran
// trainbench-train from the box's PATH and the run failed with exit 127.

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include "cli_main.h"
#include "cli_process.h"
#include "run_test_support.h"
#include "ssh_test_support.h"

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
        const CliRun refused = trainbench({QStringLiteral("run"), demoConfig(),
                                           QStringLiteral("--host"), QStringLiteral("fresh"),
                                           QStringLiteral("--no-prepare"),
                                           QStringLiteral("--accept-new")});
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
            {QStringLiteral("run"), demoConfig(), QStringLiteral("--host"),
             QStringLiteral("fresh"), QStringLiteral("--accept-new"), QStringLiteral("--cache-dir"),
             cache.path(), QStringLiteral("--cmake"), QStringLiteral("tb-no-such-cmake")});
        QCOMPARE(run.exitCode, 1);
        // The prepare's own steps and its message, on stderr: stdout is for the run id.
        QVERIFY2(run.err.contains(QLatin1String("== host fresh was never prepared")) &&
                     run.err.contains(QLatin1String("looking for cmake")) &&
                     run.err.contains(QLatin1String("cmake")),
                 qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QDir(m_root).exists());  // nothing was launched
    }

    void scriptWithoutMetricsNeedsNoTrainer() {
        addHost();
        const CliRun script = trainbench(
            {QStringLiteral("run"), QStringLiteral("--command"), QStringLiteral("echo hello"),
             QStringLiteral("--host"), QStringLiteral("fresh"), QStringLiteral("--no-prepare"),
             QStringLiteral("--accept-new")});
        QVERIFY2(script.exitCode == 0, qPrintable(script.err + script.out));
        const QString dir = m_root + QLatin1Char('/') + script.out.section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(stateOf(dir), QStringLiteral("finished"));
    }
};

int main(int argc, char** argv) {
    // Started with a command word, this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "run") == 0)) {
        return tb::runCliCommand(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestRemoteRunPrepareCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_remote_run_prepare_cli.moc"
