// trainbench hosts probe through a local sshd: the unknown key refused with its remedy, then
// accepted with --accept-key, in text and --json. The test binary doubles as the CLI.

#include "app/cli/cli_main.h"
#include "cli_process.h"
#include "ssh_test_support.h"
#include "sshd_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace tb::test;

class TestHostProbeCli : public tb::test::SshdTestCase {
    Q_OBJECT

private:
    QTemporaryDir m_home;

    // `hosts ARGS`, or with `topLevel` the bare ARGS (e.g. the `probe NAME` shortcut).
    CliRun trainbench(const QStringList& arguments, bool topLevel = false) {
        return runCli(QCoreApplication::applicationFilePath(),
                      topLevel ? arguments : QStringList{QStringLiteral("hosts")} + arguments,
                      cliEnvironment(m_home.path()));
    }

private Q_SLOTS:
    void probeAsksForTheKeyThenReports() {
        QString user = QString::fromLocal8Bit(qgetenv("USER"));
        if (user.isEmpty()) user = QStringLiteral("root");
        const CliRun added = trainbench(
            {QStringLiteral("add"), QStringLiteral("local"),
             QStringLiteral("ssh -p %1 %2@127.0.0.1").arg(m_sshd.port()).arg(user),
             QStringLiteral("--key"), m_sshd.userKeyFile(), QStringLiteral("--known-hosts"),
             m_home.filePath(QStringLiteral("known_hosts"))});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));

        QCOMPARE(trainbench({QStringLiteral("probe")}).exitCode, 2);
        QCOMPARE(trainbench({QStringLiteral("probe"), QStringLiteral("nosuch")}).exitCode, 1);

        const CliRun unknown = trainbench({QStringLiteral("probe"), QStringLiteral("local")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(m_sshd.hostKeyFingerprint()), qPrintable(unknown.err));
        QVERIFY(unknown.err.contains(QStringLiteral("hosts probe local --accept-key")));

        const CliRun json =
            trainbench({QStringLiteral("probe"), QStringLiteral("local"), QStringLiteral("--json"),
                        QStringLiteral("--accept-key"), m_sshd.hostKeyFingerprint()});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(report[QStringLiteral("name")].toString(), QStringLiteral("local"));
        const QString nproc = runTool(QStringLiteral("nproc"), {}).value_or(QString()).trimmed();
        QCOMPARE(report[QStringLiteral("cpus")].toInt(), nproc.toInt());
        QVERIFY(report[QStringLiteral("gpus")].toArray().isEmpty());
        QVERIFY(!report[QStringLiteral("disks")].toArray().isEmpty());
        QVERIFY(report[QStringLiteral("warnings")].toArray()[0].toString().startsWith(
            QLatin1String("No GPU visible")));

        // The key is known now; the text form needs no flag.
        const CliRun text = trainbench({QStringLiteral("probe"), QStringLiteral("local")});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(text.out.startsWith(QStringLiteral("local (")), qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("CPUs     ") + nproc));
        QVERIFY(text.out.contains(QStringLiteral("warning: No GPU visible")));
        const CliRun shortcut =
            trainbench({QStringLiteral("probe"), QStringLiteral("local")}, true);
        QCOMPARE(shortcut.exitCode, 0);
        QVERIFY(shortcut.out.contains(QStringLiteral("CPUs     ") + nproc));
    }
};

int main(int argc, char** argv) {
    // Started with "hosts ...", this binary is trainbench's command line.
    if (argc > 1 && (qstrcmp(argv[1], "hosts") == 0 || qstrcmp(argv[1], "probe") == 0)) {
        return tb::runCliCommand(argc, argv);
    }
    QCoreApplication app(argc, argv);
    TestHostProbeCli test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_host_probe_cli.moc"
